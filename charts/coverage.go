package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "coverage", Columns: []string{"place", "year", "has_data", "items"}, Build: Coverage})
}

// Coverage: heatmap of loaded line items per city and year; empty cells are gaps (query coverage).
func Coverage(t *queries.Table) Chart {
	cities, years := distinct(t, "place"), distinct(t, "year")
	var data []opts.HeatMapData
	max := 1
	for i := range t.Rows {
		x := index(years, fmt.Sprint(t.Rows[i][t.Col("year")]))
		y := index(cities, fmt.Sprint(t.Rows[i][t.Col("place")]))
		if has, _ := t.Rows[i][t.Col("has_data")].(bool); has {
			n := intOf(t.Rows[i][t.Col("items")])
			if n > max {
				max = n
			}
			data = append(data, opts.HeatMapData{Value: [3]interface{}{x, y, n}})
		} else {
			data = append(data, opts.HeatMapData{Value: [3]interface{}{x, y, "-"}})
		}
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		title("数据覆盖：地区 × 年份", "Coverage: line items loaded per place and year (blank = no catalog)"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Top: "80", Bottom: "70", Left: "120", Right: "40"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: years, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: cities, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(max), Orient: "horizontal", Left: "center", Bottom: "5",
			InRange: &opts.VisualMapInRange{Color: []string{"#dbeafe", "#1d4ed8"}}}),
	)
	hm.AddSeries("条目数 line items", data).SetSeriesOptions(charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	note := "数字为已载入的项目条目数；空白表示该地区该年份没有载入目录。Numbers are line items loaded; a blank cell is a place-year with no catalog."
	return Chart{ID: "coverage", Title: "数据覆盖", Subtitle: "Coverage", Footnote: note, Height: 120 + 50*len(cities), options: hm}
}
