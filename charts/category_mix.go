package charts

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "category_mix", Columns: []string{"city", "category_zh", "share_pct"}, Build: CategoryMix})
}

// CategoryMix: 100% stacked bars of each city's category shares (query category_mix).
func CategoryMix(t *queries.Table) Chart {
	cities, cats := distinct(t, "city"), distinct(t, "category_zh")
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		title("各城市资金类别构成", "Category mix per city (% of the city's total)"),
		charts.WithColorsOpts(palette),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48"}),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "40", Left: "70", Right: "30"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "%", Max: 100}),
	)
	bar.SetXAxis(cities)
	for _, c := range cats {
		data := make([]opts.BarData, len(cities))
		for i, city := range cities {
			data[i] = opts.BarData{Value: 0}
			if r := find(t, "city", city, "category_zh", c); r >= 0 {
				if v := t.Rows[r][t.Col("share_pct")]; v != nil {
					data[i] = opts.BarData{Value: json.Number(fmt.Sprint(v))}
				}
			}
		}
		bar.AddSeries(c, data)
	}
	bar.SetSeriesOptions(charts.WithBarChartOpts(opts.BarChart{Stack: "share"}))
	note := "占该城市全部年份合计的百分比。Share of the city's total over all loaded years. " + NoteUnknown
	return Chart{ID: "category_mix", Title: "各城市资金类别构成", Subtitle: "Category mix per city", Footnote: note, Height: 440, options: bar}
}
