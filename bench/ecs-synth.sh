#!/usr/bin/env bash
# Measures synthesis of the ECS deployment from aspire-manifest.json, already built, as a user runs it:
#   `dotnet run --no-build --project Platform.Deployment.Aws -- synth --manifest aspire-manifest.json --output-path <tmp>`
# from start to exit (.NET start, plan, the CDK's Node.js process through jsii, synthesis, template written).
# Prints each run and the median. Usage: bench/ecs-synth.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=$(mktemp -d /tmp/platform-ecs-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

times=()
for i in $(seq "$runs"); do
  start=$(now_ms)
  dotnet run --no-build --project Platform.Deployment.Aws -- synth --manifest aspire-manifest.json --output-path "$out" >/dev/null
  times+=($(( $(now_ms) - start )))
  test -s "$out/cdk.out/platform.template.json"
  echo "run $i: ${times[-1]} ms"
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), Node.js $(node --version), $(date -u +%Y-%m-%d)"
echo "median synthesis: $(printf '%s\n' "${times[@]}" | median) ms"
