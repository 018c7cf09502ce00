#!/usr/bin/env bash
# Installs, from Debian's packages, the native libraries the tests need where they are missing: chromium (the report
# tests open the HTML report in it, headless, through Playwright; nothing is downloaded by Playwright itself) and GTK 3
# (OpenCV's native library from OpenCvSharp4.official.runtime links it; the preprocessing tests compare with OpenCV).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0' || missing+=(libgtk-3-0)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing ${missing[*]} and apt-get is not available: install them (chromium as /usr/bin/chromium, and GTK 3)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
