#!/usr/bin/env bash
# The calibration study of the gate's error rates (docs/gating.md, "How often the gate is wrong"): builds the study
# tool, replays each scenario's long clip and seed clips once per model (cached under artifacts/calibration/, keyed
# by clip, model, settings and a fingerprint of the pipeline), then judges every change of the ladder on every
# segment and seed with the gate itself. Arguments go to the tool: --scenario ID (repeatable), --segments K,
# --seeds N, --segment-frames N, --no-canaries, --defaults FILE, --out FILE, --docs FILE (rewrites the marked
# calibration section of that file with the tables), --jobs N.
#   bench/calibration.sh --segments 40 --seeds 12 --docs docs/gating.md     # the full study, a few hours on 2 cores
#   bench/calibration.sh --segments 8 --seeds 4 --out artifacts/calibration/short.md   # the nightly short version
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=artifacts/calibration/bin
dotnet build bench/Harness.Calibration -c Release -o "$bin" -v quiet -nologo
dotnet "$bin/Harness.Calibration.dll" "$@"
