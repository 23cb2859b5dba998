package charts

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "category_mix", Columns: []string{"place", "phase", "basis", "category_zh", "share_pct"}, Build: CategoryMix})
}

// CategoryMix: 100% stacked bars of each place's category shares (query
// category_mix); a place with caps only shows the shares of its caps, named.
func CategoryMix(t *queries.Table) Chart {
	cities, cats := labels(t, true), distinct(t, "category_zh")
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		title("各地区资金类别构成", "Category mix per place (% of the place's total)"),
		charts.WithColorsOpts(palette),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48"}),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "40", Left: "70", Right: "30"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "%", Max: 100}),
	)
	bar.SetXAxis(cities)
	lb, share := newLabeler(t), map[[2]string]any{}
	for r := range t.Rows {
		if v := t.Rows[r][t.Col("share_pct")]; v != nil {
			share[[2]string{lb.label(r), fmt.Sprint(t.Rows[r][t.Col("category_zh")])}] = json.Number(fmt.Sprint(v))
		}
	}
	for _, c := range cats {
		data := make([]opts.BarData, len(cities))
		for i, city := range cities {
			data[i] = opts.BarData{Value: 0}
			if v, ok := share[[2]string{city, c}]; ok {
				data[i] = opts.BarData{Value: v}
			}
		}
		bar.AddSeries(c, data)
	}
	bar.SetSeriesOptions(charts.WithBarChartOpts(opts.BarChart{Stack: "share"}))
	note := "占该地区全部年份定额类合计的百分比；只有最高资助的地区按最高资助计（已注明）。Share of the place's firm total over all loaded years; a place with caps only shows the shares of its caps (named). " + NoteUnknown
	return Chart{ID: "category_mix", Title: "各地区资金类别构成", Subtitle: "Category mix per place", Footnote: note, Height: 440, options: bar}
}
