package transform

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fundscope/data"
	"fundscope/ingest"
	"fundscope/store"
	"fundscope/synth"

	"fundscope/ingest/manifest"
	"fundscope/ingest/template"
)

var (
	prepareOnce sync.Once
	prepared    string // the bundled catalogs ingested and transformed, once per test binary
	prepareErr  error
	prepareDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if prepareDir != "" {
		os.RemoveAll(prepareDir)
	}
	os.Exit(code)
}

// loaded is a writable copy of the database prepared once for this package.
// (Other packages use internal/testdb, which imports this one.)
func loaded(t testing.TB) *sql.DB {
	t.Helper()
	ctx := context.Background()
	prepareOnce.Do(func() {
		if prepareDir, prepareErr = os.MkdirTemp("", "fundscope-transform-test-"); prepareErr != nil {
			return
		}
		prepared = filepath.Join(prepareDir, "t.duckdb")
		prepareErr = func() error {
			db, err := store.Open(ctx, prepared, false)
			if err != nil {
				return err
			}
			defer db.Close()
			m, err := manifest.Load(data.FS)
			if err != nil {
				return err
			}
			jobs, err := ingest.BundledJobs(data.FS, m, "data")
			if err != nil {
				return err
			}
			if _, errs := ingest.Run(ctx, db, jobs, nil); len(errs) > 0 {
				return errs[0]
			}
			if err := Run(ctx, db, data.FS); err != nil {
				return err
			}
			return db.Close()
		}()
	})
	if prepareErr != nil {
		t.Fatal(prepareErr)
	}
	copyPath := filepath.Join(t.TempDir(), "t.duckdb")
	b, err := os.ReadFile(prepared)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyPath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, copyPath, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func sums(t *testing.T, db *sql.DB, q string) map[string]int64 {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var v sql.NullInt64
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		out[k] = v.Int64
		if !v.Valid {
			out[k] = -1
		}
	}
	return out
}

func expect(t *testing.T, what string, got, want map[string]int64) {
	t.Helper()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %s: %d yuan, want %d", what, k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d groups %v, want %d", what, len(got), got, len(want))
	}
}

// Hand computation from the seed documents, in 万元 (firm amounts: caps
// and actual-cost figures apart):
//
//	宁波 2023: 15+10+25+15+10+10+15 = 100
//	舟山(普陀) 2023: 628.077 printed, of which #8-#10 (2万 each) are settled on actuals: 622.077 firm
//	中卫(沙坡头) 2025: 25
//	杭州 2024: 97 + 342 + 270 + 240 = 949, all caps: firm 0
//	北京(房山) 2020: no amounts → NULL, 18 items of unknown amount
func TestTotalsByPlace(t *testing.T) {
	db := loaded(t)
	expect(t, "place-year", sums(t, db, `SELECT place || year, total_yuan FROM mart_place_year`), map[string]int64{
		"宁波市2023": 1000000, "舟山市普陀区2023": 6220770, "中卫市沙坡头区2025": 250000, "杭州市2024": 0, "北京市房山区2020": -1,
	})
	if n := sums(t, db, `SELECT place, items_unknown_amount FROM mart_place_year`)["北京市房山区"]; n != 18 {
		t.Errorf("北京市房山区 items of unknown amount: %d", n)
	}
	expect(t, "caps", sums(t, db, `SELECT place, cap_yuan FROM mart_place_year`), map[string]int64{
		"宁波市": 0, "舟山市普陀区": 0, "中卫市沙坡头区": 0, "杭州市": 9490000, "北京市房山区": -1,
	})
	expect(t, "actuals", sums(t, db, `SELECT place, actuals_yuan FROM mart_place_year`), map[string]int64{
		"宁波市": 0, "舟山市普陀区": 60000, "中卫市沙坡头区": 0, "杭州市": 0, "北京市房山区": -1,
	})
	// What a chart draws: firm totals, or the caps of a place that has only caps, named.
	expect(t, "basis", sums(t, db, `SELECT place || ' ' || basis, basis_yuan FROM mart_place_year`), map[string]int64{
		"宁波市 firm": 1000000, "舟山市普陀区 firm": 6220770, "中卫市沙坡头区 firm": 250000, "杭州市 cap": 9490000, "北京市房山区 firm": -1,
	})
}

