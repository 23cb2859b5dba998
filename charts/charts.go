// Package charts builds the report charts with go-echarts from the results
// of the named queries. Charts only lay out what SQL computed: no totals are
// added up here. Money arrives as integer yuan and is shown in 万元 by moving
// the decimal point (exact text, never float arithmetic).
package charts

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"

	"fundscope/money"
)

// Chart is one built chart with the note printed under it.
type Chart struct {
	ID       string
	Title    string // Chinese
	Subtitle string // English
	Footnote string
	Height   int // pixels
	options  interface{ JSON() map[string]interface{} }
}

// Option returns the ECharts option object of the chart.
func (c Chart) Option() map[string]interface{} {
	if v, ok := c.options.(interface{ Validate() }); ok {
		v.Validate()
	}
	return c.options.JSON()
}

// Unit notes shared by the charts.
const (
	NoteWan     = "单位：万元（10,000 元）。Unit: 10,000 yuan."
	NoteKinds   = "杭州公益创投金额为最高资助额（cap）；按实结算项目按核定金额计（settled on actual cost）。Caps and actual-cost amounts are included at their stated value."
	NoteUnknown = "未列金额的项目不计入合计，数量另列。Items without a stated amount are not summed; they are counted separately."
)

// palette has a distinct colour for each of the eleven categories.
var palette = opts.Colors{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#8c564b"}

func title(zh, en string) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Title: zh, Subtitle: en, Left: "center"})
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

// FundingTreemap: funding sources per city and year (query totals_by_funding_source).
func FundingTreemap(t *queries.Table) Chart {
	var nodes []opts.TreeMapNode
	var missing []string
	for i := range t.Rows {
		key := fmt.Sprint(t.Rows[i][t.Col("city")]) + " " + fmt.Sprint(t.Rows[i][t.Col("year")])
		y, ok := yuanOf(t.Rows[i][t.Col("total_yuan")])
		if !ok {
			missing = append(missing, key+" "+fmt.Sprint(t.Rows[i][t.Col("funding_zh")]))
			continue
		}
		if len(nodes) == 0 || nodes[len(nodes)-1].Name != key {
			nodes = append(nodes, opts.TreeMapNode{Name: key})
		}
		last := &nodes[len(nodes)-1]
		last.Children = append(last.Children, opts.TreeMapNode{Name: fmt.Sprint(t.Rows[i][t.Col("funding_zh")]), Value: int(y)})
	}
	tm := charts.NewTreeMap()
	tm.SetGlobalOptions(
		title("各城市资金来源构成", "Funding sources per city and year (size = amount)"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	tm.AddSeries("资金来源", nodes).SetSeriesOptions(charts.WithTreeMapOpts(opts.TreeMapChart{
		Animation: opts.Bool(false), Roam: opts.Bool(false), LeafDepth: 2, Top: "70", Bottom: "50",
		UpperLabel: &opts.UpperLabel{Show: opts.Bool(true)},
		Label:      &opts.Label{Show: opts.Bool(true)},
	}))
	note := "面积与金额成正比（元）。Area is proportional to the amount. 未注明 = the catalog names no funding source."
	if len(missing) > 0 {
		note += " 无金额、未绘出 Not drawn (no amounts): " + strings.Join(missing, "、") + "。"
	}
	return Chart{ID: "funding", Title: "各城市资金来源构成", Subtitle: "Funding sources per city and year", Footnote: note, Height: 460, options: tm}
}

// RegionRanking: implementation regions ranked by total, largest first (query totals_by_region).
func RegionRanking(t *queries.Table, top int) Chart {
	var names []string
	var data []opts.BarData
	for i := range t.Rows {
		if len(names) == top {
			break
		}
		y, ok := yuanOf(t.Rows[i][t.Col("total_yuan")])
		if !ok {
			continue
		}
		label := fmt.Sprintf("%v·%v", t.Rows[i][t.Col("city")], t.Rows[i][t.Col("region_name")])
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

// Coverage: heatmap of loaded line items per city and year; empty cells are gaps (query coverage).
func Coverage(t *queries.Table) Chart {
	cities, years := distinct(t, "city"), distinct(t, "year")
	var data []opts.HeatMapData
	max := 1
	for i := range t.Rows {
		x := index(years, fmt.Sprint(t.Rows[i][t.Col("year")]))
		y := index(cities, fmt.Sprint(t.Rows[i][t.Col("city")]))
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
		title("数据覆盖：城市 × 年份", "Coverage: line items loaded per city and year (blank = no catalog)"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Top: "80", Bottom: "70", Left: "90", Right: "40"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: years, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: cities, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 0, Max: float32(max), Orient: "horizontal", Left: "center", Bottom: "5",
			InRange: &opts.VisualMapInRange{Color: []string{"#dbeafe", "#1d4ed8"}}}),
	)
	hm.AddSeries("条目数 line items", data).SetSeriesOptions(charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	note := "数字为已载入的项目条目数；空白表示该城市该年份没有载入目录。Numbers are line items loaded; a blank cell is a city-year with no catalog."
	return Chart{ID: "coverage", Title: "数据覆盖", Subtitle: "Coverage", Footnote: note, Height: 120 + 50*len(cities), options: hm}
}

// distinct lists the values of a column in first-seen order, as text.
func distinct(t *queries.Table, col string) []string {
	var out []string
	seen := map[string]bool{}
	c := t.Col(col)
	for _, r := range t.Rows {
		v := fmt.Sprint(r[c])
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// shorten cuts a long printed name for an axis label.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func find(t *queries.Table, col1, v1, col2, v2 string) int {
	a, b := t.Col(col1), t.Col(col2)
	for i, r := range t.Rows {
		if fmt.Sprint(r[a]) == v1 && fmt.Sprint(r[b]) == v2 {
			return i
		}
	}
	return -1
}

func index(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func yuanOf(v any) (int64, bool) { return queries.AsInt64(v) }

func intOf(v any) int {
	y, _ := yuanOf(v)
	return int(y)
}

// wan renders yuan as an exact 万元 JSON number, or "-" (missing) for NULL.
func wan(v any) any {
	y, ok := yuanOf(v)
	if !ok {
		return "-"
	}
	return json.Number(formatWan(y))
}

func formatWan(y int64) string { return money.FormatWan(y) }
