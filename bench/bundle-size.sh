#!/usr/bin/env bash
# Bytes a run leaves behind (docs/benchmarks.md, "Size of result bundles and reports"): what shard jobs upload and
# what the merged report weighs, for a suite of many short scenarios, and one long scenario's bundle against the
# least it could be (its two detection snapshots plus its truth at 25 bytes a box).
#
#   bench/bundle-size.sh [SCENARIOS] [FRAMES] [LONG_FRAMES] [SHARDS]   defaults: 100 scenarios of 20 frames, one of 1000, 4 shards
#
# HARNESS=/path/to/harness.dll measures that build instead of publishing this checkout (how the "before" rows were
# measured, with the build of the commit before the change). The scenarios are synthetic urban-day clips (seeds 1 to
# SCENARIOS) on the reference detector, without gates. Measured, as a team adopting the harness sees it:
#   1. the first run of the suite, without baselines: every scenario wants review (results, report with review clips);
#   2. after `harness accept`, the suite gated as .github/workflows/pr.yml runs it: SHARDS shard jobs (`--shard k/N`),
#      whose results folders are the artifacts each job uploads, and `harness merge` of them into the report; every
#      scenario passes, as a pull request that changes nothing does;
#   3. one LONG_FRAMES-frame scenario, run, accepted and run gated (a pass): its bundle against its detections.bin,
#      baseline-detections.bin and 25 bytes for each of its truth boxes; the goal is less than 1.5 times that.
# Sizes do not depend on the machine or its load (the same run writes the same bytes). Everything it writes goes to a
# temporary folder (KEEP=1 keeps it and prints where).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count="${1:-100}"
frames="${2:-20}"
long_frames="${3:-1000}"
shards="${4:-4}"
work="$(mktemp -d)"
if [[ "${KEEP:-}" == 1 ]]; then
  echo "keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset CI GITHUB_STEP_SUMMARY

if [[ -z "${HARNESS:-}" ]]; then
  echo "building (Release)..." >&2
  dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null
  HARNESS="$work/harness/harness.dll"
fi
harness() { dotnet "$HARNESS" "$@"; }

scenario() {
  cat >"$1/$2.yaml" <<YAML
id: $2
tags: [pr]
clip:
  source: synthetic://urban-day?seed=$3&frames=$4
model:
  source: reference://detector-v1
  layout: yolov8
  input: { width: 640, height: 384 }
  classes: [car, pedestrian, cyclist]
  session: { intra_op_threads: 1 }
YAML
}

mkdir -p "$work/suite" "$work/long"
for seed in $(seq 1 "$count"); do scenario "$work/suite" "size-$seed" "$seed" "$frames"; done
scenario "$work/long" size-long 1000 "$long_frames"

# One run; its exit code is the verdict, which the caller checks where it matters.
run() {
  local scenarios="$1" name="$2"; shift 2
  harness run --scenarios "$scenarios" --baselines "$work/baselines-$(basename "$scenarios")" --cache "$work/cache" \
    --results "$work/results-$name" --report "$work/report-$name" --history "$work/history-$(basename "$scenarios").sqlite" \
    --parallel 2 "$@" >"$work/$name.log" 2>&1
}

