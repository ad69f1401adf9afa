#!/usr/bin/env bash
# The chaos benchmark (issue 19): the load driver's mix (bench/LoadDriver) at a steady RATE (80) requests/s, below the highest rate that meets the SLA here (bench/sla.sh), on a fresh
# local stack built in Release; one fault at a time, each during a run of its own (a 3 s warm-up, then RUN_SECONDS (20)
# measured; the fault FAULT_AT (4) s into them): SIGKILL, and separately SIGSTOP for 5 s (then SIGCONT), of pg,
# pg-replica (their postmaster; a SIGSTOP freezes the postmaster and its backends, the whole server), cache, storage,
# api, each worker replica and web. Per fault, a row:
#   errors       requests due from the fault's start to the run's end that failed, by status (0: no answer in 10 s)
#   p99<1s after seconds from the fault's end (the kill; the SIGCONT) until every later second of due time has p99 < 1 s
#   lost         jobs (and uploads' jobs) the api accepted that have no row, or are unfinished QUIET_SECONDS (80: the
#                worker's sweep requeues a job recorded but never queued after 60 s) after the run; failed ones apart
#   twice        accepted jobs with more than one final event (done or dead-lettered) in job_events
#   orphans      objects in the bucket with no asset row; rows whose content (or report) object is missing: new since
#                the previous fault (the whole bucket and table are compared)
#   replica      whether the replica replayed the primary's WAL position (taken once the primary answers after the
#                fault's end), and how long after the fault's end; "no" after 60 s
# Data checks: psql with the primary's settings from the api's environment (PG* variables, no password on a command
# line), the bucket listed by the driver's list-objects mode (the api's S3 connection string).
# Usage (under the shared CPU lock):
#   dotnet build -c Release Platform.sln && dotnet build -c Release bench/LoadDriver
#   flock /tmp/platform-cpu.lock bench/chaos.sh [fault ...]     (faults: pg pg-replica cache storage api worker-0 worker-1 web)
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
rate=${RATE:-80}
run_seconds=${RUN_SECONDS:-20}
fault_at=${FAULT_AT:-4}
quiet_seconds=${QUIET_SECONDS:-80}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pg pg-replica cache storage api worker-0 worker-1 web)
trap stack_cleanup EXIT
stack_start
echo "== stack up; $rate requests/s, runs of $run_seconds s, fault at $fault_at s"

now_ms() { date +%s%3N; }

# The process(es) a fault hits: PostgreSQL's postmaster (with its backends for a SIGSTOP), or the resource's process.
fault_pids() { # target kind
  case "$1" in
    pg|pg-replica)
      local postmaster; postmaster=$(postmaster_pid "$1")
      if [ "$2" = stop ]; then tree_of "$postmaster"; else echo "$postmaster"; fi ;;
    cache) redis_pid ;;
    storage) storage_pid ;;
    api) api_pid ;;
    web) web_pid ;;
    worker-*) worker_pids | sed -n "$(( ${1#worker-} + 1 ))p" ;;
  esac
}

# Before each fault: every resource has its process again, api is healthy, and the replica has caught up.
wait_for_healthy_stack() {
  local deadline=$(( $(date +%s) + 90 ))
  until [ -n "$(postmaster_pid pg)" ] && [ -n "$(postmaster_pid pg-replica)" ] && [ -n "$(redis_pid)" ] && [ -n "$(storage_pid)" ] \
      && [ -n "$(web_pid)" ] && [ "$(worker_pids | wc -l)" = 2 ] && [ -n "$(api_pid)" ] \
      && curl -sf -m 5 -o /dev/null "$(env_of "$(api_pid)" ASPNETCORE_URLS | cut -d';' -f1)/health" \
      && curl -sf -m 5 -o /dev/null "$(env_of "$(web_pid)" ASPNETCORE_URLS | cut -d';' -f1)/health"; do
    [ "$(date +%s)" -ge "$deadline" ] && { echo "the stack is not healthy after 90 s" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.5
  done
  stack_find_endpoints
}

# Seconds from $1 (ms) until the replica has replayed what the primary had written once it answered; "no" after 60 s.
replica_catch_up() {
  local from=$1 deadline=$(( $(date +%s) + 60 )) lsn=""
  while [ -z "$lsn" ]; do
    lsn=$(sql "SELECT pg_current_wal_lsn()" 2>/dev/null || true)
    [ "$(date +%s)" -ge "$deadline" ] && { echo "no (primary down)"; return; }
    [ -n "$lsn" ] || sleep 0.1
  done
  until [ "$(replica_sql "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '$lsn') >= 0" 2>/dev/null || true)" = t ]; do
    [ "$(date +%s)" -ge "$deadline" ] && { echo "no (>60 s)"; return; }
    sleep 0.1
  done
  echo "yes, $(echo "scale=1; ($(now_ms) - $from) / 1000" | bc) s"
}

# Errors by status and the recovery, from the driver's per-second timeline.
timeline_errors() { # timeline fault_start_s -> "503:12;0:3" or "none"
  awk -F, -v from="$2" 'NR > 1 && $1 >= from && $5 != "none" { n = split($5, parts, ";"); for (i = 1; i <= n; i++) { split(parts[i], kv, ":"); e[kv[1]] += kv[2] } }
    END { s = ""; for (k in e) s = s (s == "" ? "" : " ") k ":" e[k]; print (s == "" ? "none" : s) }' "$1"
}
timeline_recovery() { # timeline fault_start_s fault_end_ms -> seconds until p99 < 1 s for good
  awk -F, -v from="$2" -v end_ms="$3" 'NR > 1 { last = $1 } NR > 1 && $1 >= from && $4 >= 1000 { bad = $1 }
    END { if (bad == "") print 0; else if (bad >= last) print "not within the run"; else { r = bad + 1 - end_ms / 1000; printf "%.0f\n", (r < 0 ? 0 : r) } }' "$1"
}

