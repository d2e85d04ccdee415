#!/usr/bin/env bash
# princip audit: decisions per second and peak memory on generated decisions against all
# bundled packs, JSON Lines in, one result line per decision out (release build, Swift
# runtime linked statically, as the README builds it).
#
#   Benchmarks/audit-bench.sh [COUNT...]        default: 100000 1000000
#
# Environment: SCRATCH  build folder (default .build)
#              WORK     where data and results go (default /tmp/princip-audit-bench)
#              THREADS  worker threads (default: one per core)
#              MALFORMED share of broken records princip-gen writes (default 0.001)
#              REPS      runs per count (default 3)
# Prints a Markdown table: the best and the median of the runs (the machine is shared, and
# other work slows single runs by up to a half), and the CPU time they took; the memory
# check is the highest peak RSS
# at the largest count divided by that at the smallest (the issue asks for at most 1.5).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build}
WORK=${WORK:-/tmp/princip-audit-bench}
COUNTS=${*:-100000 1000000}
REPS=${REPS:-3}
mkdir -p "$WORK"
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product princip >&2
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product princip-gen >&2
BIN=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss_mib() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_seconds() { awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$1"; }

echo "| decisions | input MB | threads | runs | seconds: best (median) | decisions/s: best (median) | CPU seconds, user + system: least (median) | peak RSS MiB (max) | error rows |"
echo "|---|---|---|---|---|---|---|---|---|"
first_rss=""
for n in $COUNTS; do
  data="$WORK/decisions-$n.jsonl"
  [ -s "$data" ] || "$BIN/princip-gen" "$n" --seed 1 --malformed "${MALFORMED:-0.001}" --out "$data"
  times=()
  cpus=()
  rss=0
  for run in $(seq "$REPS"); do
    status=0
    /usr/bin/time -v -o "$WORK/time-$n.txt" "$BIN/princip" audit "$data" ${THREADS:+--threads "$THREADS"} \
      --out "$WORK/results-$n.jsonl" --lang en > "$WORK/summary-$n.txt" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 4 ]; then echo "princip audit failed with status $status" >&2; exit 1; fi
    times+=("$(seconds "$WORK/time-$n.txt")")
    cpus+=("$(cpu_seconds "$WORK/time-$n.txt")")
    run_rss=$(rss_mib "$WORK/time-$n.txt")
    [ "$run_rss" -gt "$rss" ] && rss=$run_rss
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  best=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (REPS + 1) / 2 ))p")
  errors=$(sed -n 's/.* judged, \([0-9,]*\) error rows.*/\1/p' "$WORK/summary-$n.txt" | head -1)
  mb=$(( $(stat -c %s "$data") / 1000000 ))
  figures=$(awk -v n="$n" -v b="$best" -v m="$median" 'BEGIN { printf "%.2f (%.2f) | %.0f (%.0f)", b, m, n / b, n / m }')
  cpu_sorted=$(printf '%s\n' "${cpus[@]}" | sort -g)
  cpu=$(awk -v l="$(echo "$cpu_sorted" | head -1)" -v m="$(echo "$cpu_sorted" | sed -n "$(( (REPS + 1) / 2 ))p")" 'BEGIN { printf "%.2f (%.2f)", l, m }')
  echo "| $n | $mb | ${THREADS:-$(nproc)} | $REPS | $figures | $cpu | $rss | $errors |"
  [ -n "$first_rss" ] || first_rss=$rss
  last_rss=$rss
done
awk -v a="$first_rss" -v b="$last_rss" 'BEGIN { printf "\npeak RSS, largest / smallest count: %.2f (limit 1.5)\n", b / a }'
