// Package echarts holds the ECharts build that the HTML report inlines, copied
// from the npm package pinned by package-lock.json by scripts/embed-echarts.sh
// and built into the binary, so that reports need no npm step and no network.
// ECharts is Apache-2.0 licensed (LICENSE and NOTICE beside this file).
package echarts

import (
	_ "embed"
	"strings"
)

//go:embed echarts.min.js
var source []byte

//go:embed VERSION
var version string

//go:embed NOTICE
var notice string

// Source is echarts.min.js.
func Source() []byte { return source }

// Version is the ECharts release embedded (e.g. "5.4.3").
func Version() string { return strings.TrimSpace(version) }

// Notice is the ECharts NOTICE text, carried into the report's source.
func Notice() string { return strings.TrimSpace(notice) }