// Categories by hand (万元), on each place's basis:
//
//	杭州 (caps): 社会救助类 342 → social_assistance; 为老服务类 270 → elderly;
//	      其他社会公益服务类 (all 社会组织…/行业协会) 97 → social_org;
//	      助残惠童类 240 = 孤独症 20 + 精康 20 → disability 40, the rest (儿童/未成年/未保) 200 → children_youth
//	普陀: community 5+7+5+3+1 = 21; children 20+3 = 23; industry 3+3+30+20 = 56;
//	      culture 2+2+2+42.5+9.577 = 58.077; family 3+8+8 = 19; assistance 10+5+36 = 51;
//	      elderly 5+5+380 = 390; social_org 10 — less #8-#10 on actuals (2 each), see below
//	宁波: 婚姻 15+10, 社会组织 25, 未成年 15+10, 老年 10+15 → 25 each of four
//	沙坡头: 留守儿童 25 → children_youth
func TestTotalsByCategory(t *testing.T) {
	db := loaded(t)
	got := sums(t, db, `SELECT place || ' ' || category, basis_yuan FROM mart_place_year_category WHERE place <> '北京市房山区'`)
	actuals := sums(t, db, `SELECT place || ' ' || category, actuals_yuan FROM mart_place_year_category WHERE place = '舟山市普陀区'`)
	for k, v := range actuals {
		got[k] += v // the actual-cost items of 普陀, kept apart from the firm basis
	}
	expect(t, "category", got, map[string]int64{
		"杭州市 social_assistance": 3420000, "杭州市 elderly": 2700000, "杭州市 social_org": 970000,
		"杭州市 disability": 400000, "杭州市 children_youth": 2000000,
		"舟山市普陀区 community": 210000, "舟山市普陀区 children_youth": 230000, "舟山市普陀区 industry_training": 560000,
		"舟山市普陀区 culture_sports": 580770, "舟山市普陀区 marriage_family": 190000, "舟山市普陀区 social_assistance": 510000,
		"舟山市普陀区 elderly": 3900000, "舟山市普陀区 social_org": 100000,
		"宁波市 marriage_family": 250000, "宁波市 social_org": 250000, "宁波市 children_youth": 250000, "宁波市 elderly": 250000,
		"中卫市沙坡头区 children_youth": 250000,
	})
	var other, all int64
	db.QueryRow(`SELECT coalesce(sum(amount_yuan) FILTER (WHERE category = 'other'), 0), sum(amount_yuan) FROM clean_line_item`).Scan(&other, &all)
	if other*100 > all*5 {
		t.Errorf("%d of %d yuan fall in 其他: more than 5%%", other, all)
	}
	var share string
	db.QueryRow(`SELECT CAST(share_pct AS VARCHAR) FROM mart_place_year_category WHERE place = '舟山市普陀区' AND category = 'elderly'`).Scan(&share)
	if share != "62.69" { // 390 / 622.077 = 62.693…% (the actual-cost items are not in the firm basis)
		t.Errorf("普陀 elderly share %s%%, want 62.69", share)
	}
}

// Funding sources by hand (万元): 杭州 福彩金 87+165+180 and 福彩资金 140 → welfare_lottery 572;
// 社区服务业资金 97+40+50+90 = 277; 社区专项资金 100 (all caps). 普陀 and 宁波 state none; 沙坡头
// 困难群众救助金 25; 房山 社会建设专项资金 with no amounts.
func TestTotalsByFundingSource(t *testing.T) {
	db := loaded(t)
	expect(t, "funding", sums(t, db, `SELECT place || ' ' || funding_code, basis_yuan FROM mart_place_year_funding`), map[string]int64{
		"杭州市 welfare_lottery": 5720000, "杭州市 community_service": 2770000, "杭州市 community_special": 1000000,
		"舟山市普陀区 not_stated": 6220770, "宁波市 not_stated": 1000000, "中卫市沙坡头区 assistance_subsidy": 250000,
		"北京市房山区 social_construction": -1,
	})
}

