#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs with a main of their own: parses libFuzzer's
/// flags from argv and fuzzes `callback` (see LLVM's LibFuzzer.html, "Using libFuzzer as
/// a library").
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// LeakSanitizer: what is allocated between these two calls is never reported as a leak.
void __lsan_disable(void);
void __lsan_enable(void);

#endif
