#!/usr/bin/env bash
# A score-threshold sweep of 11 thresholds against one gate run of the same scenario (docs/benchmarks.md).
#
#   bench/sweep-cost.sh [SCENARIO] [ROUNDS]   defaults: urban-day, 3
#
# Each round times, as whole processes of the published build CI installs, `harness run --scenario SCENARIO` (one
# replay, the paired bootstrap, reports) and `harness compare --scenario SCENARIO --sweep
# postprocess.score_threshold=0.1:0.6:0.05` with an empty replay cache (one replay at 0.1, then eleven evaluations with
# intervals), and prints both and their ratio, measured in that round. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scenario="${1:-urban-day}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "publishing the harness (Release)..." >&2
dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null
cp -r baselines "$work/baselines"

timed() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/out.txt" 2>&1 || [ $? -eq 1 ]
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  run=$(timed dotnet "$work/harness/harness.dll" run --scenario "$scenario" --baselines "$work/baselines" --results "$work/results" --report "$work/report" --history "$work/history.sqlite")
  rm -rf artifacts/cache/replays
  sweep=$(timed dotnet "$work/harness/harness.dll" compare --scenario "$scenario" --sweep postprocess.score_threshold=0.1:0.6:0.05 --report "$work/sweep")
  printf 'round %s: run %.1f s, sweep of 11 thresholds %.1f s, ratio %.3f\n' "$round" "$run" "$sweep" "$(echo "$sweep / $run" | bc -l)"
done
