#!/usr/bin/env bash
# Installs the npm packages pinned by package-lock.json (npm ci), once per lock file.
set -euo pipefail
stamp=node_modules/.lock-sha
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$sum" > "$stamp"
fi
