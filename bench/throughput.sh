#!/usr/bin/env bash
# Throughput of the whole harness against ONNX Runtime alone, and the speed-up of --parallel 2 (docs/benchmarks.md).
#
#   bench/throughput.sh [FRAMES] [THREADS] [PAIRS]   defaults: 1000 frames per clip, 1 intra-op thread, 3 pairs
#
# Measures what a pull request does: runs gated against accepted baselines, which pass, so each run replays, scores,
# bootstraps the intervals, compares, writes its result bundle, reports and history, and writes no review clip.
# Before any of those clocks starts, the clips are generated and one run without baselines (timed too, an extra row:
# it writes received baselines and a review clip of every frame, as the first run of a new scenario does) is accepted
# (`harness accept`). Prints, measured side by side in one run on the same machine:
#   1. frames per second of a loop that only calls ONNX Runtime on pre-made inputs (reference detector, same threads);
#   2. frames per second of a gated `harness run` on one FRAMES-frame synthetic clip, end to end (process start,
#      replay, scoring, bootstrap, compare, bundles, reports, history), and the replay alone as the harness records it
#      (run/replay_seconds: opening the clip, loading the model and replaying every frame), each as a share of 1.
#      The machine's speed drifts by a third from minute to minute (a shared VM), so 1 and 2 alternate PAIRS times,
#      each run against the loop just before it, and the median pair is the result; each run's share of its own wall
#      time spent in its frames' stages (frames / throughput/fps, measured in the same process) is printed too;
#   3. two such scenarios run gated one at a time and with --parallel 2, and the speed-up;
#   4. the run without baselines (both scenarios, --parallel 2) that made the baselines.
# Run it on a quiet machine; everything it writes goes to a temporary folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

frames="${1:-1000}"
threads="${2:-1}"
pairs="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset CI GITHUB_STEP_SUMMARY

echo "building (Release)..." >&2
dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null
dotnet build bench/Harness.Benchmarks -c Release >/dev/null
harness() { dotnet "$work/harness/harness.dll" "$@"; }

mkdir -p "$work/scenarios"
for seed in 7 8; do
  cat >"$work/scenarios/throughput-$seed.yaml" <<YAML
id: throughput-$seed
tags: [pr]
clip:
  source: synthetic://urban-day?seed=$seed&frames=$frames
model:
  source: reference://detector-v1
  layout: yolov8
  input: { width: 640, height: 384 }
  classes: [car, pedestrian, cyclist]
  session: { intra_op_threads: $threads }
YAML
  # Generated before any clock starts: clip generation is a one-off cache fill, not replay.
  harness gen "synthetic://urban-day?seed=$seed&frames=$frames" --cache "$work/cache" >/dev/null
done

# Every timed run writes its own results, report and history; all read and accept the baselines in one folder.
# Seconds of wall time of one run; a gated run that fails or warns (and so writes a review clip) is not what a passing
# pull request does: say so.
timed_run() {
  local name="$1"; shift
  local start end status=0
  start="$(date +%s.%N)"
  harness run --scenarios "$work/scenarios" --baselines "$work/baselines" --cache "$work/cache" \
    --results "$work/results-$name" --report "$work/report-$name" --history "$work/history-$name.sqlite" "$@" \
    >/dev/null 2>&1 || status=$?
  end="$(date +%s.%N)"
  if [[ "$name" != unbaselined ]] && { [[ "$status" != 0 ]] || compgen -G "$work/report-$name/*/review.mcap" >/dev/null; }; then
    echo "warning: gated run '$name' exited $status and did not pass cleanly: it wrote a review clip too" >&2
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

unbaselined_seconds="$(timed_run unbaselined --scenario throughput-7 throughput-8 --parallel 2)"
harness accept --baselines "$work/baselines" >/dev/null
metric() { harness history --db "$work/history-$1.sqlite" --scenario throughput-7 --metric "$2" | awk 'NR == 2 { print $5 }'; }
pair_rows=""
for pair in $(seq 1 "$pairs"); do
  loop_fps="$(dotnet run -c Release --no-build --project bench/Harness.Benchmarks -- inference-loop "$frames" "$threads")"
  one_seconds="$(timed_run "one-$pair" --scenario throughput-7 --parallel 1)"
  pair_rows+="$pair $loop_fps $one_seconds $(metric "one-$pair" run/replay_seconds) $(metric "one-$pair" throughput/fps)"$'\n'
done
sequential_seconds="$(timed_run sequential --scenario throughput-7 throughput-8 --parallel 1)"
parallel_seconds="$(timed_run parallel --scenario throughput-7 throughput-8 --parallel 2)"

printf '%s' "$pair_rows" | awk -v frames="$frames" -v threads="$threads" -v seq="$sequential_seconds" -v par="$parallel_seconds" \
    -v unbaselined="$unbaselined_seconds" -v cores="$(nproc)" '
{ loop[NR] = $2; one[NR] = frames / $3; replay[NR] = frames / $4; stages[NR] = $5; ratio[NR] = one[NR] / loop[NR]; order[NR] = NR }
END {
  n = NR
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (ratio[order[j]] < ratio[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
  m = order[int((n + 1) / 2)]
  printf "clip: %d frames, intra-op threads: %d, cores: %d; runs gated against accepted baselines (pass)\n", frames, threads, cores
  for (i = 1; i <= n; i++) {
    printf "pair %d: ONNX Runtime loop %6.2f frames/s; harness run end to end %6.2f frames/s (%5.1f%% of the loop), replay %6.2f (%5.1f%%); %5.1f%% of the run in its frames'"'"' stages\n", \
      i, loop[i], one[i], 100 * ratio[i], replay[i], 100 * replay[i] / loop[i], 100 * one[i] / stages[i]
  }
  printf "median pair (%d): harness run end to end %5.1f%% of the loop\n", m, 100 * ratio[m]
  printf "2 scenarios, --parallel 1               %8.2f s\n", seq
  printf "2 scenarios, --parallel 2               %8.2f s         speed-up %.2fx\n", par, seq / par
  printf "no baselines yet: 2 scenarios, --parallel 2 (received baselines, review clips)   %8.2f s\n", unbaselined
}'
