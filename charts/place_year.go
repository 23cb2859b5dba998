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
	Register(Spec{ID: "place_year", Columns: []string{"place", "year", "phase", "total_yuan", "cap_yuan", "items_unknown_amount"}, Build: PlaceYearTotals})
}

// PlaceYearTotals: grouped bars per place (the publishing jurisdiction), one
// series per year of firm totals and, where a place has caps, one of caps
// beside it: the two are never stacked into one bar (query totals_by_place_year).
func PlaceYearTotals(t *queries.Table) Chart {
	places, years, lb := labels(t, false), distinct(t, "year"), newLabeler(t)
	at := map[string]int{}
	for i, p := range places {
		at[p] = i
	}
	sort.Strings(years)
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		title("各地区历年资金总额", "Allocation by place and year (万元): firm totals, caps apart"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48"}),
		charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "60", Left: "70", Right: "30"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "万元"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rotation(places)}}),
	)
	bar.SetXAxis(places)
	var unknown []string
	capYears := map[string]bool{} // years in which some place has caps
	for r := range t.Rows {
		if y, ok := yuanOf(t.Rows[r][t.Col("cap_yuan")]); ok && y > 0 {
			capYears[fmt.Sprint(t.Rows[r][t.Col("year")])] = true
		}
	}
	series := func(y, field, name string) {
		data := make([]opts.BarData, len(places))
		for i := range data {
			data[i] = opts.BarData{Value: "-"}
		}
		for r := range t.Rows {
			if fmt.Sprint(t.Rows[r][t.Col("year")]) != y {
				continue
			}
			i := at[lb.placeLabel(r, false)]
			data[i] = opts.BarData{Value: wan(t.Rows[r][t.Col(field)])}
			if n := intOf(t.Rows[r][t.Col("items_unknown_amount")]); n > 0 && field == "total_yuan" {
				unknown = append(unknown, fmt.Sprintf("%s %s：%d 项未列金额", lb.placeLabel(r, false), y, n))
			}
		}
		bar.AddSeries(name, data)
	}
	for _, y := range years {
		series(y, "total_yuan", y)
		if capYears[y] {
			series(y, "cap_yuan", y+" 最高资助 caps")
		}
	}
	note := NoteWan + " 柱为定额类合计；最高资助单列一柱，不与合计相加。Bars are firm totals; caps are a bar of their own, never added. " + NotePlaces
	detail := ""
	if len(unknown) > 0 {
		detail = strings.Join(unknown, "；") + "（items without an amount）。"
		note += " " + detail
	}
	return Chart{ID: "place_year", Title: "各地区历年资金总额", Subtitle: "Allocation by place and year", Footnote: note, Detail: detail, Height: 440, options: bar}
}
