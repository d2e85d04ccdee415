// LLVMFuzzerRunDriver is defined by libFuzzer, linked into each fuzz target.
#include "FuzzDriver.h"
