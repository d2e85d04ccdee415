#!/usr/bin/env bash
# The trainer's benchmarks (issue 15): whole-process times of `whatif` and `mend` (up to 3
# changes) beside `check`, for every proposal in Examples/proposals, on the release build
# with the Swift runtime linked statically (as Benchmarks/check.sh builds it). Each figure
# is the median of RUNS runs (default 5), in milliseconds; mend must stay under 1000 ms.
#   Benchmarks/trainer.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build -c release --static-swift-stdlib --product princip >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/princip"

# Median wall time of a command in milliseconds (its output and exit status ignored).
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

printf '%-56s %7s %7s %7s %10s\n' proposal check whatif mend tradeoffs
worst=0
for file in Examples/proposals/*.yaml; do
  case "$file" in *expected.yaml) continue ;; esac
  check=$(median_ms "$bin" check "$file")
  whatif=$(median_ms "$bin" whatif "$file" --set plan.coherent_plan=true)
  mend=$(median_ms "$bin" mend "$file" --max-changes 3)
  tradeoffs=$(median_ms "$bin" tradeoffs "$file")
  (( mend > worst )) && worst=$mend
  printf '%-56s %5s ms %5s ms %5s ms %8s ms\n' "$(basename "$file")" "$check" "$whatif" "$mend" "$tradeoffs"
done
echo "slowest mend: ${worst} ms (target: under 1000 ms)"
