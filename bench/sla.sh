#!/usr/bin/env bash
# The SLA benchmark (issues 19, 26): the load driver's mix (bench/LoadDriver, Mix.cs) through api and web, open-loop, on
# a fresh local stack built in Release, uploading and downloading as a browser does (presigned requests, the bytes
# between the driver and the store). First the target: RATE (1000) requests/s, warmed up at that rate for
# WARMUP_SECONDS (60) s that are not measured (a fresh stack's JIT, pools and caches), then SECONDS_AT_RATE (60) s
# measured, with the CPU each process used meanwhile, in cores and in milliseconds per request; then the rate stepped
# (STEP_SECONDS, 30 s each, after 5 s unmeasured) to the highest that still meets the targets: p95 < 500 ms,
# p99 < 1 s, errors < 0.1 %: up from RATE by STEP (250) while they hold; if they do not, halved until
# they do, then up by a quarter of that until they do not.
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
warmup=${WARMUP_SECONDS:-60}
trap stack_cleanup EXIT
stack_start
echo "== stack up; api $API, web $WEB"

meets() { # SUMMARY line -> exit 0 when it meets the targets
  echo "$1" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { exit !(v["p95"] < 500 && v["p99"] < 1000 && v["error_pct"] < 0.1) }'
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
results=()
declare -A cpu_before
# Resource roots are found before the measured seconds (slow under load); the snapshots themselves are one pass each.
cpu_snapshot() {
  read -r busy0 total0 steal0 < <(machine_ticks); cpu_start=$(date +%s.%N)
  while read -r name ms; do cpu_before[$name]=$ms; done < <(echo "$roots" | cpu_ms_by_root)
}
cpu_report() { # the cores each resource used since cpu_snapshot, the rest (the load driver, the kernel), the machine
  local busy1 total1 steal1 elapsed machine used line="" sum=0
  read -r busy1 total1 steal1 < <(machine_ticks); elapsed=$(echo "$(date +%s.%N) - $cpu_start" | bc)
  : >"$data/cpu-used"
  machine=$(echo "($busy1 - $busy0) / ($total1 - $total0) * $(nproc)" | bc -l)
  while read -r name ms; do
    used=$(echo "($ms - ${cpu_before[$name]:-0}) / 1000 / $elapsed" | bc -l)
    echo "$name $used" >>"$data/cpu-used"
    sum=$(echo "$sum + $used" | bc -l)
    line+=$(printf '%s %.2f, ' "$name" "$used")
  done < <(echo "$roots" | cpu_ms_by_root)
  line+=$(printf 'the rest (load driver, kernel) %.2f; machine %.2f busy, %.2f stolen' "$(echo "$machine - $sum" | bc -l)" "$machine" \
    "$(echo "($steal1 - $steal0) / ($total1 - $total0) * $(nproc)" | bc -l)")
  echo "cores used during the measurement (of $(nproc)): $line"
}
cpu_per_request() { # achieved requests/s -> the CPU milliseconds each resource spent per request answered (cpu_report's
  # figures, which it leaves in a file: it runs in a subshell)
  local line="" total=0 ms name used
  while read -r name used; do
    ms=$(echo "$used * 1000 / $1" | bc -l)
    total=$(echo "$total + $ms" | bc -l)
    line+=$(printf '%s %.3f, ' "$name" "$ms")
  done <"$data/cpu-used"
  printf 'CPU per request (ms, at %s requests/s answered): %sall of these %.3f\n' "$1" "$line" "$total"
}
measure() { # rate seconds warm-up [grep pattern] -> prints the driver's report (or its lines matching) and the CPU each process used
  local out="$data/driver-$1.out" started
  rm -f "$out"
  driver run --rate "$1" --seconds "$2" --warmup "$3" >"$out" 2>&1 &
  driver_pid=$!
  until grep -q '^START' "$out"; do kill -0 "$driver_pid" 2>/dev/null || { cat "$out" >&2; echo "the driver failed" >&2; exit 1; }; sleep 0.1; done
  started=$(awk '/^START/ { print $2 }' "$out")
  roots=$(resource_roots)
  # The CPU of the measured seconds only: from the end of the driver's warm-up to the end of its schedule.
  sleep_until_ms $((started + $3 * 1000))
  cpu_snapshot
  sleep "$2"
  local cpu; cpu=$(cpu_report)
  wait "$driver_pid" || { cat "$out" >&2; echo "the driver failed" >&2; exit 1; }
  grep -E "${4:-.}" "$out"
  echo "$cpu"
  cpu_per_request "$(field "$(grep '^SUMMARY' "$out")" achieved)"
  results+=("$1 $(grep '^SUMMARY' "$out")")
  wait_for_quiet_queue 90 || echo "(the job queue did not drain within 90 s)"
}

echo "== $rate requests/s: $warmup s of warm-up at that rate, then $seconds s measured"
measure "$rate" "$seconds" "$warmup"
first=${results[0]}

# Steps: up by STEP while the targets hold; else halve until they hold, then up by a quarter until they do not.
current=$rate; best=""
if meets "$first"; then best=$rate; increment=$step; else increment=0; fi
for i in $(seq "$max_steps"); do
  if [ "$increment" = 0 ]; then current=$((current / 2)); else current=$((current + increment)); fi
  [ "$current" -ge 10 ] || break
  echo "== step $i: $current requests/s for $step_seconds s"
  measure "$current" "$step_seconds" 5 '^(SUMMARY|overall)'
  if meets "${results[-1]}"; then
    best=$current
    [ "$increment" = 0 ] && increment=$((current / 4))
  elif [ "$increment" != 0 ]; then
    break
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
