# Sourced by bench/sla.sh and bench/chaos.sh: starts the local stack (Release, already built) on a fresh data folder in
# the background, stops it on exit (SIGTERM to its process group: a script started in the background inherits SIGINT
# ignored, and so would the AppHost), and finds each resource's processes and addresses from /proc, as workload.sh does.
# Secrets go through owner-only files in the run's data folder and the environment, never a command line or the output.

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

data=$(mktemp -d /tmp/platform-bench-XXXXXX)
chmod 755 "$data"
log=$(mktemp)
leader=""
frozen_pids=()

stack_cleanup() {
  for p in "${frozen_pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; done
  [ -z "$leader" ] || stop_stack "$leader"
  rm -rf "$data" "$log"
}

stack_start() {
  start_stack . "$data" "$log"
  leader=$!
  wait_for_stack "$leader" "$log"
  stack_find_endpoints
}

# The processes of each resource, among this run's only (other worktrees may run stacks of their own): .NET services by
# their build output, the rest by their program and data folder.
ours() { # filters pids (stdin) to descendants of this run's AppHost
  local mine; mine=" $(run_tree "$leader" | tr '\n' ' ') "
  while read -r p; do case "$mine" in *" $p "*) echo "$p" ;; esac; done
}
pid_of_dll() { pgrep -f "$PWD/$1/bin/Release/net10.0/$1.dll" | ours || true; }
api_pid() { pid_of_dll Platform.Api | head -1; }
worker_pids() { pid_of_dll Platform.Worker; }
web_pid() { pid_of_dll Platform.Web | head -1; }
identity_pid() { pgrep -f "$PWD/Platform.Identity/bin/Release/net10.0/Platform.Identity.dll\$" | ours | head -1 || true; }
# A postmaster is the postgres process whose parent is not a postgres process; its -D names the server's data folder.
postmaster_pid() { # $1 = pg or pg-replica
  local p
  for p in $(ps -eo pid=,ppid=,comm= | awk '$3 == "postgres" { parent[$1] = $2 } END { for (p in parent) if (!(parent[p] in parent)) print p }' | ours); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q -- "-D [^ ]*/$1\( \|$\)"; then echo "$p"; fi
  done
}
redis_pid() { pgrep -x redis-server | ours | head -1 || true; }
storage_pid() { pgrep -f "s3rver" | ours | while read -r p; do [ "$(ps -o comm= -p "$p")" = node ] && echo "$p"; done | head -1; }
dcp_pid() { pgrep -f -- "dcp start-apiserver .*--monitor $(apphost_pid)( |\$)" | head -1 || true; }
apphost_pid() { pgrep -f "$PWD/Platform.AppHost/bin/Release/net10.0/Platform.AppHost" | ours | head -1 || true; }

stack_find_endpoints() {
  local api
  api=$(api_pid)
  API=$(env_of "$api" ASPNETCORE_URLS | cut -d';' -f1)
  IDENTITY=$(env_of "$api" services__identity__http__0)
  WEB=$(env_of "$(web_pid)" ASPNETCORE_URLS | cut -d';' -f1)
  export API IDENTITY WEB
  umask 077
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["identity-web-secret"])' "$data/secrets.json" > "$data/web-secret"
  export WEB_CLIENT_SECRET_FILE="$data/web-secret"
  # psql reads the primary's settings from PG* variables: the password stays out of every command line.
  local primary
  primary=$(as_master "$(env_of "$api" ConnectionStrings__platformdb)" "$data")
  export PGHOST=$(conn_field "$primary" Host) PGPORT=$(conn_field "$primary" Port) PGUSER=$(conn_field "$primary" Username) \
    PGPASSWORD=$(conn_field "$primary" Password) PGDATABASE=$(conn_field "$primary" Database)
  local replica
  replica=$(env_of "$api" ConnectionStrings__platformdb-replica)
  export REPLICA_PGHOST=$(conn_field "$replica" Host) REPLICA_PGPORT=$(conn_field "$replica" Port)
  export ASSETS=$(env_of "$api" ConnectionStrings__assets)
}

conn_field() { echo "$1" | tr ';' '\n' | sed -n "s/^$2=//Ip" | head -1; }

sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }
replica_sql() { PGHOST=$REPLICA_PGHOST PGPORT=$REPLICA_PGPORT psql -X -q -t -A -v ON_ERROR_STOP=1 -c "$1"; }

driver() { dotnet bench/LoadDriver/bin/Release/net10.0/LoadDriver.dll "$@"; }

# Waits (at most $1 seconds) until no job is queued, running or waiting for a retry.
wait_for_quiet_queue() {
  local deadline=$(( $(date +%s) + $1 ))
  until [ "$(sql "SELECT count(*) FROM jobs WHERE status IN ('queued', 'processing', 'retrying')" 2>/dev/null || echo 1)" = 0 ]; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}

machine_line() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
}

# CPU accounting: the milliseconds a process and its descendants have used (exited children included: the kernel
# adds them to their parent when it reaps them). Used as before/after around a measurement.
tick_ms=$((1000 / $(getconf CLK_TCK)))
# The milliseconds each root's processes have used, "name ms" a line, for "name pid" lines on stdin; every process read
# in one pass, since a snapshot under load must be quick: one `ps` per process tree took seconds there, and the figures
# then covered the idle seconds after the run. The AppHost's share is its own time (Aspire's app model and resource
# service); DCP's tree is DCP and the dashboard (the resources it starts are counted as their own roots, so not twice).
cpu_ms_by_root() {
  local roots; roots=$(cat)
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v t="$tick_ms" -v roots="$roots" '
    { pid = $1; rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
      parent[pid] = f[2]; own[pid] = (f[12] + f[13]) * t; all[pid] = (f[12] + f[13] + f[14] + f[15]) * t }
    END {
      n = split(roots, lines, "\n")
      for (i = 1; i <= n; i++) { split(lines[i], r, " "); name[i] = r[1]; if (r[2] != "") root[r[2]] = i }
      # Each process counts for the nearest root above it (itself included): DCP'"'"'s tree holds the resources, which
      # are roots of their own. The AppHost counts its own time only.
      for (p in all) {
        for (q = p; q in parent; q = parent[q]) {
          if (q in root) { i = root[q]; if (name[i] != "apphost") sum[i] += all[p]; else if (q == p) sum[i] += own[p]; break }
          if (q == parent[q]) break
        }
      }
      for (i = 1; i <= n; i++) print name[i], sum[i] + 0
    }'
}
# The machine's CPU: "busy_ticks total_ticks steal_ticks" from /proc/stat.
machine_ticks() { awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total - $5 - $6, total, $9 }' /proc/stat; }

# Every resource's root process, "name pid" a line (the AppHost with its dashboard; PostgreSQL by its postmaster).
resource_roots() {
  echo "apphost $(apphost_pid)"
  echo "dcp+dashboard $(dcp_pid)"
  echo "pg $(postmaster_pid pg)"
  echo "pg-replica $(postmaster_pid pg-replica)"
  echo "cache $(redis_pid)"
  echo "storage $(storage_pid)"
  echo "identity $(identity_pid)"
  echo "api $(api_pid)"
  local i=0
  for p in $(worker_pids); do echo "worker-$i $p"; i=$((i + 1)); done
  echo "web $(web_pid)"
}

sleep_until_ms() { # sleeps until the given unix time in ms (at once if it has passed)
  local wait_ms=$(( $1 - $(date +%s%3N) ))
  [ "$wait_ms" -le 0 ] || sleep "$(echo "scale=3; $wait_ms / 1000" | bc)"
}
