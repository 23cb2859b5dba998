package charts

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"fundscope/queries"
)

func init() {
	Register(Spec{ID: "funding", Columns: []string{"place", "year", "phase", "basis", "funding_zh", "basis_yuan"}, Build: FundingTreemap})
}

// FundingTreemap: funding sources per place and year (query
// totals_by_funding_source), sized by each place-year's basis: firm amounts,
// or caps where it has none (named in the box).
func FundingTreemap(t *queries.Table) Chart {
	var nodes []opts.TreeMapNode
	var missing []string
	lb := newLabeler(t)
	for i := range t.Rows {
		key := lb.label(i) + " " + fmt.Sprint(t.Rows[i][t.Col("year")])
		y, ok := yuanOf(t.Rows[i][t.Col("basis_yuan")])
		if ok && y == 0 {
			ok = false
		}
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
		title("各地区资金来源构成", "Funding sources per place and year (size = amount)"),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	tm.AddSeries("资金来源", nodes).SetSeriesOptions(charts.WithTreeMapOpts(opts.TreeMapChart{
		Animation: opts.Bool(false), Roam: opts.Bool(false), LeafDepth: 2, Top: "70", Bottom: "50",
		UpperLabel: &opts.UpperLabel{Show: opts.Bool(true)},
		Label:      &opts.Label{Show: opts.Bool(true)},
	}))
	note := "面积与金额成正比（元）。Area is proportional to the amount. 未注明 = the catalog names no funding source."
	detail := ""
	if len(missing) > 0 {
		detail = "无金额、未绘出 Not drawn (no amounts): " + strings.Join(missing, "、") + "。"
		note += " " + detail
	}
	return Chart{ID: "funding", Title: "各地区资金来源构成", Subtitle: "Funding sources per place and year", Footnote: note, Detail: detail, Height: 460, options: tm}
}
