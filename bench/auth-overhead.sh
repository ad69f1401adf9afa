#!/usr/bin/env bash
# What authentication costs the api's hottest read: the cached GET /api/assets/{id} with a bearer token on this
# checkout, next to the same request without authentication on a checkout of the commit before identity (57979b4),
# both stacks up side by side, wrk runs alternating in one session (target: with a token >= 85 % of the req/s without).
# Also the client-credentials token endpoint: 100 requests one after another, p50 and p95 (target: p95 <= 50 ms).
# Both checkouts built in Release first; run under the CPU lock. Needs: wrk, curl, python3.
# Usage: git worktree add /tmp/before-identity 57979b4 && dotnet build -c Release /tmp/before-identity/Platform.sln &&
#        dotnet build -c Release Platform.sln && bench/auth-overhead.sh /tmp/before-identity    (RUNS=5)
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
. bench/lib/common.sh
baseline=${1:?usage: bench/auth-overhead.sh <checkout of the commit before identity, built in Release>}
runs=${RUNS:-5}
data=$(mktemp -d /tmp/platform-bench-XXXXXX) && chmod 755 "$data"
base_data=$(mktemp -d /tmp/platform-bench-XXXXXX) && chmod 755 "$base_data"
log=$(mktemp); base_log=$(mktemp)
leader=""; base_leader=""
cleanup() {
  [ -n "$leader" ] && stop_stack "$leader"
  [ -n "$base_leader" ] && stop_stack "$base_leader"
  rm -rf "$data" "$base_data" "$log" "$base_log"
}
trap cleanup EXIT
umask 077

start_stack . "$data" "$log"; leader=$!
wait_for_stack "$leader" "$log"
start_stack "$baseline" "$base_data" "$base_log"; base_leader=$!
wait_for_stack "$base_leader" "$base_log"

api_pid=$(service_pid . Platform.Api)
api=$(env_of "$api_pid" ASPNETCORE_URLS)
identity=$(env_of "$api_pid" services__identity__http__0)
base_api=$(env_of "$(service_pid "$baseline" Platform.Api)" ASPNETCORE_URLS)
fetch_token "$identity" "$data" >/dev/null
export BENCH_TOKEN=$(cat "$data/token")

# One small asset on each stack, processed, then read once so that it is in the api's cache.
printf 'benchmark asset\nsecond line\n' > "$data/asset.txt"
upload() { curl -sf "$@" -F "file=@$data/asset.txt;type=text/plain" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }
asset=$(upload -H "@$data/auth-header" "$api/api/assets")
base_asset=$(upload "$base_api/api/assets")
until curl -sf -H "@$data/auth-header" "$api/api/assets/$asset" | grep -q '"status":"done"' &&
      curl -sf "$base_api/api/assets/$base_asset" | grep -q '"status":"done"'; do sleep 0.2; done

echo "== client-credentials token, 100 requests one after another"
times=(); for i in $(seq 100); do times+=("$(fetch_token "$identity" "$data")"); done
token_p50=$(printf '%s\n' "${times[@]}" | median)
token_p95=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR * 0.95)] }')
export BENCH_TOKEN=$(cat "$data/token")

echo "== GET /api/assets/{id}, cached: bearer token (this checkout) vs none ($baseline), wrk -t2 -c32 -d10s, alternating"
wrk_rps_p99 "$api/api/assets/$asset" 3s -s bench/bearer.lua >/dev/null; wrk_rps_p99 "$base_api/api/assets/$base_asset" 3s >/dev/null
with=(); without=(); ratios=()
for i in $(seq "$runs"); do
  read -r rps p99 <<<"$(wrk_rps_p99 "$api/api/assets/$asset" 10s -s bench/bearer.lua)"; with+=("$rps")
  read -r base_rps base_p99 <<<"$(wrk_rps_p99 "$base_api/api/assets/$base_asset" 10s)"; without+=("$base_rps")
  ratios+=("$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.1f", 100 * a / b }')")
  echo "run $i: bearer $rps req/s (p99 $p99 ms), none $base_rps req/s (p99 $base_p99 ms): ${ratios[-1]} %"
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
echo "client-credentials token:             p50 $token_p50 ms, p95 $token_p95 ms"
echo "median GET with a bearer token:       $(printf '%s\n' "${with[@]}" | median) req/s"
echo "median GET without authentication:    $(printf '%s\n' "${without[@]}" | median) req/s"
echo "median ratio (per alternating pair):  $(printf '%s\n' "${ratios[@]}" | median) %"