# bytes PATH...: the bytes of the files there (0 for a path that does not exist).
bytes() { { find "$@" -type f -printf '%s\n' 2>/dev/null || true; } | awk '{ s += $1 } END { printf "%d", s }'; }
# files PATTERN FOLDER...: the bytes of the files of that name.
files() { local pattern="$1"; shift; { find "$@" -type f -name "$pattern" -printf '%s\n' 2>/dev/null || true; } | awk '{ s += $1 } END { printf "%d", s }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }

# describe_results FRAMES FOLDER...: the results folders' bytes by kind of file, and per frame.
describe_results() {
  local frames="$1" total; shift
  total="$(bytes "$@")"
  printf '  results %s (%d B a frame): review images %s, truth %s, detection snapshots %s, bundle.json %s\n' \
    "$(mb "$total")" "$((total / frames))" "$(mb "$(files 'review-*' "$@")")" \
    "$(mb "$(( $(files frames.json "$@") + $(files truth.bin "$@") ))")" "$(mb "$(files '*detections.bin' "$@")")" \
    "$(mb "$(files bundle.json "$@")")"
}

# describe_report FRAMES FOLDER: the report folder's bytes by kind of file, and per frame.
describe_report() {
  local frames="$1" total
  total="$(bytes "$2")"
  printf '  report %s (%d B a frame): review clips %s, frame thumbnails %s, flip crops %s, plots %s, index.html and summary.md %s\n' \
    "$(mb "$total")" "$((total / frames))" "$(mb "$(files review.mcap "$2")")" "$(mb "$(files 'frame-*' "$2")")" \
    "$(mb "$(files 'flip-*' "$2")")" "$(mb "$(( $(files pr-curves.png "$2") + $(files changes.png "$2") ))")" \
    "$(mb "$(( $(files index.html "$2") + $(files summary.md "$2") ))")"
}

suite_frames=$((count * frames))
echo "first run of $count scenarios of $frames frames, no baselines (every scenario wants review)..." >&2
run "$work/suite" first || true
harness accept --baselines "$work/baselines-suite" --scenarios "$work/suite" >/dev/null
echo "the same suite gated in $shards shards, then merged..." >&2
shard_folders=()
for k in $(seq 1 "$shards"); do
  run "$work/suite" "shard-$k" --shard "$k/$shards" || echo "warning: shard $k/$shards did not pass (see $work/shard-$k.log)" >&2
  shard_folders+=("$work/results-shard-$k")
done
harness merge "${shard_folders[@]}" --report "$work/report-merged" --cache "$work/cache" --history "$work/history-merged.sqlite" \
  >"$work/merge.log" 2>&1 || echo "warning: the merged gated run did not pass (see $work/merge.log)" >&2

echo "one scenario of $long_frames frames: run, accept, run gated..." >&2
run "$work/long" long-first || true
harness accept --baselines "$work/baselines-long" --scenarios "$work/long" >/dev/null
run "$work/long" long-pass || echo "warning: the gated $long_frames-frame run did not pass (see $work/long-pass.log)" >&2

# Truth boxes of the long scenario and the bytes their 3D boxes take, from whichever truth file its bundle has
# (frames.json before the truth snapshot; truth.bin, docs/formats.md, after).
read -r boxes bytes_3d < <(python3 - "$work/results-long-pass/size-long" <<'PY'
import json, os, sys
folder = sys.argv[1]
if os.path.exists(os.path.join(folder, "frames.json")):
    print(sum(len(f["truth"]) for f in json.load(open(os.path.join(folder, "frames.json")))["frames"]), 0)
    sys.exit()
data, pos = open(os.path.join(folder, "truth.bin"), "rb").read(), 5
def varint():
    global pos
    value = shift = 0
    while True:
        byte = data[pos]; pos += 1
        value |= (byte & 0x7F) << shift; shift += 7
        if byte < 0x80:
            return value
total = three_d = 0
for _ in range(varint()):
    varint(); varint()
    count = varint(); total += count
    for _ in range(count):
        flags = varint() & 31
        pos += 16; varint()
        box3d = 0 if not flags & 8 else 16 if flags & 16 else 28
        pos += (4 if flags & 2 else 0) + (4 if flags & 4 else 0) + box3d
        three_d += box3d
print(total, three_d)
PY
)

echo "suite: $count synthetic urban-day scenarios of $frames frames ($suite_frames frames), reference detector, no gates"
echo "first run, no baselines (every scenario wants review):"
describe_results "$suite_frames" "$work/results-first"
describe_report "$suite_frames" "$work/report-first"
echo "gated run in $shards shards (every scenario passes), merged:"
largest=0
for folder in "${shard_folders[@]}"; do size="$(bytes "$folder")"; if ((size > largest)); then largest="$size"; fi; done
describe_results "$suite_frames" "${shard_folders[@]}"
printf '  largest shard artifact (one job'"'"'s results folder) %s\n' "$(mb "$largest")"
describe_report "$suite_frames" "$work/report-merged"

bundle="$work/results-long-pass/size-long"
current="$(bytes "$bundle/detections.bin")"
baseline="$(bytes "$bundle/baseline-detections.bin")"
truth="$(( $(bytes "$bundle/frames.json") + $(bytes "$bundle/truth.bin") ))"
total="$(bytes "$bundle")"
goal=$((current + baseline + 25 * boxes))
echo "one scenario of $long_frames frames, gated (pass): bundle $total B ($((total / long_frames)) B a frame)"
echo "  detections.bin $current B + baseline-detections.bin $baseline B + $boxes truth boxes x 25 B = $goal B"
echo "  truth file $truth B ($(awk -v t="$truth" -v b="$boxes" -v d="$bytes_3d" 'BEGIN { printf "%.2f B a box, %.2f without its 3D boxes", t / b, (t - d) / b }')); bundle.json $(bytes "$bundle/bundle.json") B; review images $(files 'review-*' "$bundle") B"
awk -v t="$total" -v g="$goal" 'BEGIN { printf "  bundle / (snapshots + truth at 25 B a box) = %.3f (goal: below 1.5)\n", t / g }'
