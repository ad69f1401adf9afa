#!/usr/bin/env bash
# The workload's benchmarks, on a fresh local stack built in Release (run under the CPU lock, see BUILD-LOCK.md):
#   jobs  - end-to-end throughput with one worker (the other replica is frozen) of small jobs ('ping': the job's
#           bookkeeping only) and of 'verify-asset' jobs (an S3 read and a SHA-256 each), and enqueue->start latency
#           p50/p99 of small jobs at a fixed 200 jobs/s (and 100 jobs/s), next to redis-benchmark for the same stream
#           commands and, during the latency run, PostgreSQL SELECT 1 round trips at the same rate;
#   api   - GET /api/assets/{id} req/s and p99 with wrk, next to a bare Kestrel endpoint, alternating, same run;
#   lag   - replica lag p50/p99 under a write load on the primary.
# What the bearer token itself costs that GET (against the commit before identity, side by side) needs a second
# checkout and stack: bench/auth-overhead.sh.
# Each measurement runs RUNS times (3); the medians are printed last. TRACES_SAMPLE_RATIO=0.1 samples traces as the cloud
# does (default: every trace, Aspire's development setting). Needs: wrk, redis-tools (redis-benchmark), curl.
# Usage: dotnet build -c Release Platform.sln && dotnet build -c Release bench/JobBench bench/BareKestrel && bench/workload.sh
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
. bench/lib/common.sh
runs=${RUNS:-3}
data=$(mktemp -d /tmp/platform-bench-XXXXXX)
chmod 755 "$data"
log=$(mktemp)
start_stack . "$data" "$log"
leader=$!
bare=""
frozen=""
cleanup() {
  [ -n "$frozen" ] && kill -CONT "$frozen" 2>/dev/null || true
  [ -n "$bare" ] && kill "$bare" 2>/dev/null || true
  stop_stack "$leader"
  rm -rf "$data" "$log"
}
trap cleanup EXIT

wait_for_stack "$leader" "$log"

api_pid=$(service_pid . Platform.Api)
worker_pids=($(pgrep -f "$PWD/Platform.Worker/bin/Release/net10.0/Platform.Worker.dll"))
export PRIMARY=$(as_master "$(env_of "$api_pid" ConnectionStrings__platformdb)" "$data")
export REPLICA=$(as_master "$(env_of "$api_pid" ConnectionStrings__platformdb-replica)" "$data")
export REDIS=$(env_of "$api_pid" ConnectionStrings__cache)
api=$(env_of "$api_pid" ASPNETCORE_URLS)
identity=$(env_of "$api_pid" services__identity__http__0)
redis_port=$(echo "$REDIS" | sed -E 's/^[^:]+:([0-9]+),.*/\1/')
redis_password=$(echo "$REDIS" | sed -E 's/.*password=([^,]*).*/\1/')

# Bounded: a driver that hangs fails the run instead of holding the machine.
job_bench() { timeout 300 dotnet bench/JobBench/bin/Release/net10.0/JobBench.dll "$@"; }

# The api wants a bearer token: the command-line client's, by client credentials (see fetch_token).
token_ms() { fetch_token "$identity" "$data"; }
authed() { curl -H "@$data/auth-header" "$@"; }
umask 077
token_ms >/dev/null

echo "== setup: 20 small text assets"
for i in $(seq 20); do
  printf 'benchmark asset %s\nsecond line\n' "$i" > "$data/bench-$i.txt"
  authed -sf -o /dev/null -F "file=@$data/bench-$i.txt;type=text/plain" "$api/api/assets"
done
until [ "$(authed -sf "$api/api/assets?pageSize=20" | grep -o '"status":"done"' | wc -l)" = 20 ]; do sleep 0.2; done
asset=$(authed -sf "$api/api/assets?pageSize=1" | sed -E 's/.*"data":\[\{"id":"([^"]+)".*/\1/')

