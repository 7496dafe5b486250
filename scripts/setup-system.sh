#!/usr/bin/env bash
# System packages the tests need on Debian/Ubuntu: Chromium for Playwright, Xvfb for the
# Electron suite, CJK fonts so Chinese renders in screenshots, and poppler-utils (pdftotext) to read
# the printed handover back. Installs only what is missing.
set -euo pipefail
packages=(chromium xvfb fonts-noto-cjk poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present: ${packages[*]}"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]}…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
