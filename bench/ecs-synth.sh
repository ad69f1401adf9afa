#!/usr/bin/env bash
# Measures synthesis of the ECS deployment from a manifest, already built, as a user runs it:
#   `dotnet run --no-build --project Platform.Deployment.Aws -- synth --manifest <manifest> --output-path <tmp>`
# from start to exit (.NET start, plan, the CDK's Node.js process through jsii, synthesis, template and plan written).
# Prints each run, the template's resource count and the median.
# Usage: bench/ecs-synth.sh [runs] [manifest]   (default 5, aspire-manifest.json with ecs-settings.json beside it)
# Another manifest is synthesized with the settings of a domain only (HTTPS), such as the largest example:
#   bench/ecs-synth.sh 7 Platform.Deployment.Aws.Tests/TestData/Apps/eshop.aspire-manifest.json
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/common.sh
runs=${1:-5}
manifest=${2:-aspire-manifest.json}
out=$(mktemp -d /tmp/platform-ecs-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT
settings=()
if [ "$manifest" != aspire-manifest.json ]; then
  echo '{ "domain": "example.com", "hostedZoneId": "Z0123456789EXAMPLE" }' > "$out/settings.json"
  settings=(--settings "$out/settings.json")
fi

now_ms() { date +%s%3N; }

times=()
for i in $(seq "$runs"); do
  start=$(now_ms)
  dotnet run --no-build --project Platform.Deployment.Aws -- synth --manifest "$manifest" --output-path "$out/synth" "${settings[@]}" >/dev/null
  times+=($(( $(now_ms) - start )))
  test -s "$out/synth/cdk.out/platform.template.json"
  echo "run $i: ${times[-1]} ms"
done
echo "manifest: $manifest, $(node -e 'console.log(Object.keys(require(process.argv[1]).Resources).length)' "$out/synth/cdk.out/platform.template.json") resources"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), Node.js $(node --version), $(date -u +%Y-%m-%d)"
echo "median synthesis: $(printf '%s\n' "${times[@]}" | median) ms"
