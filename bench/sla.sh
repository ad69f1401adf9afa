#!/usr/bin/env bash
# The SLA benchmark (issue 19): the load driver's mix (bench/LoadDriver, Mix.cs) through api and web, open-loop, on a
# fresh local stack built in Release. First the target: RATE (1000) requests/s for SECONDS (60) s, with the CPU each
# process used meanwhile; then the rate stepped (STEP_SECONDS, 30 s each) to the highest that still meets the targets:
# p95 < 500 ms, p99 < 1 s, errors < 0.1 %. Up from RATE by STEP (250) while it holds; down (x0.75) while it does not.
# At most MAX_STEPS (6) steps; the queue drains between runs. Prints a table and the figures for docs/benchmarks.md.
# Usage (under the shared CPU lock):
#   dotnet build -c Release Platform.sln && dotnet build -c Release bench/LoadDriver
#   flock /tmp/platform-cpu.lock bench/sla.sh
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
rate=${RATE:-1000}
seconds=${SECONDS_AT_RATE:-60}
step_seconds=${STEP_SECONDS:-30}
step=${STEP:-250}
max_steps=${MAX_STEPS:-6}
trap stack_cleanup EXIT
stack_start
echo "== stack up; api $API, web $WEB"

meets() { # SUMMARY line -> exit 0 when it meets the targets
  echo "$1" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { exit !(v["p95"] < 500 && v["p99"] < 1000 && v["error_pct"] < 0.1) }'
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
results=()
measure() { # rate seconds [grep pattern] -> prints the driver's report (or its lines matching); appends "rate summary" to results
  local out="$data/driver.out"
  driver run --rate "$1" --seconds "$2" >"$out" 2>&1 || { cat "$out" >&2; echo "the driver failed" >&2; exit 1; }
  grep -E "${3:-.}" "$out"
  results+=("$1 $(grep '^SUMMARY' "$out")")
  wait_for_quiet_queue 90 || echo "(the job queue did not drain within 90 s)"
}

echo "== $rate requests/s for $seconds s"
declare -A cpu_before
while read -r name pid; do cpu_before[$name]=$(cpu_ms_of_tree "$pid"); done < <(resource_roots)
read -r busy0 total0 steal0 < <(machine_ticks)
start_s=$(date +%s.%N)
measure "$rate" "$seconds"
elapsed=$(echo "$(date +%s.%N) - $start_s" | bc)
read -r busy1 total1 steal1 < <(machine_ticks)
echo "== CPU during that run (setup, warm-up and measurement: ${elapsed%.*} s), in cores (of $(nproc))"
while read -r name pid; do
  used=$(( $(cpu_ms_of_tree "$pid") - ${cpu_before[$name]:-0} ))
  printf '%-12s %5.2f\n' "$name" "$(echo "$used / 1000 / $elapsed" | bc -l)"
done < <(resource_roots)
printf '%-12s %5.2f busy, %.2f stolen by the hypervisor\n' machine "$(echo "($busy1 - $busy0) / ($total1 - $total0) * $(nproc)" | bc -l)" "$(echo "($steal1 - $steal0) / ($total1 - $total0) * $(nproc)" | bc -l)"
first=${results[0]}

# Step: up while the targets hold, down while they do not, until the answer changes.
current=$rate
if meets "$first"; then direction=up; else direction=down; fi
best=""; [ $direction = up ] && best=$rate
for i in $(seq "$max_steps"); do
  if [ $direction = up ]; then current=$((current + step)); else current=$((current * 3 / 4)); fi
  echo "== step $i: $current requests/s for $step_seconds s"
  measure "$current" "$step_seconds" '^(SUMMARY|overall)'
  if meets "${results[-1]}"; then
    best=$current
    [ $direction = down ] && break
  else
    [ $direction = up ] && break
  fi
done

echo
echo "machine: $(machine_line)"
printf '%-8s %-6s %9s %8s %8s %8s %9s  %s\n' target secs achieved p50 p95 p99 errors% "errors by status"
for r in "${results[@]}"; do
  target=${r%% *}
  printf '%-8s %-6s %9s %8s %8s %8s %9s  %s%s\n' "$target" "$( [ "$r" = "$first" ] && echo "$seconds" || echo "$step_seconds")" \
    "$(field "$r" achieved)" "$(field "$r" p50)" "$(field "$r" p95)" "$(field "$r" p99)" "$(field "$r" error_pct)" "$(field "$r" by_status)" \
    "$(meets "$r" && echo "  meets" || echo "  misses")"
done
echo "highest rate meeting p95 < 500 ms, p99 < 1 s, errors < 0.1 %: ${best:-none of those tried} requests/s"
