#!/usr/bin/env bash
# Bootstrapper: restores the pinned local tools (Cake, ReportGenerator), then runs the Cake script from the repo
# root so cake.config is read. Arguments pass through, e.g. ./build.sh --target=Test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore > /dev/null
exec dotnet cake build/build.cake "$@"
