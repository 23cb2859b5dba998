package charts

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "city_year", Columns: []string{"city", "year", "total_yuan", "items_unknown_amount"}, Build: CityYearTotals})
}

// CityYearTotals: grouped bars of the total per city, one series per year
// (query totals_by_city_year).
func CityYearTotals(t *queries.Table) Chart {
	cities, years := distinct(t, "city"), distinct(t, "year")
	sort.Strings(years)
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		title("各城市历年资金总额", "Total allocation by city and year (万元)"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48"}),
		charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "40", Left: "70", Right: "30"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "万元"}),
	)
	bar.SetXAxis(cities)
	var unknown []string
	for _, y := range years {
		data := make([]opts.BarData, len(cities))
		for i, c := range cities {
			data[i] = opts.BarData{Value: "-"}
			if r := find(t, "city", c, "year", y); r >= 0 {
				data[i] = opts.BarData{Value: wan(t.Rows[r][t.Col("total_yuan")])}
				if n := intOf(t.Rows[r][t.Col("items_unknown_amount")]); n > 0 {
					unknown = append(unknown, fmt.Sprintf("%s %s：%d 项未列金额", c, y, n))
				}
			}
		}
		bar.AddSeries(y, data)
	}
	note := NoteWan + " " + NoteKinds
	if len(unknown) > 0 {
		note += " " + strings.Join(unknown, "；") + "（items without an amount）。"
	}
	return Chart{ID: "city_year", Title: "各城市历年资金总额", Subtitle: "Total allocation by city and year", Footnote: note, Height: 420, options: bar}
}
