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
	Detail   string // the end of Footnote that depends on the rows (a page that filters them says its own)
	Height   int    // pixels
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
	NotePlaces  = "地区为发布辖区（如 舟山市普陀区），各目录只计入其发布辖区。Places are publishing jurisdictions; each catalog counts for its publisher only."
	NoteUnknown = "未列金额的项目不计入合计，数量另列。Items without a stated amount are not summed; they are counted separately."
)

// palette has a distinct colour for each of the eleven categories.
var palette = opts.Colors{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#8c564b"}

func title(zh, en string) charts.GlobalOpts {
	return charts.WithTitleOpts(opts.Title{Title: zh, Subtitle: en, Left: "center"})
}

// Spec is a chart that lays out the rows of one named query. Each chart
// lives in its own file and registers itself in init(); a report section
// names the chart it shows by ID.
type Spec struct {
	ID      string
	Columns []string // the query columns the chart reads (checked before building)
	Build   func(t *queries.Table) Chart
}

var registry = map[string]Spec{}

// Register makes a chart available by its ID; a duplicate ID panics.
func Register(s Spec) {
	if _, dup := registry[s.ID]; dup || s.ID == "" || s.Build == nil {
		panic("charts: bad or duplicate registration " + s.ID)
	}
	registry[s.ID] = s
}

// IDs lists the registered charts in order.
func IDs() []string {
	var ids []string
	for id := range registry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Build lays out chart id from t, after checking that t has every column the
// chart reads: a renamed SQL column fails here, never as "<nil>" on a page.
func Build(id string, t *queries.Table) (Chart, error) {
	s, ok := registry[id]
	if !ok {
		return Chart{}, fmt.Errorf("no chart %q (registered: %s)", id, strings.Join(IDs(), ", "))
	}
	for _, c := range s.Columns {
		if t.Col(c) < 0 {
			return Chart{}, fmt.Errorf("chart %s needs column %q, the query gives %s", id, c, strings.Join(t.Columns, ", "))
		}
	}
	return s.Build(t), nil
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

// index is the position of v in list, -1 when it is not there.
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

// labeler names the rows of a place-keyed result for a chart: the place, its
// basis when the figures are not firm amounts (杭州市（最高资助 caps）), its
// phase when the result holds more than one, and its level when it compares
// several. Whether there are several is found once per result.
type labeler struct {
	t                   *queries.Table
	place, basis, phase int
	level               int
}

func newLabeler(t *queries.Table) labeler {
	lb := labeler{t: t, place: t.Col("place"), basis: t.Col("basis"), phase: -1, level: -1}
	if several(t, "phase") {
		lb.phase = t.Col("phase")
	}
	if several(t, "compare_level") {
		lb.level = t.Col("compare_level")
	}
	return lb
}

// several says whether column col holds more than one value.
func several(t *queries.Table, col string) bool {
	c := t.Col(col)
	if c < 0 || len(t.Rows) == 0 {
		return false
	}
	first := fmt.Sprint(t.Rows[0][c])
	for _, r := range t.Rows[1:] {
		if fmt.Sprint(r[c]) != first {
			return true
		}
	}
	return false
}

// label names row r with its basis; placeLabel only when withBasis is set.
func (lb labeler) label(r int) string { return lb.placeLabel(r, true) }

func (lb labeler) placeLabel(r int, withBasis bool) string {
	row := lb.t.Rows[r]
	l := fmt.Sprint(row[lb.place])
	if lb.basis >= 0 && withBasis {
		if b := fmt.Sprint(row[lb.basis]); b != "firm" {
			l += "（" + basisTerm[b] + "）"
		}
	}
	if lb.phase >= 0 {
		l += " " + phaseTerm[fmt.Sprint(row[lb.phase])]
	}
	if lb.level >= 0 {
		l += " · " + levelTerm[fmt.Sprint(row[lb.level])] // like is compared with like: say which
	}
	return l
}

// labels lists the distinct labels of t's rows in order of first appearance.
func labels(t *queries.Table, withBasis bool) []string {
	lb := newLabeler(t)
	var out []string
	seen := map[string]bool{}
	for r := range t.Rows {
		if l := lb.placeLabel(r, withBasis); !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

var (
	basisTerm = map[string]string{"cap": "最高资助 caps", "actuals": "按实结算 actual cost", "firm": "定额类 firm"}
	phaseTerm = map[string]string{"budgeted": "预算", "approved": "批复", "contracted": "中标", "paid": "拨付", "unknown": "阶段未明"}
	levelTerm = map[string]string{"province": "省级", "city": "市级", "district": "区县级"}
)

// rotation tilts axis labels when there are many or long ones.
func rotation(names []string) float64 {
	n := 0
	for _, s := range names {
		n += len([]rune(s))
	}
	if n > 60 {
		return 30
	}
	return 0
}
