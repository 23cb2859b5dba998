package charts

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "regions", Columns: []string{"place", "basis", "region_name", "basis_yuan"}, Build: func(t *queries.Table) Chart { return RegionRanking(t, 15) }})
}

// RegionRanking: implementation regions ranked by total, largest first (query totals_by_region).
func RegionRanking(t *queries.Table, top int) Chart {
	var names []string
	var data []opts.BarData
	lb := newLabeler(t)
	for i := range t.Rows {
		if len(names) == top {
			break
		}
		y, ok := yuanOf(t.Rows[i][t.Col("basis_yuan")])
		if !ok || y == 0 {
			continue
		}
		label := fmt.Sprintf("%v·%v", lb.label(i), t.Rows[i][t.Col("region_name")])
		if c := t.Col("year"); c >= 0 { // the ranking spans years: say which
			label = shorten(label, 18) + fmt.Sprintf(" %v", t.Rows[i][c])
		} else {
			label = shorten(label, 18)
		}
		names = append(names, label)
		data = append(data, opts.BarData{Value: json.Number(formatWan(y))})
	}
	// Largest at the top of a horizontal bar chart: ECharts draws the first category at the bottom.
	for i, j := 0, len(names)-1; i < j; i, j = i+1, j-1 {
		names[i], names[j] = names[j], names[i]
		data[i], data[j] = data[j], data[i]
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		title("实施地区资金排名", fmt.Sprintf("Implementation regions ranked by total, top %d (万元)", top)),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Top: "70", Bottom: "30", Left: "260", Right: "40"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "万元"}),
	)
	bar.SetXAxis(names).AddSeries("总额", data)
	bar.XYReversal()
	note := NoteWan + " 主城区、全市、片区等保留原文名称，计入所在城市。Pseudo-regions (主城区, 全市, 片区) keep their printed name under the city."
	return Chart{ID: "regions", Title: "实施地区资金排名", Subtitle: "Implementation regions ranked by total", Footnote: note, Height: 40 + 26*len(names) + 100, options: bar}
}
