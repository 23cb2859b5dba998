package reports

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"fundscope/charts"
	"fundscope/queries"
	"fundscope/reports/echarts"

	"fundscope/money"
)

//go:embed report.html.tmpl
var reportTemplate string

//go:embed dashboard.js
var dashboardJS string

type chartView struct {
	ID, Title, Subtitle, Footnote string
	Height                        int
	Option                        template.JS
	Live                          bool // the page's script redraws it from the filtered data
}

type figure struct{ Label, Value, Note string }

type cellView struct {
	Text, Class string
}

type sectionView struct {
	ID, TitleZH, TitleEN, Note string
	Chart                      *chartView
	Head                       []string
	Rows                       [][]cellView
	RowDims                    []string // per row: the place, year, phase… it is about, as JSON, for the page's filters
	Dims                       string   // the filter dimensions the table's rows carry, comma-separated
	TableOpen                  bool     // no chart: the table is the section
	Live                       bool     // the page's script fills the table from the filtered data
	Query                      string   // the named query behind the table
	Cut                        int      // rows left out of the page (PageTableRows)
}

// PageTableRows is the most rows a table of the page lists; the workbook and
// `fundscope query` have them all, and the page says so.
var PageTableRows = 300

type pageView struct {
	Title, Scope, Generated, EChartsVersion, Footnote string
	Figures                                           []figure
	Mismatches                                        int
	Sections                                          []sectionView
	Charts                                            []chartView
	EChartsJS, DashboardJS                            template.JS
	Data                                              template.JS // the filtered data, JSON
}

// cjkFonts is the font stack for text drawn by ECharts and by the page.
const cjkFonts = `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif`

// WriteHTML writes the self-contained dashboard: ECharts inlined, no request
// to anywhere when opened. Every registered section is shown: its chart, and
// the numbers behind it as a table. Every text from a document is escaped.
func WriteHTML(w io.Writer, ds *Dataset, generated time.Time) error {
	src := echarts.Source()
	if bytes.Contains(bytes.ToLower(src), []byte("</script")) {
		return errors.New("echarts.min.js contains </script and cannot be inlined")
	}
	for _, q := range exploreQueries {
		if !ds.has(q) {
			return fmt.Errorf("the dataset was loaded without query %s: pass reports.PageQueries to Load", q)
		}
	}
	data, err := exploreJSON(ds)
	if err != nil {
		return err
	}
	v := pageView{
		Title:          "fundscope 政府购买社会组织服务资金分析",
		Scope:          scope(ds.Filter),
		Generated:      generated.Format("2006-01-02 15:04"),
		EChartsVersion: echarts.Version(),
		EChartsJS:      template.JS(src),
		DashboardJS:    template.JS(dashboardJS),
		Data:           template.JS(data),
	}
	for _, sec := range pageSections() {
		if sec.page != nil {
			pv := sec.page
			sv := sectionView{ID: sec.ID, TitleZH: sec.TitleZH, TitleEN: sec.TitleEN, Note: sec.Note, Live: true}
			if pv.Height > 0 {
				cv := chartView{ID: sec.ID, Title: sec.TitleZH, Subtitle: sec.TitleEN, Footnote: pv.Footnote, Height: pv.Height, Option: template.JS(pv.option()), Live: true}
				sv.Chart = &cv
				v.Charts = append(v.Charts, cv)
			} else {
				sv.TableOpen = true
			}
			v.Sections = append(v.Sections, sv)
			continue
		}
		t := ds.Table(sec.Query)
		sv := sectionView{ID: sec.ID, TitleZH: sec.TitleZH, TitleEN: sec.TitleEN, Note: sec.Note, TableOpen: sec.Chart == "", Live: sec.Chart != "", Query: sec.Query}
		if sec.Chart != "" {
			c, err := charts.Build(sec.Chart, t)
			if err != nil {
				return fmt.Errorf("section %s: %w", sec.ID, err)
			}
			opt := c.Option()
			opt["textStyle"] = map[string]any{"fontFamily": cjkFonts}
			opt["animation"] = false
			b, err := json.Marshal(opt) // escapes <, > and & so that no text can end the <script>
			if err != nil {
				return fmt.Errorf("chart %s: %w", c.ID, err)
			}
			// The page's script says what depends on the selected rows (filter-note); the footnote keeps the rest.
			foot := strings.TrimSuffix(strings.TrimSuffix(c.Footnote, c.Detail), " ")
			cv := chartView{ID: c.ID, Title: c.Title, Subtitle: c.Subtitle, Footnote: foot, Height: c.Height, Option: template.JS(b), Live: true}
			sv.Chart = &cv
			v.Charts = append(v.Charts, cv)
		}
		for _, c := range sec.Columns {
			sv.Head = append(sv.Head, c.header)
		}
		for r := range t.Rows {
			row := make([]cellView, len(sec.Columns))
			for i, c := range sec.Columns {
				row[i] = htmlCell(t.Rows[r][t.Col(c.field)], c.kind)
				if c.kind == kStatus && row[i].Class == "bad" {
					v.Mismatches++
				}
			}
			if sv.Live || len(sv.Rows) >= PageTableRows {
				sv.Cut++ // a live table is drawn by the page's script; a long one is in the workbook
				continue
			}
			sv.Rows = append(sv.Rows, row)
			sv.RowDims = append(sv.RowDims, rowDims(t, r))
		}
		if sv.Live {
			sv.Cut = 0
		}
		if !sv.Live {
			sv.Dims = strings.Join(tableDims(t), ",")
		}
		v.Sections = append(v.Sections, sv)
	}
	h := ds.Table(headlineQuery)
	sum := ds.Summary()
	for _, r := range sum.Phases {
		label := "资金总额 Total"
		if len(sum.Phases) > 1 {
			label = "资金总额 · " + termText(kPhase, text(value(h, r, "phase")))
		}
		v.Figures = append(v.Figures, figure{label, wanText(value(h, r, "total_yuan")) + " 万元", headlineKinds(h, r)})
	}
	places := 0
	for _, n := range sum.Places {
		places += n
	}
	v.Figures = append(v.Figures,
		figure{"项目条目 Line items", fmt.Sprint(sum.Items), fmt.Sprintf("%d 份目录 catalogs", sum.Catalogs)},
		figure{"地区 Places", fmt.Sprint(places), sum.PlacesText()},
		figure{"年份 Years", fmt.Sprint(sum.Years), sum.FirstYear + "–" + sum.LastYear},
		figure{"未列金额 Unknown amount", fmt.Sprint(sum.UnknownAmount) + " 项", "未列金额的条目不计入合计 items without a stated amount, not summed"},
	)
	v.Footnote = hierarchyNote
	t, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
}

