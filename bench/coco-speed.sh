#!/usr/bin/env bash
# harness eval-coco against pycocotools and detectron2's C++ COCOeval_opt, side by side (docs/benchmarks.md).
#
#   bench/coco-speed.sh [IMAGES] [ROUNDS] [ANCHORS]   defaults: 5000 images, 3 rounds, ../shared/anchors/coco
#
# ANCHORS is the folder of the reference evaluators (pycocotools from cocodataset/cocoapi, detectron2's C++
# evaluator), which builds them with its own scripts (pycoco-env, d2cocoeval/build); they are not part of the
# project. Its coco_speed.py makes IMAGES images of about 10 truths and 100 detections each and times the three as
# whole processes (Python's JSON load and loadRes included for the two anchors, process start and JSON parse for the
# harness), printing the speed-ups and the largest difference between their 12 stats. The harness is the published
# build CI installs (ReadyToRun). The machine's speed drifts (a shared VM): ROUNDS rounds run one after the other and
# every round prints its own ratios, all measured in that round. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

images="${1:-5000}"
rounds="${2:-3}"
anchors="${3:-../shared/anchors/coco}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

[ -x "$anchors/pycoco-env" ] || { echo "no reference evaluators at $anchors (pass their folder as the third argument)" >&2; exit 2; }
echo "building the anchors and the harness (Release, published)..." >&2
pythonpath="$("$anchors/pycoco-env"):$("$anchors/d2cocoeval/build")"
dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  echo -n "round $round: "
  PYTHONPATH="$pythonpath" /usr/bin/python3 "$anchors/coco_speed.py" "$work/harness/harness.dll" "$work/data" "$images"
done
