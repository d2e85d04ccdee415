#!/usr/bin/env bash
# princip's side of the peers comparison (../shared/benchmarks/peers.md), measured in the
# same run as the hand-written Python baseline and GoRules Zen (graph and bare
# expression): the same 100,000 proposals (gen.py, seed 20240301), the same policy R1–R8
# (Benchmarks/peers/rules), and princip's violations checked proposal by proposal
# against the Python reference.
#
#   Benchmarks/peers/run.sh
#
# Environment: PEERS    the peers folder (default ../shared/benchmarks/peers beside the repo)
#              WORK     a writable copy of it with the venv (default /tmp/princip-peers)
#              SCRATCH  princip's build folder (default .build)
#              REPS     repetitions, interleaved (default 3)
# One core: `taskset -c 0` and --threads 1 for princip, as the peers were measured;
# both cores: princip --threads 2, unpinned. princip's time is the whole process
# (start, loading the rules, reading, judging, writing every result line), the peers'
# the e2e loop of bench.py (file in, results out). Does not run the peers' run_all.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/benchmarks/peers}
WORK=${WORK:-/tmp/princip-peers}
SCRATCH=${SCRATCH:-$ROOT/.build}
REPS=${REPS:-3}
mkdir -p "$WORK/data" "$WORK/results"
cp -r "$PEERS"/*.py "$PEERS"/*.sh "$PEERS"/policies "$WORK"/ 2> /dev/null || true
chmod -R u+w "$WORK"
[ -x "$WORK/venv/bin/python" ] || (cd "$WORK" && ./setup.sh)
(cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product princip >&2)
PRINCIP="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/princip"
cd "$WORK"
PY=./venv/bin/python
DATA=data/proposals_100k.jsonl
[ -s "$DATA" ] || $PY gen.py 100000 "$DATA"
export GOMAXPROCS=1 RAYON_NUM_THREADS=1 TOKIO_WORKER_THREADS=1 OMP_NUM_THREADS=1 PYTHONHASHSEED=0
RUNS=results/side-by-side.jsonl
: > "$RUNS"
AUDIT=(audit "$DATA" --rules "$ROOT/Benchmarks/peers/rules" --mapping "$ROOT/Benchmarks/peers/mapping.yaml")

princip_run() {  # tag threads pin
  local tag=$1 threads=$2 pin=$3 out=results/princip-$1.jsonl time=results/time_princip-$1_$4.txt
  if [ "$pin" = yes ]; then
    /usr/bin/time -v -o "$time" taskset -c 0 "$PRINCIP" "${AUDIT[@]}" --threads "$threads" --out "$out" > /dev/null
  else
    /usr/bin/time -v -o "$time" "$PRINCIP" "${AUDIT[@]}" --threads "$threads" --out "$out" > /dev/null
  fi
  python3 - "$time" "$tag" "$4" >> "$RUNS" <<'PYEOF'
import json, re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(json.dumps({"engine": "princip-" + sys.argv[2], "mode": "e2e", "n": 100000, "seconds": secs,
                  "per_sec": round(100000 / secs, 1), "ru_maxrss_kib": rss, "tag": "rep" + sys.argv[3]}))
PYEOF
}

for rep in $(seq 1 "$REPS"); do
  for e in python zen zen-expr; do
    /usr/bin/time -v -o "results/time_${e}_e2e_$rep.txt" taskset -c 0 $PY bench.py "$e" e2e "$DATA" --out "$RUNS" --tag "rep$rep" > /dev/null
  done
  princip_run 1core 1 yes "$rep"
  princip_run 2cores 2 no "$rep"
done

echo "Violations, princip against the Python reference:" >&2
python3 "$ROOT/Benchmarks/peers/digest.py" results/princip-1core.jsonl "$DATA" . | tee results/princip-digest.txt >&2
cmp -s results/princip-1core.jsonl results/princip-2cores.jsonl && echo "1 core and 2 cores: byte-identical results" >&2

python3 - "$RUNS" results/princip-digest.txt <<'PYEOF'
import json, re, statistics as st, sys, glob
runs = [json.loads(l) for l in open(sys.argv[1])]
princip_digest = json.loads(open(sys.argv[2]).readline())["digest"]
reference = next(r["digest"] for r in runs if r["engine"] == "python")
def rss(r):
    if "ru_maxrss_kib" in r and r["engine"].startswith("princip"):
        return r["ru_maxrss_kib"] / 1024
    files = glob.glob(f"results/time_{r['engine']}_e2e_*.txt")
    vals = [int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(p).read()).group(1)) / 1024 for p in files]
    return st.median(vals) if vals else float("nan")
names = {"python": "hand-written Python (no engine), 1 core", "zen": "GoRules Zen, decision graph, 1 core",
         "zen-expr": "GoRules Zen, bare compiled expression, 1 core",
         "princip-1core": "princip audit, 1 core (--threads 1, taskset -c 0)", "princip-2cores": "princip audit, 2 cores (--threads 2)"}
order = ["python", "zen", "zen-expr", "princip-1core", "princip-2cores"]
zen = st.median(r["per_sec"] for r in runs if r["engine"] == "zen")
print("| engine | end-to-end proposals/s (median; min–max) | vs Zen graph | peak RSS MiB | same violations as the Python reference |")
print("|---|---|---|---|---|")
for e in order:
    rs = [r for r in runs if r["engine"] == e]
    rates = sorted(r["per_sec"] for r in rs)
    m = st.median(rates)
    same = (princip_digest == reference) if e.startswith("princip") else all(r["digest"] == reference for r in rs)
    print(f"| {names[e]} | {m:,.0f} ({rates[0]:,.0f}–{rates[-1]:,.0f}) | {m / zen:.2f}× | {st.median(rss(r) for r in rs):,.0f} | {'yes' if same else 'NO'} |")
PYEOF