// filterColumns are the columns, by filter dimension, whose values a table
// row is matched on by the page's filters (the first the table has).
var filterColumns = []struct {
	dim  string
	cols []string
}{
	{"place", []string{"place", "city"}},
	{"year", []string{"year"}},
	{"phase", []string{"phase"}},
	{"category", []string{"category", "category_zh"}},
	{"funding", []string{"funding_code", "funding_zh"}},
	{"org", []string{"org_key", "organization"}},
}

// tableDims lists the filter dimensions t's rows carry.
func tableDims(t *queries.Table) []string {
	var out []string
	for _, fc := range filterColumns {
		for _, c := range fc.cols {
			if t.Col(c) >= 0 {
				out = append(out, fc.dim)
				break
			}
		}
	}
	return out
}

// rowDims is row r's values of the filter dimensions, as JSON.
func rowDims(t *queries.Table, r int) string {
	m := map[string]string{}
	for _, fc := range filterColumns {
		for _, c := range fc.cols {
			if t.Col(c) >= 0 {
				m[fc.dim] = text(t.Rows[r][t.Col(c)])
				break
			}
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// htmlCell formats one value for the page as its column kind says.
func htmlCell(v any, kind int) cellView {
	switch kind {
	case kWan:
		return cellView{wanText(v), "num"}
	case kInt, kPct:
		return cellView{text(v), "num"}
	case kBool:
		if b, ok := v.(bool); ok && !b {
			return cellView{"否 NO", "bad"}
		} else if ok {
			return cellView{"是 yes", "ok"}
		}
	case kStatus:
		s := text(v)
		switch {
		case strings.HasPrefix(s, "MISMATCH"):
			return cellView{s, "bad"}
		case strings.HasPrefix(s, "ok"):
			return cellView{s, "ok"}
		}
		return cellView{s, ""}
	case kAmountKind, kPhase, kLevel, kBasis:
		return cellView{termText(kind, text(v)), ""}
	}
	return cellView{text(v), ""}
}

// text prints a value for a person: NULL is empty, dates are dates.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

func scope(f Filter) string {
	var parts []string
	if f.Place != "" {
		parts = append(parts, f.Place)
	}
	if f.Year != 0 {
		parts = append(parts, fmt.Sprint(f.Year))
	}
	if len(parts) == 0 {
		return "全部已载入目录 All loaded catalogs"
	}
	return strings.Join(parts, " · ")
}

func wanText(v any) string {
	y, ok := queries.AsInt64(v)
	if !ok {
		return "—"
	}
	return money.FormatWan(y)
}

// headlineKinds names the parts of the total that are not fixed amounts:
// caps and actual-cost amounts always, shared and approximate figures when
// there are any.
func headlineKinds(h *queries.Table, r int) string {
	s := fmt.Sprintf("另有最高资助 caps %s 万元、按实结算 actual cost %s 万元，未计入合计 (not in the total)", wanText(value(h, r, "cap_yuan")), wanText(value(h, r, "actuals_yuan")))
	if v := wanText(value(h, r, "derived_yuan")); v != "0" && v != "" {
		s += fmt.Sprintf("；合计含共享金额 shared %s 万元", v)
	}
	if v := wanText(value(h, r, "approx_yuan")); v != "0" && v != "" {
		s += fmt.Sprintf("；合计含约数 approximate %s 万元", v)
	}
	if v := wanText(value(h, r, "overlap_yuan")); v != "0" && v != "" {
		s += fmt.Sprintf("；区县目录中已由市级目录列出的 %s 万元只计一次 (counted once)", v)
	}
	return s
}
