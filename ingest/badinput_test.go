package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"fundscope/ingest/manifest"
	"fundscope/model"
)

// snapshot renders the whole dataset so tests can assert it did not change.
func snapshot(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT * FROM catalog ORDER BY catalog_id`,
		`SELECT * FROM line_item ORDER BY item_id`,
		`SELECT * FROM stated_total ORDER BY catalog_id, total_no`,
		`SELECT * FROM ingest_warning ORDER BY ALL`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	return b.String()
}

func ingestJob(db *sql.DB, j Job) (*Result, error) {
	return IngestFile(context.Background(), db, j.File, j.Raw, j.Catalog)
}

func TestGB18030Copy(t *testing.T) {
	db := openTestDB(t)
	j := job(t, "zhoushan-putuo-2023-purchase")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(j.Raw)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(gbk, j.Raw) {
		t.Fatal("encoding did not change the bytes")
	}
	j.Raw = gbk
	res, err := ingestJob(db, j)
	if err != nil {
		t.Fatal(err)
	}
	if res.Items != 26 || len(res.Mismatches()) != 0 {
		t.Errorf("GBK copy: %d items, %d mismatches", res.Items, len(res.Mismatches()))
	}
	if s := queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item`); s != 6280770 {
		t.Errorf("GBK copy sums to %d", s)
	}
	var enc string
	db.QueryRow(`SELECT encoding FROM catalog`).Scan(&enc)
	if enc != "gb18030" {
		t.Errorf("encoding recorded as %q", enc)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	db := openTestDB(t)
	j := job(t, "ningbo-2023-civil-affairs")
	j.Raw = append([]byte{0xEF, 0xBB, 0xBF}, bytes.ReplaceAll(j.Raw, []byte("\n"), []byte("\r\n"))...)
	res, err := ingestJob(db, j)
	if err != nil {
		t.Fatal(err)
	}
	if res.Items != 7 || queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item`) != 1000000 {
		t.Errorf("BOM+CRLF copy: %d items", res.Items)
	}
	// Line numbers are those of the original file.
	if n := queryInt(t, db, `SELECT line_start FROM line_item WHERE item_id = 'ningbo-2023-civil-affairs#1-1'`); n != 17 {
		t.Errorf("line_start %d, want 17", n)
	}
}

func TestBadInputLeavesDatabaseUnchanged(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	before := snapshot(t, db)

	hz := job(t, "hangzhou-2024-venture-philanthropy")
	lines := strings.Split(string(hz.Raw), "\n")
	truncated := hz
	truncated.Raw = []byte(strings.Join(lines[:len(lines)*6/10], "\n"))

	wrongLayout := job(t, "zhoushan-putuo-2023-purchase")
	wrongLayout.Catalog.Layout = "cell-table"

	badPool := hz
	badPool.Raw = bytes.Replace(hz.Raw, []byte("福彩金\n87万元"), []byte("福彩金\n86万元"), 1)

	badAmount := job(t, "zhoushan-putuo-2023-purchase")
	badAmount.Raw = bytes.Replace(badAmount.Raw, []byte("\t42.5\n"), []byte("\t-5万元\n"), 1)

	badRow := job(t, "zhoushan-putuo-2023-purchase")
	badRow.Raw = bytes.Replace(badRow.Raw, []byte("\t浙江绿茶博览会\t"), []byte("\t"), 1)

	empty := job(t, "ningbo-2023-civil-affairs")
	empty.Raw = nil
	binary := job(t, "ningbo-2023-civil-affairs")
	binary.Raw = []byte{0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01}

	cases := []struct {
		name string
		j    Job
		want string // in the error
	}{
		{"truncated", truncated, "release forms follow it"},
		{"wrong layout", wrongLayout, "no table found"},
		{"pool that no partition fits", badPool, "no funding-source partition fits"},
		{"negative amount", badAmount, "negative"},
		{"row with a missing cell", badRow, "line 35"},
		{"empty file", empty, "empty"},
		{"binary file (a cut-off zip)", binary, "damaged or cut short"},
	}
	for _, c := range cases {
		_, err := ingestJob(db, c.j)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		msg := err.Error()
		if strings.Contains(c.want, "line ") {
			c.want = c.j.File + ":" + strings.TrimPrefix(c.want, "line ")
		}
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, c.j.File) {
			t.Errorf("%s: error %q should name the file and say %q", c.name, msg, c.want)
		}
		var pe *model.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %T is not a model.ParseError", c.name, err)
		}
	}
	if after := snapshot(t, db); after != before {
		t.Error("a failed document changed the database")
	}
	if n := queryInt(t, db, `SELECT count(*) FROM ingest_log WHERE action = 'failed'`); n != int64(len(cases)) {
		t.Errorf("%d failures logged, want %d", n, len(cases))
	}
}

func TestReingestIsIdempotent(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	before := snapshot(t, db)
	results, errs := Run(context.Background(), db, bundledJobs(t), nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, r := range results {
		if r.Action != "unchanged" {
			t.Errorf("%s: second ingest %s", r.CatalogID, r.Action)
		}
	}
	if snapshot(t, db) != before {
		t.Error("re-ingesting the same files changed the database")
	}

	// A changed file replaces its catalog's rows; totals never double.
	j := job(t, "zhoushan-putuo-2023-purchase")
	j.Raw = bytes.Replace(j.Raw, []byte("\t380\n"), []byte("\t381\n"), 1)
	res, err := ingestJob(db, j)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != "replaced" || res.Items != 26 {
		t.Errorf("changed file: %s, %d items", res.Action, res.Items)
	}
	if s := queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item WHERE catalog_id = ?`, j.Catalog.CatalogID); s != 6280770+10000 {
		t.Errorf("after replace the catalog sums to %d", s)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM catalog`); n != 5 {
		t.Errorf("%d catalogs after replace", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM stated_total WHERE catalog_id = ?`, j.Catalog.CatalogID); n != 2 {
		t.Errorf("%d stated totals for Putuo after replace, want 2", n)
	}
}

