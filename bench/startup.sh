#!/usr/bin/env bash
# Measures the local stack, already built, as a user starts and stops it:
#   cold  = `dotnet run --no-build --project Platform.AppHost -- --fresh` to every resource healthy (initdb, pg_basebackup)
#   warm  = the same without --fresh (data kept from the previous run)
#   stop  = Ctrl+C (SIGINT to the process group) to the last process of the run gone
# Prints each run and the medians, with the CPU time all processes of the run used until the graph was up.
# Usage: bench/startup.sh [runs]   (default 5)
set -euo pipefail
# Job control: each run gets its own process group, and SIGINT is not ignored as it is for plain background jobs.
set -m
cd "$(dirname "$0")/.."
. bench/lib/common.sh
runs=${1:-5}
data=$(mktemp -d /tmp/platform-bench-XXXXXX)
chmod 755 "$data"
trap 'rm -rf "$data"' EXIT

now_ms() { date +%s%3N; }

# Descendants of a process, from /proc: the processes a stop must end.
descendants() {
  ps -eo pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q > 1 && q in parent) { if (parent[q] == root) { print p; break } q = parent[q] } } }'
}

# CPU milliseconds the given processes have used, with their exited children's (the kernel adds those to the parent
# when it reaps them): all the work a start took, whichever process did it.
tick_ms=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { for p in "$@"; do awk -v t="$tick_ms" '{ print ($14 + $15 + $16 + $17) * t }' "/proc/$p/stat" 2>/dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'; }

run_once() { # $1 = extra AppHost args; sets started_ms, cpu_ms_used and stopped_ms
  local log start up pids stop_begin
  log=$(mktemp)
  start=$(now_ms)
  Platform__ConsoleView=Lines dotnet run --no-build --project Platform.AppHost -- --data-dir "$data" $1 >"$log" 2>&1 &
  local leader=$!
  until grep -q "resources are up" "$log"; do
    if ! kill -0 "$leader" 2>/dev/null; then cat "$log" >&2; echo "the AppHost exited before it was up" >&2; exit 1; fi
    sleep 0.02
  done
  up=$(now_ms)
  pids=$(descendants "$leader")
  cpu_ms_used=$(cpu_ms "$leader" $pids)
  stop_begin=$(now_ms)
  kill -INT -- "-$leader"
  while true; do
    alive=0
    for p in $pids; do
      if [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != "Z" ]; then alive=1; break; fi
    done
    [ $alive = 0 ] && break
    sleep 0.01
  done
  started_ms=$((up - start))
  stopped_ms=$(( $(now_ms) - stop_begin ))
  wait "$leader" || true
  rm -f "$log"
}


cold=(); warm=(); stop=(); cold_cpu=(); warm_cpu=()
for i in $(seq "$runs"); do
  run_once --fresh; cold+=("$started_ms"); cold_cpu+=("$cpu_ms_used"); stop+=("$stopped_ms")
  run_once ""; warm+=("$started_ms"); warm_cpu+=("$cpu_ms_used"); stop+=("$stopped_ms")
  echo "run $i: cold ${cold[-1]} ms (CPU ${cold_cpu[-1]} ms), warm ${warm[-1]} ms (CPU ${warm_cpu[-1]} ms), stops ${stop[-2]} ms / ${stop[-1]} ms"
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
echo "median cold start: $(printf '%s\n' "${cold[@]}" | median) ms, using $(printf '%s\n' "${cold_cpu[@]}" | median) ms of CPU"
echo "median warm start: $(printf '%s\n' "${warm[@]}" | median) ms, using $(printf '%s\n' "${warm_cpu[@]}" | median) ms of CPU"
echo "(on $(nproc) cores a start takes at least its CPU time divided by $(nproc))"
echo "median stop:       $(printf '%s\n' "${stop[@]}" | median) ms"
