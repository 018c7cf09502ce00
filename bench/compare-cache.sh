#!/usr/bin/env bash
# harness compare, cold and again: the second comparison reads both replays from the cache (docs/benchmarks.md).
#
#   bench/compare-cache.sh [SCENARIO] [CANDIDATE] [ROUNDS]   defaults: urban-day, reference://detector-v1-mixed, 3
#
# Each round empties the replay cache (artifacts/cache/replays; generated clips and models stay), times a first
# comparison (both models replayed), then the same comparison again, as whole processes of the published build CI
# installs, and prints both times and their ratio, measured in that round. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scenario="${1:-urban-day}"
candidate="${2:-reference://detector-v1-mixed}"
rounds="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "publishing the harness (Release)..." >&2
dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null

compare() {
  local start end
  start=$(date +%s.%N)
  dotnet "$work/harness/harness.dll" compare --scenario "$scenario" --candidate "$candidate" \
    --results "$work/results" --report "$work/report" >"$work/out.txt" 2>&1 || [ $? -eq 1 ]
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  rm -rf artifacts/cache/replays
  cold=$(compare)
  grep -q "replays read from" "$work/out.txt" && { echo "round $round: the first comparison read the cache" >&2; exit 1; }
  warm=$(compare)
  grep -q "replays read from .*: the scenario's and the candidate's" "$work/out.txt" || { echo "round $round: the second comparison replayed" >&2; exit 1; }
  printf 'round %s: first %.1f s, again %.1f s, ratio %.3f\n' "$round" "$cold" "$warm" "$(echo "$warm / $cold" | bc -l)"
done
