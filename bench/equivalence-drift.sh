#!/usr/bin/env bash
# How far the detections of an unchanged pipeline drift when only floating-point order changes (docs/gating.md,
# "Unchanged pipeline, unchanged output"): the measurement behind the `equivalence` tolerances.
#
#   bench/equivalence-drift.sh [OUT]   default OUT: artifacts/equivalence-drift
#
# Replays the pull-request scenarios (urban-day, urban-night, crowd) as they are (intra-op threads 1, optimisation
# all: the reference), then once per variant that changes only the order of floating-point operations:
#   threads-2       intra_op_threads 2 (ONNX Runtime splits its GEMMs and reductions differently)
#   opt-disable, opt-basic, opt-extended   another graph optimisation level (fused or unfused operators)
#   avx512-off      DOTNET_EnableAVX512=0 (the .NET preprocessing/postprocessing kernels take their 256-bit paths)
#   avx2-off        DOTNET_EnableAVX2=0 (their 128-bit paths)
# and compares every frame's detections with the reference's (`detection-drift`, bench/Harness.Benchmarks): the
# worst box-corner and score difference of matched detections, and every detection that appears or vanishes with
# its distance from the score threshold and from the NMS IoU threshold, and what the gate says of the two at the
# built-in tolerances; and how many of the reference's detections lie within the tolerances (scenarios/defaults.yaml)
# of the score and IoU thresholds (`threshold-exposure`). A variant whose results are already in OUT
# is not replayed again, so the comparison can be re-run cheaply. Statistics are off (`resamples: 0`): they do not
# change the detections, only the time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="${1:-artifacts/equivalence-drift}"
scenarios=(urban-day urban-night crowd)
variants=(reference threads-2 opt-disable opt-basic opt-extended avx512-off avx2-off)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset CI GITHUB_STEP_SUMMARY

echo "building (Release)..." >&2
dotnet publish harness/Harness.Cli -c Release -o "$out/harness" >/dev/null
dotnet build bench/Harness.Benchmarks -c Release >/dev/null

# The scenario's session line, as the variant sets it.
session() {
  case "$1" in
    threads-2) echo "{ intra_op_threads: 2, optimization: all, deterministic: true }" ;;
    opt-disable | opt-basic | opt-extended) echo "{ intra_op_threads: 1, optimization: ${1#opt-}, deterministic: true }" ;;
    *) echo "{ intra_op_threads: 1, optimization: all, deterministic: true }" ;;
  esac
}

# The environment the variant runs in.
environment() {
  case "$1" in
    avx512-off) echo "DOTNET_EnableAVX512=0" ;;
    avx2-off) echo "DOTNET_EnableAVX2=0" ;;
    *) echo "DOTNET_DRIFT_VARIANT=$1" ;; # a harmless name, so every variant runs under `env`
  esac
}

for variant in "${variants[@]}"; do
  dir="$out/$variant"
  if [[ -f "$dir/done" ]]; then
    continue
  fi

  rm -rf "$dir"
  mkdir -p "$dir/scenarios" "$dir/baselines"
  printf 'statistics:\n  resamples: 0\n' >"$dir/scenarios/defaults.yaml"
  for id in "${scenarios[@]}"; do
    sed "s/^  session: .*/  session: $(session "$variant")/" "scenarios/$id.yaml" >"$dir/scenarios/$id.yaml"
  done

  echo "replaying $variant..." >&2
  status=0
  # No baselines: the verdict is "missing baseline" (exit 1); only the detections are wanted. One shard of one writes
  # the result bundles and no reports (no review clip of every frame).
  env "$(environment "$variant")" dotnet "$out/harness/harness.dll" run --scenarios "$dir/scenarios" --baselines "$dir/baselines" \
    --cache artifacts/cache --results "$dir/results" --history "$dir/history.sqlite" --shard 1/1 --parallel 1 \
    >"$dir/run.log" 2>&1 || status=$?
  for id in "${scenarios[@]}"; do
    if [[ ! -f "$dir/results/$id/detections.bin" ]]; then
      echo "$variant: no detections for $id (exit $status, see $dir/run.log)" >&2
      exit 1
    fi
  done

  touch "$dir/done"
done

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p')"
tolerance() { sed -n "s/^  $1: *\([0-9.e-]*\).*/\1/p" scenarios/defaults.yaml; }
for id in "${scenarios[@]}"; do
  thresholds="$(sed -n 's/^postprocess: { score_threshold: \([0-9.]*\), iou_threshold: \([0-9.]*\),.*/\1 \2/p' "scenarios/$id.yaml")"
  # shellcheck disable=SC2086 # two numbers, split on purpose
  dotnet run -c Release --no-build --project bench/Harness.Benchmarks -- threshold-exposure $thresholds \
    "$(tolerance box_px)" "$(tolerance score)" "$(tolerance iou)" "$out/reference/results/$id/detections.bin" "$id reference"
  for variant in "${variants[@]:1}"; do
    # shellcheck disable=SC2086
    dotnet run -c Release --no-build --project bench/Harness.Benchmarks -- detection-drift $thresholds \
      "$out/reference/results/$id/detections.bin" "$out/$variant/results/$id/detections.bin" "$id $variant"
  done
done