# Data checks, over what this run's driver says the api accepted.
accepted_checks() { # accepted-file -> "lost failed twice redelivered"
  sql "CREATE TABLE IF NOT EXISTS bench_accepted (kind text, id uuid, at_ms bigint); TRUNCATE bench_accepted" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy bench_accepted FROM '$1' WITH (DELIMITER ' ')" >/dev/null
  sql "WITH accepted_jobs AS (
         SELECT id AS job_id FROM bench_accepted WHERE kind = 'job'
         UNION ALL SELECT j.id FROM bench_accepted a JOIN jobs j ON j.asset_id = a.id AND j.type = 'process-asset' WHERE a.kind = 'asset'),
       missing_uploads AS (
         SELECT count(*) AS n FROM bench_accepted a WHERE a.kind = 'asset'
           AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.asset_id = a.id AND j.type = 'process-asset'))
       SELECT (SELECT n FROM missing_uploads)
              + (SELECT count(*) FROM accepted_jobs x LEFT JOIN jobs j ON j.id = x.job_id WHERE j.id IS NULL OR j.status NOT IN ('done', 'failed')),
              (SELECT count(*) FROM accepted_jobs x JOIN jobs j ON j.id = x.job_id WHERE j.status = 'failed'),
              (SELECT count(*) FROM (SELECT e.job_id FROM job_events e JOIN accepted_jobs x USING (job_id)
                 WHERE e.event IN ('done', 'dead-lettered') GROUP BY e.job_id HAVING count(*) > 1) twice),
              (SELECT count(*) FROM (SELECT e.job_id FROM job_events e JOIN accepted_jobs x USING (job_id)
                 WHERE e.event = 'started' GROUP BY e.job_id HAVING count(*) > 1) again)" | tr '|' ' '
}
orphan_counts() { # -> "objects_without_row rows_without_object"
  driver list-objects > "$data/objects"
  sql "CREATE TABLE IF NOT EXISTS bench_objects (key text); TRUNCATE bench_objects" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -c "\\copy bench_objects FROM '$data/objects'" >/dev/null
  sql "SELECT (SELECT count(*) FROM bench_objects o WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.id::text = split_part(o.key, '/', 2))),
              (SELECT count(*) FROM assets a WHERE NOT EXISTS (SELECT 1 FROM bench_objects o WHERE o.key = a.object_key))
              + (SELECT count(*) FROM assets a WHERE a.report_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bench_objects o WHERE o.key = a.report_key))" | tr '|' ' '
}

rows=()
read -r orphan_objects orphan_rows < <(orphan_counts)
for target in "${targets[@]}"; do
  for kind in kill stop; do
    wait_for_healthy_stack
    run_dir="$data/$target-$kind"; mkdir -p "$run_dir"; touch "$run_dir/accepted"
    TIMELINE_FILE="$run_dir/timeline.csv" ACCEPTED_FILE="$run_dir/accepted" driver run --rate "$rate" --seconds "$run_seconds" --warmup 3 >"$run_dir/driver.out" 2>&1 &
    driver_pid=$!
    until grep -q '^START' "$run_dir/driver.out"; do
      kill -0 "$driver_pid" 2>/dev/null || { cat "$run_dir/driver.out" >&2; echo "the driver failed" >&2; exit 1; }
      sleep 0.1
    done
    started=$(awk '/^START/ { print $2 }' "$run_dir/driver.out")
    sleep_until_ms $((started + (3 + fault_at) * 1000))
    pids=$(fault_pids "$target" "$kind")
    [ -n "$pids" ] || { echo "no process found for $target" >&2; exit 1; }
    fault_start=$(now_ms)
    if [ "$kind" = kill ]; then
      kill -KILL $pids
    else
      frozen_pids=($pids)
      kill -STOP $pids
      sleep 5
      kill -CONT $pids
      frozen_pids=()
    fi
    fault_end=$(now_ms)
    replica=$(replica_catch_up "$fault_end")
    wait "$driver_pid" || { cat "$run_dir/driver.out" >&2; echo "the driver failed" >&2; exit 1; }
    quiet="yes"; wait_for_quiet_queue "$quiet_seconds" || quiet="no"
    errors=$(timeline_errors "$run_dir/timeline.csv" $((fault_start / 1000)))
    recovery=$(timeline_recovery "$run_dir/timeline.csv" $((fault_start / 1000)) "$fault_end")
    read -r lost failed twice again < <(accepted_checks "$run_dir/accepted")
    read -r objects_now rows_now < <(orphan_counts)
    summary=$(grep '^SUMMARY' "$run_dir/driver.out")
    row="$target|$kind|$errors|$recovery|$lost|$failed|$twice|$again|$((objects_now - orphan_objects))|$((rows_now - orphan_rows))|$replica|$(echo "$summary" | tr ' ' '\n' | sed -n 's/^p99=//p')|$quiet"
    orphan_objects=$objects_now; orphan_rows=$rows_now
    rows+=("$row")
    echo "$row"
    # Which routes failed, and how (the driver's table, routes with errors only).
    awk '/^route/ { on = 1; next } on && /^SUMMARY/ { on = 0 } on && $NF != "none"' "$run_dir/driver.out" | sed 's/^/    /'
  done
done

echo
echo "machine: $(machine_line); $rate requests/s; runs of $run_seconds s, fault at $fault_at s"
echo "| resource | fault | errors during the fault (by status) | s until p99 < 1 s | jobs lost | jobs failed | effect twice | redelivered | objects without a row | rows without an object | replica caught up | run p99 ms | queue drained |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do echo "| ${row//|/ | } |"; done
