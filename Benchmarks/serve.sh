#!/usr/bin/env bash
# The server's benchmark (issue 16): the release `princip serve` on loopback, loaded by wrk
# with 64 keep-alive connections for 10 s on POST /v1/check (an example proposal) and on
# GET /healthz (the framework's own ceiling), one after the other in the same run; prints
# requests/s and p50/p99 latency for each, and the server's resident memory after each.
#   Benchmarks/serve.sh [PROPOSAL] [SECONDS]
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
proposal=${1:-Examples/proposals/halsnaes-psychiatric-botilbud-violated.yaml}
seconds=${2:-10}
command -v wrk >/dev/null || { echo "serve.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
swift build -c release --static-swift-stdlib --product princip >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/princip"
work=$(mktemp -d)
port=${PORT:-18090}
"$bin" serve --port "$port" 2>"$work/serve.log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# wrk sends the proposal as the body of every request.
cat >"$work/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/yaml"
local file = io.open("$proposal", "rb")
wrk.body = file:read("*a")
file:close()
LUA
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("REPORT %.0f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))
end
LUA
cat "$work/report.lua" >>"$work/check.lua"

rss() { awk '/VmRSS/ { print $2 / 1024 " MiB" }' "/proc/$server/status"; }
run() {
  local name=$1 url=$2 script=$3
  local line
  line=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$script" "$url" | grep '^REPORT')
  read -r _ rps p50 p99 errors total <<<"$line"
  printf '%-10s %8s req/s   p50 %6s ms   p99 %6s ms   %s requests, %s errors   server RSS %s\n' \
    "$name" "$rps" "$p50" "$p99" "$total" "$errors" "$(rss)"
}
echo "princip serve, release, 64 keep-alive connections, ${seconds} s each, $(nproc) cores"
run /v1/check "http://127.0.0.1:$port/v1/check" "$work/check.lua"
run /healthz "http://127.0.0.1:$port/healthz" "$work/report.lua"
