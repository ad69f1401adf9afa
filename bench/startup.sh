#!/usr/bin/env bash
# Start and stop of the local stack, already built in Release, as a user runs it (`dotnet run --no-build`), side by side:
#   bench/startup.sh [runs] [baseline]
# Each round alternates, on the same machine and load:
#   floor   a trivial Aspire AppHost (bench/AspireFloor: one executable, one project, no Platform) to its project answering
#   cold    this checkout's AppHost on an empty data folder (initdb, pg_basebackup) to "All N resources are up"
#   warm    the same on the data kept by the cold start
#   and, when <baseline> names another checkout of Platform (built in Release), its cold and warm starts.
#   stop    Ctrl+C (SIGINT to the run's process group) to the last process of the run gone, DCP's included.
# CPU: what every process of the run used until it was up. One warm start of this checkout is also traced: when the
# AppHost, DCP and the dashboard appeared, and the first and last resource was ready. Prints each round and the medians.
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
. bench/lib/common.sh
runs=${1:-5}
baseline=${2:-}
work=$(mktemp -d /tmp/platform-startup-XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Starts an AppHost in its own process group, each output line prefixed with the time it was read; sets $leader.
launch() { # $1 = checkout, $2 = its AppHost project, $3 = log, then the AppHost's arguments
  local checkout=$1 project=$2 log=$3; shift 3
  (cd "$checkout" && exec dotnet run -c Release --no-build --project "$project" -- "$@") \
    > >(while IFS= read -r line; do echo "$(now_ms) $line"; done > "$log") 2>&1 &
  leader=$!
}


tick_ms=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { for p in "$@"; do awk -v t="$tick_ms" '{ print ($14 + $15 + $16 + $17) * t }' "/proc/$p/stat" 2>/dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'; }

# Waits until the run is up: $1 = a command that succeeds then. Sets up_ms, cpu_used.
wait_up() {
  local start=$1; shift
  until "$@"; do
    kill -0 "$leader" 2>/dev/null || { echo "the AppHost exited before it was up" >&2; exit 1; }
    sleep 0.02
  done
  up_ms=$(( $(now_ms) - start ))
  cpu_used=$(cpu_ms $(run_tree "$leader"))
}

# Ctrl+C to the group, then until every process of the run is gone. Sets stop_ms.
stop_run() {
  local pids begin alive p
  pids=$(run_tree "$leader")
  begin=$(now_ms)
  kill -INT -- "-$leader"
  while true; do
    alive=0
    for p in $pids; do
      if [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != "Z" ]; then alive=1; break; fi
    done
    [ $alive = 0 ] && break
    sleep 0.01
  done
  stop_ms=$(( $(now_ms) - begin ))
  wait "$leader" 2>/dev/null || true
}

# One start and stop of a Platform checkout on the data folder $2 ($3: fresh or kept). Sets up_ms, cpu_used, stop_ms.
platform_run() { # $1 = checkout, $2 = data folder, $3 = fresh|kept
  local log=$work/log start args
  if [ -f "$1/Platform.Hosting/NativeRuntime.cs" ]; then
    args=("--Platform:DataDirectory=$2"); [ "$3" = fresh ] && args+=("--Platform:Fresh=true")
  else
    args=(--data-dir "$2"); [ "$3" = fresh ] && args+=(--fresh)
  fi
  start=$(now_ms)
  Platform__ConsoleView=Lines launch "$1" Platform.AppHost "$log" "${args[@]}"
  wait_up "$start" grep -q "resources are up" "$log"
  cp "$log" "$work/last.log"
  stop_run
}

floor_run() {
  local start
  start=$(now_ms)
  launch . bench/AspireFloor/AppHost "$work/floor.log"
  wait_up "$start" curl -sf -o /dev/null http://localhost:18998/
  stop_run
}

declare -A times
record() { times[$1]+="$2 "; }
median_of() { printf '%s\n' ${times[$1]} | median; }

for i in $(seq "$runs"); do
  floor_run; record floor "$up_ms"; record floor_cpu "$cpu_used"; record floor_stop "$stop_ms"
  platform_run . "$work/data" fresh; record cold "$up_ms"; record cold_cpu "$cpu_used"; record stop "$stop_ms"
  platform_run . "$work/data" kept; record warm "$up_ms"; record warm_cpu "$cpu_used"; record stop "$stop_ms"
  echo "round $i: floor $(echo ${times[floor]} | awk '{print $NF}') ms, cold $(echo ${times[cold]} | awk '{print $NF}') ms, warm $(echo ${times[warm]} | awk '{print $NF}') ms, stops $(echo ${times[stop]} | awk '{print $(NF-1) " / " $NF}') ms"
  if [ -n "$baseline" ]; then
    platform_run "$baseline" "$work/base" fresh; record base_cold "$up_ms"; record base_cold_cpu "$cpu_used"; record base_stop "$stop_ms"
    platform_run "$baseline" "$work/base" kept; record base_warm "$up_ms"; record base_warm_cpu "$cpu_used"; record base_stop "$stop_ms"
    echo "         baseline cold $(echo ${times[base_cold]} | awk '{print $NF}') ms, warm $(echo ${times[base_warm]} | awk '{print $NF}') ms"
  fi
done

# The trace of the last warm start of this checkout, from its timestamped log.
trace() {
  local log=$work/last.log first
  first=$(head -1 "$log" | cut -d' ' -f1)
  awk -v t0="$first" '
    /Now listening on/ && !dash { printf "  dashboard listening  +%d ms\n", $1 - t0; dash = 1 }
    / is healthy| is finished/ && !one { printf "  first resource ready +%d ms\n", $1 - t0; one = 1 }
    /resources are up after/ { printf "  all resources ready  +%d ms\n", $1 - t0 }' "$log"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
echo "median floor (trivial Aspire AppHost): $(median_of floor) ms, CPU $(median_of floor_cpu) ms; stop $(median_of floor_stop) ms"
echo "median cold start: $(median_of cold) ms, CPU $(median_of cold_cpu) ms"
echo "median warm start: $(median_of warm) ms, CPU $(median_of warm_cpu) ms"
echo "median stop:       $(median_of stop) ms"
if [ -n "$baseline" ]; then
  echo "baseline $(cd "$baseline" && git log -1 --format=%h): cold $(median_of base_cold) ms (CPU $(median_of base_cold_cpu) ms), warm $(median_of base_warm) ms (CPU $(median_of base_warm_cpu) ms), stop $(median_of base_stop) ms"
fi
echo "trace of the last warm start (from the first line of output):"
trace