func TestFailingDocumentInTheMiddle(t *testing.T) {
	db := openTestDB(t)
	bad := job(t, "zhoushan-putuo-2023-purchase")
	bad.Raw = bytes.Replace(bad.Raw, []byte("序号\t购买主体"), []byte("编号\t购买主体"), 1)
	jobs := []Job{job(t, "ningbo-2023-civil-affairs"), bad, job(t, "zhongwei-shapotou-2025-children-care")}
	results, errs := Run(context.Background(), db, jobs, nil)
	if len(errs) != 1 || len(results) != 2 {
		t.Fatalf("%d results, errors %v", len(results), errs)
	}
	for id, want := range map[string]int64{"ningbo-2023-civil-affairs": 7, "zhoushan-putuo-2023-purchase": 0, "zhongwei-shapotou-2025-children-care": 1} {
		if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE catalog_id = ?`, id); n != want {
			t.Errorf("%s: %d items, want %d", id, n, want)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM catalog WHERE catalog_id = 'zhoushan-putuo-2023-purchase'`); n != 0 {
		t.Error("the failing catalog was recorded")
	}
}

// A failure after the rows are written, inside the transaction, rolls them all back.
func TestFailureInsideTransactionRollsBack(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	before := snapshot(t, db)
	j := job(t, "hangzhou-2024-venture-philanthropy")
	j.Raw = append(append([]byte{}, j.Raw...), '\n')
	beforeCommit = func(string) error { return errors.New("disk full (simulated)") }
	defer func() { beforeCommit = nil }()
	if _, err := ingestJob(db, j); err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("got %v", err)
	}
	if snapshot(t, db) != before {
		t.Error("a failed transaction left rows behind")
	}
}

// A manifest path outside the data folder is refused by name, and a file that
// is a symbolic link leading outside the folder is not read.
func TestManifestPathsStayInsideTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("序号\t项目名称\t金额（万元）\n1\t外部\t5\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "raw"), 0o755)
	entry := func(file string) string {
		return `{"catalogs": [{"catalog_id": "x-2024", "title": "t", "publisher": "p", "province": "浙江省", "city": "温州市",
			"district": null, "admin_code": "330300", "level": "city", "year": 2024, "published": null, "layout": "tsv-table", "file": "` + file + `"}]}`
	}
	for _, bad := range []string{"../secret.txt", "/etc/passwd", "raw/../../x.txt"} {
		os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(entry(bad)), 0o644)
		if _, err := manifest.Load(os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), "inside the data folder") {
			t.Errorf("manifest path %q: %v", bad, err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "raw", "link.txt")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(entry("raw/link.txt")), 0o644)
	m, err := manifest.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = BundledJobs(os.DirFS(dir), m, dir)
	if err == nil || !strings.Contains(err.Error(), "outside the data folder") || !strings.Contains(err.Error(), filepath.Join(dir, "raw", "link.txt")) {
		t.Errorf("a symlink leading outside: %v", err)
	}
	// A link that stays inside the folder is fine, and the recorded path names the folder given.
	os.Remove(filepath.Join(dir, "raw", "link.txt"))
	os.WriteFile(filepath.Join(dir, "raw", "real.txt"), []byte("x"), 0o644)
	os.Symlink("real.txt", filepath.Join(dir, "raw", "link.txt"))
	jobs, err := BundledJobs(os.DirFS(dir), m, dir)
	if err != nil || jobs[0].File != filepath.Join(dir, "raw", "link.txt") {
		t.Errorf("a link inside the folder: %v %v", jobs, err)
	}
}
