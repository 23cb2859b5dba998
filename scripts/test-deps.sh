#!/usr/bin/env bash
# Installs what the tests need beyond Go, from Debian's packages, when missing:
# headless Chromium (the HTML report is checked as a person sees it), a CJK font,
# LibreOffice (legacy .doc/.xls are converted by it, and tests read such fixtures),
# poppler-utils (PDF text layer and ruling lines), python3 (the strict scorer
# fundscope eval is checked against),
# and the npm packages pinned by package-lock.json (the embedded ECharts is
# compared with them).
set -euo pipefail
need=()
for pkg in python3 chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (apt-get)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
scripts/npm-deps.sh
