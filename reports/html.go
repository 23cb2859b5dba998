package reports

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"fundscope/charts"
	"fundscope/queries"
	"fundscope/reports/echarts"

	"fundscope/money"
)

//go:embed report.html.tmpl
var reportTemplate string

type chartView struct {
	ID, Title, Subtitle, Footnote string
	Height                        int
	Option                        template.JS
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
	TableOpen                  bool // no chart: the table is the section
}

type pageView struct {
	Title, Scope, Generated, EChartsVersion string
	Figures                                 []figure
	Mismatches                              int
	Sections                                []sectionView
	Charts                                  []chartView
	EChartsJS                               template.JS
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
	v := pageView{
		Title:          "fundscope 政府购买社会组织服务资金分析",
		Scope:          scope(ds.Filter),
		Generated:      generated.Format("2006-01-02 15:04"),
		EChartsVersion: echarts.Version(),
		EChartsJS:      template.JS(src),
	}
	for _, sec := range Sections() {
		t := ds.Table(sec.Query)
		sv := sectionView{ID: sec.ID, TitleZH: sec.TitleZH, TitleEN: sec.TitleEN, Note: sec.Note, TableOpen: sec.Chart == ""}
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
			cv := chartView{ID: c.ID, Title: c.Title, Subtitle: c.Subtitle, Footnote: c.Footnote, Height: c.Height, Option: template.JS(b)}
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
			sv.Rows = append(sv.Rows, row)
		}
		v.Sections = append(v.Sections, sv)
	}
	h := ds.Table(headlineQuery)
	v.Figures = []figure{
		{"资金总额 Total", wanText(value(h, 0, "total_yuan")) + " 万元", headlineKinds(h)},
		{"项目条目 Line items", text(value(h, 0, "items")), text(value(h, 0, "catalogs")) + " 份目录 catalogs"},
		{"城市 Cities", text(value(h, 0, "cities")), ""},
		{"年份 Years", text(value(h, 0, "years")), text(value(h, 0, "first_year")) + "–" + text(value(h, 0, "last_year"))},
		{"未列金额 Unknown amount", text(value(h, 0, "unknown_share_pct")) + "%", text(value(h, 0, "items_unknown_amount")) + " 项未列金额，不计入合计 items without a stated amount, not summed"},
	}
	t, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
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
	case kAmountKind:
		return cellView{kindText(text(v)), ""}
	}
	return cellView{text(v), ""}
}

// text prints a value for a person: NULL is empty, dates are dates.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

func scope(f Filter) string {
	var parts []string
	if f.City != "" {
		parts = append(parts, f.City)
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

func kindText(k string) string {
	switch k {
	case "cap":
		return "最高资助 cap"
	case "actuals":
		return "按实结算 actual cost"
	case "fixed":
		return "定额 fixed"
	case "derived":
		return "共享金额 shared"
	case "approx":
		return "约数 approximate"
	}
	return "未列 unknown"
}

// headlineKinds names the parts of the total that are not fixed amounts:
// caps and actual-cost amounts always, shared and approximate figures when
// there are any.
func headlineKinds(h *queries.Table) string {
	s := fmt.Sprintf("其中最高资助额 caps %s 万元，按实结算 actual cost %s 万元", wanText(value(h, 0, "cap_yuan")), wanText(value(h, 0, "actuals_yuan")))
	if v := wanText(value(h, 0, "derived_yuan")); v != "0" && v != "" {
		s += fmt.Sprintf("，共享金额 shared %s 万元", v)
	}
	if v := wanText(value(h, 0, "approx_yuan")); v != "0" && v != "" {
		s += fmt.Sprintf("，约数 approximate %s 万元", v)
	}
	return s
}
