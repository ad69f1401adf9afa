# Shell functions every benchmark script shares (bench/lib/stack.sh adds those of the load and chaos runs); source it
# from a script that has run `set -euo pipefail; set -m`.

# Starts the AppHost of the checkout $1 (built in Release) on the data folder $2, logging to $3, with free dashboard
# ports (so that two stacks can run side by side). Call it in the script's own shell, not in $(…), and take $! as the
# process group's leader (a subshell would run it without a process group of its own); stop it with stop_stack.
# An AppHost on Aspire (Platform.Hosting/NativeRuntime.cs) names its data folder as configuration and uses its launch
# profile's dashboard ports; an older one (the baselines of side-by-side runs) takes --data-dir and free ports.
# TRACES_SAMPLE_RATIO (an AppHost on Aspire only) sets the share of traces the services record and send to the dashboard.
start_stack() {
  if [ -f "$1/Platform.Hosting/NativeRuntime.cs" ]; then
    (cd "$1" && exec dotnet run -c Release --no-build --project Platform.AppHost -- "--Platform:DataDirectory=$2" \
      ${TRACES_SAMPLE_RATIO:+"--Platform:TracesSampleRatio=$TRACES_SAMPLE_RATIO"}) >"$3" 2>&1 &
  else
    (cd "$1" && Platform__ConsoleView=Lines Dashboard__Port=0 Dashboard__OtlpGrpcPort=0 Dashboard__OtlpHttpPort=0 \
      exec dotnet run -c Release --no-build --project Platform.AppHost -- --data-dir "$2") >"$3" 2>&1 &
  fi
}

# Every process of the run that $1 leads: its own tree, and DCP's, which detaches itself from the AppHost and names the
# AppHost it watches on its command line (--monitor <pid>).
run_tree() {
  local own dcp
  own=$(tree_of "$1")
  dcp=$(for p in $own; do pgrep -f -- "dcp .*--monitor $p( |\$)" || true; done)
  { echo "$own"; for d in $dcp; do tree_of "$d"; done; } | sort -un
}

# Waits until the AppHost that logs to $2 (leader $1) says every resource is up.
wait_for_stack() {
  until grep -q "resources are up" "$2"; do
    kill -0 "$1" 2>/dev/null || { cat "$2" >&2; echo "the AppHost exited before it was up" >&2; exit 1; }
    sleep 0.2
  done
}

# SIGTERM, not SIGINT: a script started in the background inherits SIGINT ignored, and so would the AppHost.
stop_stack() { kill -TERM -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# The value of variable $2 in the environment of process $1: the services' own environment says where everything is.
env_of() { tr '\0' '\n' < "/proc/$1/environ" | sed -n "s/^$2=//p"; }

# The pid of the service whose dll is $2 in the checkout $1 (Release build).
service_pid() { pgrep -f "$(cd "$1" && pwd)/$2/bin/Release/net10.0/$2.dll" | head -1; }

tree_of() { # a process and its descendants
  ps -eo pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { print root; for (p in parent) { q = p; while (q > 1 && q in parent) { if (parent[q] == root) { print p; break } q = parent[q] } } }'
}

# The connection string $1 (the api's, whose role may not create a table) as the server's master user, whose password is
# in the data folder $2's secrets file; unchanged where there is none (a checkout from before the services' own roles).
as_master() {
  python3 - "$1" "$2/secrets.json" <<'PY'
import json, sys
fields = dict(part.split("=", 1) for part in sys.argv[1].split(";") if "=" in part)
secrets = json.load(open(sys.argv[2]))
if "pg-password" in secrets:
    fields["Username"], fields["Password"] = "postgres", secrets["pg-password"]
print(";".join(f"{key}={value}" for key, value in fields.items()))
PY
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# A client-credentials token of platform-cli from the identity at $1, its secret read from the data folder $2; the
# token goes to $2/token and a header file $2/auth-header (owner-only, never a command line); prints the request's ms.
fetch_token() {
  printf 'grant_type=client_credentials&client_id=platform-cli&scope=assets.read%%20assets.write&client_secret=%s' \
    "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["identity-cli-secret"])' "$2/secrets.json")" |
    curl -sf -d @- -o "$2/token.json" -w '%{time_total}' "$1/connect/token" | awk '{ print $1 * 1000 }'
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["access_token"])' "$2/token.json" > "$2/token"
  printf 'Authorization: Bearer %s\n' "$(cat "$2/token")" > "$2/auth-header"
}

# wrk against $1 for $2 (e.g. 10s), extra wrk arguments after; prints "req/s p99_ms".
wrk_rps_p99() {
  local url=$1 duration=$2; shift 2
  wrk -t2 -c32 -d"$duration" --latency "$@" "$url" | awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v } END { print rps, p99 }'
}
