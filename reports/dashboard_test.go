package reports

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"fundscope/internal/testdb"
	"fundscope/money"
	"fundscope/queries"
)

// The dashboard driven as a reader drives it, in headless Chromium, on the
// bundled catalogs plus a province, a city and its district in two phases:
// with no filter its numbers are the named queries'; choosing a place filters
// the figures and keeps the choice in the URL; a click on a bar lists exactly
// the line items behind it; the CSV the page downloads holds those items with
// their exact yuan; a link with the fragment reproduces the view.
func TestDashboardFiltersAndDrillDown(t *testing.T) {
	dir := t.TempDir()
	dbPath := testdb.BundledLevels(t)
	htmlPath, _ := writeReports(t, dbPath, dir)
	db := openRO(t, dbPath)
	run := func(name string, params map[string]any) *queries.Table {
		q, err := queries.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := queries.Run(context.Background(), db, q, params)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	url := "file://" + htmlPath
	ctx, watch := newBrowser(t, url)
	downloads := filepath.Join(dir, "downloads")
	os.MkdirAll(downloads, 0o755)

	// 1. No filter: the page's place-year table is the SQL mart's.
	var placeYear string
	if err := chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Evaluate(`fundscopeCSV("place_year")`, &placeYear),
	); err != nil {
		t.Fatal(err)
	}
	got := csvRecords(t, placeYear)
	want := run("totals_by_place_year", nil)
	if len(got) != len(want.Rows) {
		t.Fatalf("page place-year table has %d rows, totals_by_place_year %d", len(got), len(want.Rows))
	}
	pageRows := map[string]string{}
	for _, r := range got {
		// place, level, year, phase, items, total 万元, total yuan, unknown, caps 万元, caps yuan, …
		pageRows[r[0]+"|"+r[2]+"|"+r[3]] = r[4] + "|" + r[6] + "|" + r[9]
	}
	for r := range want.Rows {
		key := text(value(want, r, "place")) + "|" + text(value(want, r, "year")) + "|" + termText(kPhase, text(value(want, r, "phase")))
		w := text(value(want, r, "items")) + "|" + text(value(want, r, "total_yuan")) + "|" + text(value(want, r, "cap_yuan"))
		if pageRows[key] != w {
			t.Errorf("place-year %s: page %q, SQL %q (items|total yuan|caps yuan)", key, pageRows[key], w)
		}
	}

	// 2. Choose a city: the figures are the headline of the city and its districts, money counted once.
	var hash string
	var figures []string
	if err := chromedp.Run(ctx,
		chromedp.SetValue(`select[data-filter="place"]`, "340100", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('select[data-filter="place"]').dispatchEvent(new Event("change")); location.hash`, &hash),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#figures .value')).map(e => e.textContent)`, &figures),
	); err != nil {
		t.Fatal(err)
	}
	if hash != "#place=340100" {
		t.Errorf("the URL fragment is %q, want #place=340100", hash)
	}
	h := run("headline", map[string]any{"place": "340100"})
	for r := range h.Rows {
		w := money.FormatWan(mustInt(t, value(h, r, "total_yuan"))) + " 万元"
		if r >= len(figures) || figures[r] != w {
			t.Errorf("figure %d after choosing 合肥市 is %v, the headline query says %s", r, figures, w)
		}
	}
	if len(h.Rows) < 2 || figures[0] != "110 万元" {
		t.Errorf("合肥市 80 + 蜀山区 70 − 40 listed by both = 110 万元 budgeted; the page shows %v", figures)
	}

	// 3. Click the first bar of the place-year chart: the drill-down lists its line items.
	var bar struct {
		X, Y   float64
		Place  string
		Year   string
		Phase  string
		Series string
	}
	if err := chromedp.Run(ctx,
		chromedp.ScrollIntoView(`#chart-place_year`, chromedp.ByQuery),
		chromedp.Evaluate(`(function () {
			var el = document.getElementById("chart-place_year"), c = echarts.getInstanceByDom(el);
			var opt = c.getOption(), r = el.getBoundingClientRect();
			for (var s = 0; s < opt.series.length; s++) {
				var data = c.getModel().getSeriesByIndex(s).getData();
				for (var i = 0; i < data.count(); i++) {
					var l = data.getItemLayout(i);
					if (l && Math.abs(l.height) > 4) {
						return {X: r.left + l.x + l.width / 2, Y: r.top + l.y + l.height / 2, Series: opt.series[s].name,
							Place: opt.xAxis[0].data[i], Year: String(opt.series[s].name).slice(0, 4)};
					}
				}
			}
			return null;
		})()`, &bar),
	); err != nil {
		t.Fatal(err)
	}
	if bar.X == 0 {
		t.Fatal("no bar drawn in the place-year chart after choosing 合肥市")
	}
	var rows, total, specJSON string
	if err := chromedp.Run(ctx,
		chromedp.MouseClickXY(bar.X, bar.Y),
		chromedp.WaitVisible(`#drill`, chromedp.ByQuery),
		chromedp.AttributeValue(`#drill`, "data-rows", &rows, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#drill`, "data-total", &total, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#drill`, "data-spec", &specJSON, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	var spec struct{ PlaceExact, Year, Phase string }
	if err := json.Unmarshal([]byte(specJSON), &spec); err != nil || spec.PlaceExact == "" || spec.Year == "" || spec.Phase == "" {
		t.Fatalf("the drill-down of a place-year bar is %q (%v)", specJSON, err)
	}
	behind, err := queries.Select(context.Background(), db,
		`SELECT name, amount_yuan, place FROM clean_line_item WHERE place_code = ? AND year = ? AND phase = ? ORDER BY name`, spec.PlaceExact, spec.Year, spec.Phase)
	if err != nil {
		t.Fatal(err)
	}
	if rows != total || rows != strconv.Itoa(len(behind.Rows)) || len(behind.Rows) == 0 {
		t.Errorf("clicking %s (%s) lists %s of %s items; the database has %d behind it", bar.Place, bar.Series, rows, total, len(behind.Rows))
	}

	// 4. The drill-down's CSV, downloaded as a reader would: the same items, exact yuan.
	if err := chromedp.Run(ctx, chromedp.Click(`#drill button[data-csv="drill"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	file := waitForDownload(t, downloads, ".csv")
	if !strings.Contains(filepath.Base(file), "合肥市") {
		t.Errorf("the downloaded file %s does not name the filter", filepath.Base(file))
	}
	b, _ := os.ReadFile(file)
	recs := csvRecords(t, strings.TrimPrefix(string(b), "\ufeff"))
	var gotNames, wantNames []string
	var gotYuan, wantYuan int64
	for _, r := range recs {
		gotNames = append(gotNames, r[0])
		if r[9] != "" {
			y, err := strconv.ParseInt(r[9], 10, 64)
			if err != nil {
				t.Fatalf("yuan column %q: %v", r[9], err)
			}
			gotYuan += y
		}
	}
	for r := range behind.Rows {
		wantNames = append(wantNames, text(value(behind, r, "name")))
		if y, ok := queries.AsInt64(value(behind, r, "amount_yuan")); ok {
			wantYuan += y
		}
	}
	sort.Strings(gotNames)
	sort.Strings(wantNames)
	if strings.Join(gotNames, "\n") != strings.Join(wantNames, "\n") || gotYuan != wantYuan {
		t.Errorf("downloaded CSV: %d items, %d yuan; the database: %d items, %d yuan\npage: %v\ndb:   %v", len(gotNames), gotYuan, len(wantNames), wantYuan, gotNames, wantNames)
	}

	shot := filepath.Join(artifacts(t), "dashboard-drill.png")
	var png []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(shot, png, 0o644)
	t.Logf("screenshot: %s", shot)

	// 5. A link with the fragment reproduces the view.
	var selected []string
	if err := chromedp.Run(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(url+"#place=340100&year=2024&phase=budgeted"),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Evaluate(`["place","year","phase"].map(d => document.querySelector('select[data-filter="' + d + '"]').value)`, &selected),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('#figures .value')).map(e => e.textContent)`, &figures),
	); err != nil {
		t.Fatal(err)
	}
	var body string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.body.innerText`, &body)); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<nil>", "undefined", "NaN", "null", "[object Object]"} {
		if strings.Contains(body, bad) {
			t.Errorf("the filtered page prints %q", bad)
		}
	}
	if fmt.Sprint(selected) != "[340100 2024 budgeted]" {
		t.Errorf("opening the link selects %v", selected)
	}
	h = run("headline", map[string]any{"place": "340100", "year": 2024})
	for r := range h.Rows {
		if text(value(h, r, "phase")) == "budgeted" && figures[0] != money.FormatWan(mustInt(t, value(h, r, "total_yuan")))+" 万元" {
			t.Errorf("the link shows %v, the headline of 合肥市 2024 budgeted is %v", figures, value(h, r, "total_yuan"))
		}
	}
	watch.check(t)
}

func csvRecords(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("page CSV: %v\n%s", err, s)
	}
	return recs[1:]
}

func mustInt(t *testing.T, v any) int64 {
	t.Helper()
	n, ok := queries.AsInt64(v)
	if !ok {
		t.Fatalf("%v is not an integer", v)
	}
	return n
}

func waitForDownload(t *testing.T, dir, ext string) string {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ext) {
				return filepath.Join(dir, e.Name())
			}
		}
	}
	t.Fatalf("no %s file was downloaded to %s", ext, dir)
	return ""
}
