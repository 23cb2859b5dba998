package ingest

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/data"
	"fundscope/store"

	"fundscope/ingest/manifest"
	"fundscope/model"
)

func openTestDB(t testing.TB) *sql.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func bundledJobs(t testing.TB) []Job {
	t.Helper()
	m, err := manifest.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := BundledJobs(data.FS, m, "data")
	if err != nil {
		t.Fatal(err)
	}
	return jobs
}

func job(t testing.TB, catalogID string) Job {
	for _, j := range bundledJobs(t) {
		if j.Catalog.CatalogID == catalogID {
			return j
		}
	}
	t.Fatalf("no bundled catalog %s", catalogID)
	return Job{}
}

func loadAll(t testing.TB, db *sql.DB) {
	t.Helper()
	if _, errs := Run(context.Background(), db, bundledJobs(t), nil); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func queryInt(t testing.TB, db *sql.DB, q string, args ...any) int64 {
	t.Helper()
	var n sql.NullInt64
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if !n.Valid {
		return -1
	}
	return n.Int64
}

// Hand counts and sums from the seed documents (see the comments per catalog).
func TestSeedCatalogs(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	cases := []struct {
		id    string
		items int64
		total int64 // yuan; -1 for NULL
		null  int64
	}{
		// 宁波: items 1 (15+10), 2 (25), 3 (15+10), 4 (10+15) → 7 rows, 100万元.
		{"ningbo-2023-civil-affairs", 7, 1000000, 0},
		// 普陀: 26 rows; 5+20+7+5+3+3+3+2+2+2+3+3+42.5+9.577+1+10+5+5+5+380+10+8+8+36+30+20 = 628.077万元.
		{"zhoushan-putuo-2023-purchase", 26, 6280770, 0},
		// 沙坡头: one project, "(五)项目资金:25万元".
		{"zhongwei-shapotou-2025-children-care", 1, 250000, 0},
		// 杭州: 合计 97 + 342 + 270 + 240 = 949万元 over 5 + 17 + 11 + 10 = 43 sub-projects.
		{"hangzhou-2024-venture-philanthropy", 43, 9490000, 0},
		// 房山: 1-1..1-5, 2-1..2-4, 2-6, 3-1..3-4, 4-1, 4-2, 5-1, 5-2 = 18 rows, no amounts at all.
		{"beijing-fangshan-2020-call", 18, -1, 18},
	}
	for _, c := range cases {
		if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE catalog_id = ?`, c.id); n != c.items {
			t.Errorf("%s: %d items, want %d", c.id, n, c.items)
		}
		if s := queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item WHERE catalog_id = ?`, c.id); s != c.total {
			t.Errorf("%s: total %d yuan, want %d", c.id, s, c.total)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE catalog_id = ? AND amount_yuan IS NULL`, c.id); n != c.null {
			t.Errorf("%s: %d items without amount, want %d", c.id, n, c.null)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE amount_yuan = 0`); n != 0 {
		t.Errorf("%d items have amount 0; a missing amount must be NULL", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE line_start < 1 OR line_end < line_start`); n != 0 {
		t.Errorf("%d items without a valid source line range", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reconciliation WHERE stated_value <> computed_value`); n != 0 {
		t.Errorf("%d stated totals do not reconcile", n)
	}
	// Putuo's 共10个单位、26个项目 (2) and Hangzhou's four 合计 rows: 5个大项目 + 97 (2);
	// 3个大项目, 17个子项目, 342, 福彩金252, 社区服务业资金90 (5); 7/11/270 (3); 4/10/240 (3).
	if n := queryInt(t, db, `SELECT count(*) FROM reconciliation WHERE kind = 'document_total'`); n != 2+2+5+3+3 {
		t.Errorf("%d document totals, want 15", n)
	}
}

func TestSpotAmounts(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	cases := []struct {
		id   string
		yuan int64
		kind string
		tax  string
	}{
		{"zhoushan-putuo-2023-purchase#14", 95770, model.KindFixed, ""},
		{"zhoushan-putuo-2023-purchase#8", 20000, model.KindActuals, ""},
		{"zhoushan-putuo-2023-purchase#13", 425000, model.KindFixed, ""},
		{"zhoushan-putuo-2023-purchase#20", 3800000, model.KindFixed, ""},
		{"ningbo-2023-civil-affairs#1-1", 150000, model.KindFixed, "true"},
		{"ningbo-2023-civil-affairs#1-2", 100000, model.KindFixed, "true"},
		{"ningbo-2023-civil-affairs#4-2", 150000, model.KindFixed, "true"},
		{"hangzhou-2024-venture-philanthropy#2024C001C", 270000, model.KindCap, ""},
		{"hangzhou-2024-venture-philanthropy#2024A002B", 200000, model.KindCap, ""},
		{"zhongwei-shapotou-2025-children-care#1", 250000, model.KindFixed, ""},
	}
	for _, c := range cases {
		var y int64
		var kind string
		var tax sql.NullBool
		err := db.QueryRow(`SELECT amount_yuan, amount_kind, tax_included FROM line_item WHERE item_id = ?`, c.id).Scan(&y, &kind, &tax)
		if err != nil {
			t.Errorf("%s: %v", c.id, err)
			continue
		}
		gotTax := ""
		if tax.Valid {
			gotTax = map[bool]string{true: "true", false: "false"}[tax.Bool]
		}
		if y != c.yuan || kind != c.kind || gotTax != c.tax {
			t.Errorf("%s: %d %s tax=%q, want %d %s tax=%q", c.id, y, kind, gotTax, c.yuan, c.kind, c.tax)
		}
	}
	var text string
	db.QueryRow(`SELECT amount_text FROM line_item WHERE item_id = 'zhoushan-putuo-2023-purchase#8'`).Scan(&text)
	if text != "2 万元（按实 结算）" {
		t.Errorf("amount_text as printed: %q", text)
	}
	var region, purchaser string
	db.QueryRow(`SELECT region_text, purchaser FROM line_item WHERE item_id = 'ningbo-2023-civil-affairs#4-2'`).Scan(&region, &purchaser)
	if region != "宁海县黄坛镇双峰片、桑洲镇" || !strings.HasPrefix(purchaser, "养老服务处") {
		t.Errorf("ningbo 4-2 region %q purchaser %q (sub-row carries the office down)", region, purchaser)
	}
	db.QueryRow(`SELECT purchaser FROM line_item WHERE item_id = 'zhoushan-putuo-2023-purchase#5'`).Scan(&purchaser)
	if purchaser != "团区委" {
		t.Errorf("putuo #5 purchaser %q, want 团区委 carried down", purchaser)
	}
}

// Funding sources of the Hangzhou items, read by hand from the four summary
// tables: pools are split by running sums (福彩金87 = 20+10+27+15+15, …).
func TestHangzhouFundingSources(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	want := map[string]string{}
	set := func(src string, codes ...string) {
		for _, c := range codes {
			want["hangzhou-2024-venture-philanthropy#2024"+c] = src
		}
	}
	set("社区服务业资金", "D001", "D002", "D003", "D004", "D005")
	set("福彩金", "C001A", "C001B", "C001C", "C001D", "C001E")
	set("社区服务业资金", "C002A", "C002B", "C002C")
	set("福彩金", "C002E", "C002F", "C002G", "C002H", "C002I", "C002J", "C002K")
	set("社区服务业资金", "C003A", "C003B")
	set("社区服务业资金", "B001", "B002", "B003", "B004A", "B004B")
	set("福彩金", "B004C", "B004D", "B004E", "B005", "B006", "B007")
	set("社区专项资金", "A001", "A002A", "A002B", "A003")
	set("福彩资金", "A004", "A005", "A006", "A007", "A008", "A009")
	rows, err := db.Query(`SELECT item_id, funding_text FROM line_item WHERE catalog_id = 'hangzhou-2024-venture-philanthropy'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := 0
	for rows.Next() {
		var id, src string
		rows.Scan(&id, &src)
		got++
		if want[id] != src {
			t.Errorf("%s: funding %q, want %q", id, src, want[id])
		}
	}
	if got != len(want) {
		t.Errorf("%d Hangzhou items, want %d", got, len(want))
	}
	// The form without a 项目编号 heading takes its code from the table of contents,
	// and summary and form names are both kept.
	var name, alt string
	db.QueryRow(`SELECT name, alt_name FROM line_item WHERE item_id = 'hangzhou-2024-venture-philanthropy#2024A002B'`).Scan(&name, &alt)
	if name != "特殊儿童家庭监护动力辅导（二）" {
		t.Errorf("A002B name %q", name)
	}
	db.QueryRow(`SELECT name, alt_name FROM line_item WHERE item_id = 'hangzhou-2024-venture-philanthropy#2024D001'`).Scan(&name, &alt)
	if name != "社会组织提质增能项目" || !strings.Contains(alt, "社会组织提质增能孵化项目") {
		t.Errorf("D001 name %q alt %q", name, alt)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM reconciliation WHERE catalog_id = 'hangzhou-2024-venture-philanthropy' AND kind = 'pool'`); n != 8 {
		t.Errorf("%d funding pools, want 8 (87, 40, 165, 50, 90, 180, 100, 140)", n)
	}
}
