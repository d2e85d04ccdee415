#!/usr/bin/env bash
# The caseworker's benchmarks (issue 2): evaluating one proposal in the library, and
# `princip check` as a whole process, on the release build with the Swift runtime linked
# statically (as the README builds it: no dynamic loading of libswiftCore/Foundation).
#   Benchmarks/check.sh [PROPOSAL]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product princip >/dev/null
swift build -c release --static-swift-stdlib --product princip-bench >/dev/null
"$(swift build -c release --static-swift-stdlib --show-bin-path)/princip-bench" "${1:-Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml}"