echo "== identity: a client-credentials token, 100 times one after another"
token_times=(); for i in $(seq 100); do token_times+=("$(token_ms)"); done
token_p50=$(printf '%s\n' "${token_times[@]}" | median)
token_p95=$(printf '%s\n' "${token_times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR * 0.95)] }')
echo "token endpoint: p50 $token_p50 ms, p95 $token_p95 ms"
export BENCH_TOKEN=$(cat "$data/token")

echo "== redis-benchmark: the queue's commands on this Redis"
redis-cli -p "$redis_port" -a "$redis_password" --no-auth-warning XGROUP CREATE benchstream benchgroup '$' MKSTREAM >/dev/null
redis-benchmark -p "$redis_port" -a "$redis_password" -c 8 -n 100000 -q XADD benchstream '*' job 01a208db-6bd2-74e2-9b49-a6dfa3040b55 type verify-asset enqueued 1763900000000 2>/dev/null | tr '\r' '\n' | grep -v '^$' | tail -1
redis-benchmark -p "$redis_port" -a "$redis_password" -c 8 -n 100000 -q XREADGROUP GROUP benchgroup consumer COUNT 1 STREAMS benchstream '>' 2>/dev/null | tr '\r' '\n' | grep -v '^$' | tail -1
redis-benchmark -p "$redis_port" -a "$redis_password" -c 8 -n 100000 -q XACK benchstream benchgroup 0-1 2>/dev/null | tr '\r' '\n' | grep -v '^$' | tail -1
redis-cli -p "$redis_port" -a "$redis_password" --no-auth-warning DEL benchstream >/dev/null

echo "== jobs, one worker (replica ${worker_pids[1]} frozen)"
frozen=${worker_pids[1]}
kill -STOP "$frozen"
# Warm-up: the worker's first batches run before the JIT has compiled their code.
job_bench throughput 2000 ping >/dev/null
throughput=(); verify=(); p50=(); p99=(); wake99=(); select99=(); half50=(); half99=()
for i in $(seq $runs); do
  line=$(job_bench throughput 10000 ping); echo "$line"
  throughput+=("$(echo "$line" | sed -E 's/.*= ([0-9]+) jobs\/s.*/\1/')")
  line=$(job_bench throughput 2000 verify-asset); echo "$line"
  verify+=("$(echo "$line" | sed -E 's/.*= ([0-9]+) jobs\/s.*/\1/')")
  line=$(job_bench latency 200 10 ping); echo "$line"
  p50+=("$(echo "$line" | sed -E 's/.*enqueue->start p50 ([0-9.]+) ms.*/\1/')")
  p99+=("$(echo "$line" | sed -E 's/.*p99 ([0-9.]+) ms, max.*/\1/')")
  wake99+=("$(echo "$line" | sed -E 's/.*delay p50 -?[0-9.]+ ms, p99 ([0-9.]+) ms.*/\1/')")
  select99+=("$(echo "$line" | sed -E 's/.*SELECT 1 meanwhile p50 [0-9.]+ ms, p99 ([0-9.]+) ms.*/\1/')")
  # Below the single worker's capacity, to separate dispatch latency from queueing.
  line=$(job_bench latency 100 10 ping); echo "$line"
  half50+=("$(echo "$line" | sed -E 's/.*enqueue->start p50 ([0-9.]+) ms.*/\1/')")
  half99+=("$(echo "$line" | sed -E 's/.*p99 ([0-9.]+) ms, max.*/\1/')")
done
kill -CONT "$frozen"; frozen=""

echo "== api: GET /api/assets/{id} (cached, with a bearer token) vs bare Kestrel, wrk -t2 -c32 -d10s"
body_bytes=$(authed -sf "$api/api/assets/$asset" | wc -c)
bare_port=$((20000 + RANDOM % 5000))
BODY_BYTES=$body_bytes ASPNETCORE_URLS="http://localhost:$bare_port" dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll >/dev/null 2>&1 &
bare=$!
until curl -sf -o /dev/null "http://localhost:$bare_port/asset"; do sleep 0.1; done
wrk_run() { wrk_rps_p99 "$1" 10s -s bench/bearer.lua; } # url -> "req/s p99_ms"
api_rps=(); api_p99=(); bare_rps=(); bare_p99=()
wrk -t2 -c32 -d3s -s bench/bearer.lua "$api/api/assets/$asset" >/dev/null; wrk -t2 -c32 -d3s "http://localhost:$bare_port/asset" >/dev/null
for i in $(seq $runs); do
  read -r rps p99v <<<"$(wrk_run "$api/api/assets/$asset")"; api_rps+=("$rps"); api_p99+=("$p99v")
  read -r rps p99v <<<"$(wrk_run "http://localhost:$bare_port/asset")"; bare_rps+=("$rps"); bare_p99+=("$p99v")
  echo "run $i: api ${api_rps[-1]} req/s p99 ${api_p99[-1]} ms; bare ${bare_rps[-1]} req/s p99 ${bare_p99[-1]} ms ($body_bytes-byte body)"
done
kill "$bare"; bare=""

echo "== replica lag under write load"
lag50=(); lag99=()
for i in $(seq $runs); do
  line=$(job_bench replica-lag 10); echo "$line"
  lag50+=("$(echo "$line" | sed -E 's/.*p50 ([0-9.]+) ms.*/\1/')")
  lag99+=("$(echo "$line" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/')")
done

echo
echo "traces sampled: ${TRACES_SAMPLE_RATIO:-1 (every trace)}"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
echo "median small-job throughput, one worker: $(printf '%s\n' "${throughput[@]}" | median) jobs/s"
echo "median verify-asset throughput:         $(printf '%s\n' "${verify[@]}" | median) jobs/s"
echo "median enqueue->start at 200 jobs/s:    p50 $(printf '%s\n' "${p50[@]}" | median) ms, p99 $(printf '%s\n' "${p99[@]}" | median) ms"
echo "median driver wake-up delay p99 at 200/s: $(printf '%s\n' "${wake99[@]}" | median) ms (the machine's scheduling floor)"
echo "median SELECT 1 p99 meanwhile at 200/s: $(printf '%s\n' "${select99[@]}" | median) ms (one hop of the job's path)"
echo "median enqueue->start at 100 jobs/s:    p50 $(printf '%s\n' "${half50[@]}" | median) ms, p99 $(printf '%s\n' "${half99[@]}" | median) ms"
echo "client-credentials token:               p50 $token_p50 ms, p95 $token_p95 ms"
echo "median GET /api/assets/{id} (bearer):   $(printf '%s\n' "${api_rps[@]}" | median) req/s, p99 $(printf '%s\n' "${api_p99[@]}" | median) ms"
echo "median bare Kestrel:                    $(printf '%s\n' "${bare_rps[@]}" | median) req/s, p99 $(printf '%s\n' "${bare_p99[@]}" | median) ms"
echo "median replica lag under write load:    p50 $(printf '%s\n' "${lag50[@]}" | median) ms, p99 $(printf '%s\n' "${lag99[@]}" | median) ms"
