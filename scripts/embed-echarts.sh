#!/usr/bin/env bash
# Copies ECharts from the npm package pinned by package-lock.json into
# reports/echarts/, where `go:embed` builds it into the fundscope binary.
# Run after changing the echarts version in package.json (then `npm install`
# to update package-lock.json). The copied files are committed, so building
# fundscope needs no npm step; reports/echarts/echarts_test.go checks that they
# match the installed package and the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/npm-deps.sh
src=node_modules/echarts
dst=reports/echarts
cp "$src/dist/echarts.min.js" "$dst/echarts.min.js"
cp "$src/LICENSE" "$dst/LICENSE"
cp "$src/NOTICE" "$dst/NOTICE"
node -p "require('./$src/package.json').version" > "$dst/VERSION"
echo "embedded echarts $(cat "$dst/VERSION") into $dst"