func TestRegionsResolve(t *testing.T) {
	db := loaded(t)
	want := map[string]string{
		"ningbo-2023-civil-affairs#4-1":                "330203 海曙区",
		"ningbo-2023-civil-affairs#4-2":                "330226 宁海县",
		"ningbo-2023-civil-affairs#1-1":                "330200 宁波市",
		"hangzhou-2024-venture-philanthropy#2024C001C": "330122 桐庐县",
		"hangzhou-2024-venture-philanthropy#2024B001":  "330100 主城区",
		"hangzhou-2024-venture-philanthropy#2024C003B": "330100 桐庐县、淳安县、建德市",
		"hangzhou-2024-venture-philanthropy#2024A002A": "330100 杭州市",
		"zhongwei-shapotou-2025-children-care#1":       "640502 沙坡头区",
		"beijing-fangshan-2020-call#3-4":               "110111 房山区",
		"zhoushan-putuo-2023-purchase#20":              "330903 普陀区",
	}
	for id, w := range want {
		var got string
		if err := db.QueryRow(`SELECT region_code || ' ' || region_name FROM clean_line_item WHERE item_id = ?`, id).Scan(&got); err != nil || got != w {
			t.Errorf("%s: region %q (%v), want %q", id, got, err, w)
		}
	}
	var unresolved int
	db.QueryRow(`SELECT count(*) FROM clean_line_item WHERE region_code IS NULL`).Scan(&unresolved)
	if unresolved != 0 {
		t.Errorf("%d items with an unresolved region", unresolved)
	}
	ws, err := Warnings(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 1 || ws[0].Line != 583 || !strings.Contains(ws[0].Message, "桐庐区") || !strings.Contains(ws[0].File, "hangzhou") {
		t.Errorf("misprint warnings: %+v, want one for 桐庐区 at hangzhou line 583", ws)
	}
}

func TestCoverageAndYearOverYear(t *testing.T) {
	db := loaded(t)
	var cells, withData int
	db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE has_data) FROM mart_coverage`).Scan(&cells, &withData)
	if cells != 5*6 || withData != 5 { // five places × 2020..2025
		t.Errorf("coverage %d cells, %d with data", cells, withData)
	}
	// A second year for 舟山 (a copy of the 2023 catalog declared as 2024, one amount changed).
	m, _ := manifest.Load(data.FS)
	jobs, _ := ingest.BundledJobs(data.FS, m, "data")
	for _, j := range jobs {
		if j.Catalog.CatalogID == "zhoushan-putuo-2023-purchase" {
			j.Catalog.CatalogID, j.Catalog.Year = "zhoushan-putuo-2024-test", 2024
			j.Raw = bytes.Replace(j.Raw, []byte("\t380\n"), []byte("\t400\n"), 1)
			if _, err := ingest.IngestFile(context.Background(), db, "putuo-2024.txt", j.Raw, j.Catalog); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := Run(context.Background(), db, data.FS); err != nil {
		t.Fatal(err)
	}
	var prev, change int64
	var pct string
	if err := db.QueryRow(`SELECT prev_total_yuan, change_yuan, CAST(change_pct AS VARCHAR) FROM mart_place_year WHERE place = '舟山市普陀区' AND year = 2024`).Scan(&prev, &change, &pct); err != nil {
		t.Fatal(err)
	}
	if prev != 6220770 || change != 200000 || pct != "3.22" { // 20 / 622.077 = 3.215%
		t.Errorf("year over year: prev %d change %d (%s%%)", prev, change, pct)
	}
	// The category mix of a place spans its years: its categories add up to
	// both years' money, their shares to 100%, and its years are both listed.
	var years string
	var mix, both int64
	var shares float64
	if err := db.QueryRow(`SELECT any_value(years), sum(basis_yuan), CAST(sum(share_pct) AS DOUBLE),
		       (SELECT sum(basis_yuan) FROM mart_place_year WHERE place = '舟山市普陀区' AND phase = 'budgeted')
		FROM mart_category_mix WHERE place = '舟山市普陀区' AND phase = 'budgeted'`).Scan(&years, &mix, &shares, &both); err != nil {
		t.Fatal(err)
	}
	if years != "2023、2024" || mix != both || mix != 2*6220770+200000 || shares < 99.9 || shares > 100.1 {
		t.Errorf("category mix over two years: years %q, %d yuan (place-years %d), shares add to %.2f%%", years, mix, both, shares)
	}
}

func TestDataTestsPassOnBundledData(t *testing.T) {
	db := loaded(t)
	res, err := Check(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) < 8 {
		t.Errorf("%d data tests", len(res))
	}
	for _, r := range res {
		if !r.Passed() {
			t.Errorf("%s failed: %v", r.Name, r.Rows)
		}
	}
}

func TestDataTestsFailOnBrokenFixture(t *testing.T) {
	db := loaded(t)
	_, err := db.Exec(`UPDATE line_item SET funding_text = '神秘资金' WHERE item_id = 'zhongwei-shapotou-2025-children-care#1';
		UPDATE line_item SET region_text = '火星区' WHERE item_id = 'ningbo-2023-civil-affairs#2-1';
		UPDATE line_item SET amount_yuan = -5 WHERE item_id = 'zhoushan-putuo-2023-purchase#1';
		UPDATE line_item SET amount_yuan = 210000 WHERE item_id = 'hangzhou-2024-venture-philanthropy#2024C001A'`)
	if err != nil {
		t.Fatal(err)
	}
	if err := Run(context.Background(), db, data.FS); err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	failed := map[string]string{}
	for _, r := range res {
		if !r.Passed() {
			failed[r.Name] = strings.Join(r.Rows[0], " ")
		}
	}
	for name, needle := range map[string]string{
		"regions_resolved":        "火星区",
		"amounts_exact":           "-5",
		"stated_totals_reconcile": "hangzhou-2024-venture-philanthropy",
	} {
		if !strings.Contains(failed[name], needle) {
			t.Errorf("%s: offending row %q should mention %q", name, failed[name], needle)
		}
	}
	if len(failed) != 3 {
		t.Errorf("failed tests: %v", failed)
	}
	// A funding source outside the reference list is counted as other and warned about, never dropped.
	var code string
	db.QueryRow(`SELECT funding_code FROM clean_line_item WHERE item_id = 'zhongwei-shapotou-2025-children-care#1'`).Scan(&code)
	ws, _ := Warnings(context.Background(), db)
	if code != "other" || !strings.Contains(fmt.Sprint(ws), `funding source "神秘资金" is not in data/ref/funding_sources.csv`) {
		t.Errorf("unlisted funding: code %q, warnings %v", code, ws)
	}
}

// What fundscope gen writes, check accepts: synthetic catalogs for every
// prefecture-level city (their regions drawn from every county-level unit,
// including units the reference data names with their city, such as
// …市…管理区) load, transform and pass every data test.
func TestGeneratedCatalogsPassCheck(t *testing.T) {
	ctx := context.Background()
	var csv bytes.Buffer
	if _, err := synth.Generate(&csv, data.FS, synth.Options{Cities: 297, Years: 1, Items: 300, Seed: 7, LastYear: 2025}); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "gen.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, err := template.LoadVocabulary(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.IngestTemplate(ctx, db, "gen.csv", csv.Bytes(), v); err != nil {
		t.Fatal(err)
	}
	if err := Run(ctx, db, data.FS); err != nil {
		t.Fatal(err)
	}
	var managed int
	db.QueryRow(`SELECT count(DISTINCT region_text) FROM line_item WHERE region_text LIKE '%市%管理区'`).Scan(&managed)
	if managed == 0 {
		t.Fatal("the generated catalogs print no unit named with its city; the test proves nothing")
	}
	// A county name several cities of a province share (城区, 铁西区) is the
	// county of the catalog's own city, every run.
	var shared, elsewhere int
	db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE f.region_code <> r.code)
		FROM clean_line_item f
		JOIN region r ON r.name = f.region_text AND r.level = 'county' AND r.city_code = f.city_code AND r.name <> f.city
		WHERE (SELECT count(*) FROM region o WHERE o.name = r.name AND o.province_code = r.province_code AND o.level = 'county') > 1`).Scan(&shared, &elsewhere)
	if shared == 0 || elsewhere != 0 {
		t.Errorf("%d items print a county name shared in their province, %d of them resolved to another city's county", shared, elsewhere)
	}
	results, err := Check(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.Passed() {
			t.Errorf("%s fails on generated data: %d rows, first %v", r.Name, len(r.Rows), r.Rows[0])
		}
	}
}
