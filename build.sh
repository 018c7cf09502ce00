#!/usr/bin/env bash
# Bootstrapper: restores the pinned local tools (Cake, ReportGenerator), then runs build/build.cake.
# Arguments pass through, e.g. ./build.sh --target=Test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Cake reads cake.config from the script's folder (build/), not the repository root where it lives; Cake also reads
# CAKE_<SECTION>_<KEY> environment variables, so the root file's settings are exported in that form.
section=""
while IFS= read -r line || [ -n "$line" ]; do
  line="${line%%;*}"
  line="$(echo "$line" | tr -d '[:space:]')"
  case "$line" in
    "") ;;
    \[*\]) section="${line:1:${#line}-2}" ;;
    *=*) export "CAKE_${section^^}_$(echo "${line%%=*}" | tr '[:lower:]' '[:upper:]')=${line#*=}" ;;
  esac
done < cake.config

dotnet tool restore > /dev/null
exec dotnet cake build/build.cake "$@"
