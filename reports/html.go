package reports

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fundscope/charts"
	"fundscope/queries"

	"fundscope/money"
)

//go:embed report.html.tmpl
var reportTemplate string

// ECharts is the ECharts build inlined into the HTML report.
type ECharts struct {
	Version string
	Source  []byte
}

// FindECharts locates node_modules/echarts (installed by `npm ci` from the
// committed package-lock.json) in dir or one of its parents.
func FindECharts(dir string) (*ECharts, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for {
		base := filepath.Join(d, "node_modules", "echarts")
		if src, err := os.ReadFile(filepath.Join(base, "dist", "echarts.min.js")); err == nil {
			var pkg struct{ Version string }
			b, _ := os.ReadFile(filepath.Join(base, "package.json"))
			_ = json.Unmarshal(b, &pkg)
			return &ECharts{Version: pkg.Version, Source: src}, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, errors.New("node_modules/echarts not found: run `npm ci` (or `make run`) in the fundscope folder first")
		}
		d = parent
	}
}

type chartView struct {
	ID, Title, Subtitle, Footnote string
	Height                        int
	Option                        template.JS
}

type figure struct{ Label, Value, Note string }

type pageView struct {
	Title, Scope, Generated, EChartsVersion string
	Figures                                 []figure
	Catalogs, Largest                       [][]string
	CatalogHead, LargestHead                []string
	Mismatches                              int
	Charts                                  []chartView
	EChartsJS                               template.JS
}

// cjkFonts is the font stack for text drawn by ECharts and by the page.
const cjkFonts = `"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif`

// WriteHTML writes the self-contained dashboard: ECharts inlined, no request
// to anywhere when opened. Every text from a document is escaped.
func WriteHTML(w io.Writer, ds *Dataset, ec *ECharts, generated time.Time) error {
	if bytes.Contains(bytes.ToLower(ec.Source), []byte("</script")) {
		return errors.New("echarts.min.js contains </script and cannot be inlined")
	}
	built := []charts.Chart{
		charts.CityYearTotals(ds.CityYear),
		charts.CategoryMix(ds.CategoryMix),
		charts.FundingTreemap(ds.Funding),
		charts.RegionRanking(ds.Regions, 15),
		charts.Coverage(ds.Coverage),
	}
	v := pageView{
		Title:          "fundscope 政府购买社会组织服务资金分析",
		Scope:          scope(ds.Filter),
		Generated:      generated.Format("2006-01-02 15:04"),
		EChartsVersion: ec.Version,
		EChartsJS:      template.JS(ec.Source),
	}
	for _, c := range built {
		opt := c.Option()
		opt["textStyle"] = map[string]any{"fontFamily": cjkFonts}
		opt["animation"] = false
		b, err := json.Marshal(opt) // escapes <, > and & so that no text can end the <script>
		if err != nil {
			return fmt.Errorf("chart %s: %w", c.ID, err)
		}
		v.Charts = append(v.Charts, chartView{ID: c.ID, Title: c.Title, Subtitle: c.Subtitle, Footnote: c.Footnote, Height: c.Height, Option: template.JS(b)})
	}
	h := ds.Headline
	v.Figures = []figure{
		{"资金总额 Total", wanText(value(h, 0, "total_yuan")) + " 万元", fmt.Sprintf("其中最高资助额 caps %s 万元，按实结算 actual cost %s 万元", wanText(value(h, 0, "cap_yuan")), wanText(value(h, 0, "actuals_yuan")))},
		{"项目条目 Line items", fmt.Sprint(value(h, 0, "items")), fmt.Sprintf("%v 份目录 catalogs", value(h, 0, "catalogs"))},
		{"城市 Cities", fmt.Sprint(value(h, 0, "cities")), ""},
		{"年份 Years", fmt.Sprint(value(h, 0, "years")), fmt.Sprintf("%v–%v", value(h, 0, "first_year"), value(h, 0, "last_year"))},
		{"未列金额 Unknown amount", fmt.Sprintf("%v%%", value(h, 0, "unknown_share_pct")), fmt.Sprintf("%v 项未列金额，不计入合计 items without a stated amount, not summed", value(h, 0, "items_unknown_amount"))},
	}
	v.CatalogHead = []string{"目录 Catalog", "城市 City", "区县 District", "年份 Year", "条目 Items", "合计 Total (万元)", "未列金额 Unknown", "对账 Reconciliation"}
	for r := range ds.Catalogs.Rows {
		rec := value(ds.Catalogs, r, "reconciliation")
		if strings.HasPrefix(fmt.Sprint(rec), "MISMATCH") {
			v.Mismatches++
		}
		v.Catalogs = append(v.Catalogs, []string{
			fmt.Sprint(value(ds.Catalogs, r, "catalog_id")), fmt.Sprint(value(ds.Catalogs, r, "city")),
			fmt.Sprint(value(ds.Catalogs, r, "district")), fmt.Sprint(value(ds.Catalogs, r, "year")),
			fmt.Sprint(value(ds.Catalogs, r, "items")), wanText(value(ds.Catalogs, r, "total_yuan")),
			fmt.Sprint(value(ds.Catalogs, r, "items_without_amount")), fmt.Sprint(rec),
		})
	}
	v.LargestHead = []string{"项目 Project", "城市 City", "年份 Year", "类别 Category", "资金来源 Funding", "金额 Amount (万元)", "类型 Kind", "出处 Source"}
	for r := range ds.Largest.Rows {
		l := ds.Largest
		v.Largest = append(v.Largest, []string{
			fmt.Sprint(value(l, r, "name")), fmt.Sprint(value(l, r, "jurisdiction")), fmt.Sprint(value(l, r, "year")),
			fmt.Sprint(value(l, r, "category_zh")), fmt.Sprint(value(l, r, "funding_zh")),
			wanText(value(l, r, "amount_yuan")), kindText(fmt.Sprint(value(l, r, "amount_kind"))),
			sourceRef(value(l, r, "source_file"), value(l, r, "line_start"), value(l, r, "line_end")),
		})
	}
	t, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
}

// sourceRef prints file:line or file:first–last.
func sourceRef(file, start, end any) string {
	if fmt.Sprint(start) == fmt.Sprint(end) {
		return fmt.Sprintf("%v:%v", file, start)
	}
	return fmt.Sprintf("%v:%v–%v", file, start, end)
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
	}
	return "未列 unknown"
}
