#!/usr/bin/env bash
# Dashboard under a steady span load: memory and page times at 1,000, 5,000 and 20,000 spans/s (20 s each),
# with the default limits and with ten times the span limit. Prints markdown tables for docs/benchmarks.md.
# Usage: bench/dashboard.sh [seconds per rate]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
dotnet build -c Release bench/DashboardLoad >/dev/null
run() { dotnet run -c Release --no-build --project bench/DashboardLoad -- 1000 5000 20000 --seconds "$seconds" "$@" | grep -E '^(machine|limits|\|)'; }
run
echo
run --Dashboard:Telemetry:MaxSpans=200000 | grep -v '^machine'
