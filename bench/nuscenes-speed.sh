#!/usr/bin/env bash
# harness eval-nuscenes against the official nuScenes devkit, side by side (docs/benchmarks.md).
#
#   bench/nuscenes-speed.sh [SAMPLES] [ROUNDS] [ANCHOR]   defaults: 1000 samples, 3 rounds, ../shared/anchors/nuscenes
#
# ANCHOR is the folder of the devkit oracle (the detection path of nutonomy/nuscenes-devkit with its make_fixture.py
# and oracle.py; not part of the project; it needs Debian's python3-numpy). make_fixture.py writes 30 to 60 samples a
# seed; seeds 1, 2, ... are drawn and merged (their sample tokens are distinct) until SAMPLES samples are reached. Both
# evaluators then run as whole processes on the merged pair, their JSON loading included, the harness as the published
# build CI installs (ReadyToRun). The machine's speed drifts (a shared VM): ROUNDS rounds run one after the other, each
# printing its own times and ratio, and the largest difference between the two evaluators' mAP, NDS and mean TP errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

samples="${1:-1000}"
rounds="${2:-3}"
anchor="${3:-../shared/anchors/nuscenes}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

[ -f "$anchor/oracle.py" ] || { echo "no devkit oracle at $anchor (pass its folder as the third argument)" >&2; exit 2; }
echo "drawing $samples samples and publishing the harness..." >&2
/usr/bin/python3 - "$anchor" "$work" "$samples" <<'PY'
import json, os, subprocess, sys
anchor, work, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
truth, detections, seed = {}, {}, 0
while len(truth) < wanted:
    seed += 1
    out = os.path.join(work, f"seed{seed}")
    subprocess.run(["/usr/bin/python3", os.path.join(anchor, "make_fixture.py"), out, str(seed)], check=True, capture_output=True)
    truth.update(json.load(open(os.path.join(out, "truth.json")))["results"])
    detections.update(json.load(open(os.path.join(out, "detections.json")))["results"])
meta = {"use_camera": False, "use_lidar": True, "use_radar": False, "use_map": False, "use_external": False}
json.dump({"meta": meta, "results": truth}, open(os.path.join(work, "truth.json"), "w"))
json.dump({"meta": meta, "results": detections}, open(os.path.join(work, "detections.json"), "w"))
boxes = lambda r: sum(len(b) for b in r.values())
print(f"{len(truth)} samples (seeds 1-{seed}), {boxes(truth)} truth boxes, {boxes(detections)} predictions", file=sys.stderr)
PY
dotnet publish harness/Harness.Cli -c Release -o "$work/harness" >/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" > "$work/out.json"; end=$(date +%s.%N); echo "$end - $start" | bc; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  devkit=$(seconds /usr/bin/python3 "$anchor/oracle.py" "$work/truth.json" "$work/detections.json"); cp "$work/out.json" "$work/devkit.json"
  harness=$(seconds dotnet "$work/harness/harness.dll" eval-nuscenes --truth "$work/truth.json" --detections "$work/detections.json" --json); cp "$work/out.json" "$work/harness.json"
  difference=$(/usr/bin/python3 -c '
import json, sys
d, h = (json.load(open(p)) for p in sys.argv[1:3])
print(max([abs(d["mAP"] - h["mAP"]), abs(d["NDS"] - h["NDS"])] + [abs(d["tp_errors"][m] - h["tp_errors"][m]) for m in d["tp_errors"]]))' "$work/devkit.json" "$work/harness.json")
  printf 'round %s: devkit %.2f s, harness %.2f s, %.1fx; largest difference %s\n' "$round" "$devkit" "$harness" "$(echo "$devkit / $harness" | bc -l)" "$difference"
done
