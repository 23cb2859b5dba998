package reports

import (
	"encoding/json"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// pageOnly is a part of the HTML page that has no sheet in the workbook: a
// view across years that the page's script draws from the filtered data.
// go-echarts gives the chart its frame (titles, axes, tooltip); the script
// fills in the data. Height 0 is a table without a chart.
type pageOnly struct {
	Height   int
	Footnote string
	frame    func() interface{ JSON() map[string]interface{} }
}

func (p *pageOnly) option() []byte {
	if p.frame == nil {
		return []byte("{}")
	}
	opt := p.frame().JSON()
	opt["textStyle"] = map[string]any{"fontFamily": cjkFonts}
	opt["animation"] = false
	b, _ := json.Marshal(opt)
	return b
}

type pageSection struct {
	Section
	page *pageOnly // nil: a section of both reports
}

var pageOnlySections []pageSection

func registerPageSection(s Section, p pageOnly) {
	pageOnlySections = append(pageOnlySections, pageSection{s, &p})
}

// pageSections lists the sections of both reports and those of the page, in order.
func pageSections() []pageSection {
	var out []pageSection
	for _, s := range Sections() {
		out = append(out, pageSection{Section: s})
	}
	out = append(out, pageOnlySections...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

func frameTitle(zh, en string) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Title: zh, Subtitle: en, Left: "center"})
}

func init() {
	registerPageSection(Section{ID: "trends", Order: 21, TitleZH: "各地区历年趋势", TitleEN: "Trend per place: firm totals by year (万元)"},
		pageOnly{Height: 420, Footnote: "每条线为一个发布辖区的定额类合计；缺一年即断开。最多显示合计最大的 12 个地区。Each line is one place's firm total; a missing year breaks the line. The 12 largest places are drawn.",
			frame: func() interface{ JSON() map[string]interface{} } {
				l := charts.NewLine()
				l.SetGlobalOptions(frameTitle("各地区历年趋势", "Trend per place: firm totals by year (万元)"),
					charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
					charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48", Type: "scroll"}),
					charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "40", Left: "80", Right: "30"}),
					charts.WithYAxisOpts(opts.YAxis{Name: "万元"}))
				return l
			}})
	registerPageSection(Section{ID: "small_multiples", Order: 22, TitleZH: "地区 × 年份 小图", TitleEN: "Small multiples: each place's firm total by year, on one scale"},
		pageOnly{Height: 360, Footnote: "每个小图一个地区，纵轴相同，便于比较。One small chart per place, all on the same scale. Up to 24 places, largest first."})
	registerPageSection(Section{ID: "yoy", Order: 23, TitleZH: "同比变化", TitleEN: "Year over year: totals, change, items and the median item per place and year",
		Note: "较上年按同一地区、同一阶段的上一个已载入年份计算。中位数为有金额的定额类条目的中位数。Change is on the same place and phase's previous loaded year; the median is over items with a firm amount."},
		pageOnly{})
	registerPageSection(Section{ID: "category_years", Order: 31, TitleZH: "类别构成的历年变化", TitleEN: "Category shares by year (% of the selection's firm total)"},
		pageOnly{Height: 420, Footnote: "所选范围内每年各类别占定额类合计的百分比。Each year's category shares of the firm total of what is selected.",
			frame: func() interface{ JSON() map[string]interface{} } {
				b := charts.NewBar()
				b.SetGlobalOptions(frameTitle("类别构成的历年变化", "Category shares by year (%)"),
					charts.WithColorsOpts(opts.Colors{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#8c564b"}),
					charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
					charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "48", Type: "scroll"}),
					charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "40", Left: "70", Right: "30"}),
					charts.WithYAxisOpts(opts.YAxis{Name: "%", Max: 100}))
				return b
			}})
}
