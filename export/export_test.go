package export

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"fundscope/internal/testdb"
	"fundscope/queries"
	"fundscope/store"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

type dbTotals struct {
	items, yuan, catalogs, totals int64
}

func totalsOf(t *testing.T, db *sql.DB, where string) dbTotals {
	var d dbTotals
	db.QueryRow(`SELECT count(*), sum(amount_yuan) FROM clean_line_item `+where).Scan(&d.items, &d.yuan)
	db.QueryRow(`SELECT count(*) FROM catalog ` + where).Scan(&d.catalogs)
	db.QueryRow(`SELECT count(*) FROM reconciliation r JOIN catalog USING (catalog_id) ` + where).Scan(&d.totals)
	return d
}

// readBack counts rows and sums amount_yuan of an exported file or folder with
// a fresh in-memory DuckDB, as a researcher's tool would.
func readBack(t *testing.T, reader string) (rows, yuan int64) {
	t.Helper()
	mem, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	var y sql.NullInt64
	if err := mem.QueryRow(`SELECT count(*), CAST(sum(amount_yuan) AS BIGINT) FROM `+reader).Scan(&rows, &y); err != nil {
		t.Fatalf("%s: %v", reader, err)
	}
	return rows, y.Int64
}

func countRows(t *testing.T, reader string) int64 {
	mem, _ := sql.Open("duckdb", "")
	defer mem.Close()
	var n int64
	if err := mem.QueryRow(`SELECT count(*) FROM ` + reader).Scan(&n); err != nil {
		t.Fatalf("%s: %v", reader, err)
	}
	return n
}

// openExportDB opens read-only with file access, as `fundscope export` does.
func openExportDB(t *testing.T) *sql.DB {
	db, err := store.Open(context.Background(), testdb.Bundled(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exportTo(t *testing.T, db *sql.DB, format string, f queries.Filter) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := Export(context.Background(), db, Options{Format: format, Dir: dir, Filter: f, Now: time.Now(), ExcelBOM: format == "csv"}); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return dir
}

func TestExportRoundTrips(t *testing.T) {
	db := openExportDB(t)
	want := totalsOf(t, db, "")
	q := func(s string) string { return "'" + s + "'" }

	dir := exportTo(t, db, "csv", queries.Filter{})
	raw, _ := os.ReadFile(filepath.Join(dir, "line_items.csv"))
	if !bytes.HasPrefix(raw, []byte("\ufeff")) {
		t.Error("--excel-bom: no BOM")
	}
	if n, y := readBack(t, "read_csv("+q(filepath.Join(dir, "line_items.csv"))+", header = true)"); n != want.items || y != want.yuan {
		t.Errorf("csv: %d rows %d yuan, want %d %d", n, y, want.items, want.yuan)
	}
	if n := countRows(t, "read_csv("+q(filepath.Join(dir, "catalogs.csv"))+", header = true)"); n != want.catalogs {
		t.Errorf("csv catalogs: %d", n)
	}
	if n := countRows(t, "read_csv("+q(filepath.Join(dir, "stated_totals.csv"))+", header = true)"); n != want.totals {
		t.Errorf("csv stated totals: %d, want %d", n, want.totals)
	}

	dir = exportTo(t, db, "parquet", queries.Filter{})
	glob := filepath.Join(dir, "line_items", "**", "*.parquet")
	if n, y := readBack(t, "read_parquet("+q(glob)+", hive_partitioning = true)"); n != want.items || y != want.yuan {
		t.Errorf("parquet: %d rows %d yuan, want %d %d", n, y, want.items, want.yuan)
	}
	if _, err := os.Stat(filepath.Join(dir, "line_items", "province_code=330000", "city_code=330100", "year=2024")); err != nil {
		t.Errorf("hive partition for 杭州 2024 missing: %v", err)
	}
	filepath.Walk(filepath.Join(dir, "line_items"), func(p string, _ os.FileInfo, _ error) error {
		if !regexp.MustCompile(`^[\x20-\x7e]*$`).MatchString(p) {
			t.Errorf("partition path is not ASCII: %s", p)
		}
		return nil
	})
	mem, _ := sql.Open("duckdb", "")
	var table string
	mem.QueryRow(`SELECT decode(value) FROM parquet_kv_metadata(` + q(filepath.Join(dir, "catalogs.parquet")) + `) WHERE decode(key) = 'fundscope.table'`).Scan(&table)
	mem.Close()
	if table != "catalogs" {
		t.Errorf("parquet footer provenance: %q", table)
	}

	dir = exportTo(t, db, "jsonl", queries.Filter{})
	if n, y := readBack(t, "read_json("+q(filepath.Join(dir, "line_items.jsonl"))+")"); n != want.items || y != want.yuan {
		t.Errorf("jsonl: %d rows %d yuan", n, y)
	}

	dir = exportTo(t, db, "arrow", queries.Filter{})
	n, y := readArrow(t, filepath.Join(dir, "line_items.arrow"))
	if n != want.items || y != want.yuan {
		t.Errorf("arrow: %d rows %d yuan, want %d %d", n, y, want.items, want.yuan)
	}
}

func readArrow(t *testing.T, path string) (rows, yuan int64) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.NewGoAllocator()))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	idx := r.Schema().FieldIndices("amount_yuan")
	if len(idx) != 1 {
		t.Fatalf("arrow schema has no amount_yuan: %v", r.Schema())
	}
	for i := 0; i < r.NumRecords(); i++ {
		rec, err := r.RecordBatch(i)
		if err != nil {
			t.Fatal(err)
		}
		rows += rec.NumRows()
		col := rec.Column(idx[0]).(*array.Int64)
		for k := 0; k < col.Len(); k++ {
			if col.IsValid(k) {
				yuan += col.Value(k)
			}
		}
	}
	return
}

func TestExportFilter(t *testing.T) {
	db := openExportDB(t)
	dir := exportTo(t, db, "csv", queries.Filter{Place: "杭州市", Year: 2024})
	if n, y := readBack(t, "read_csv('"+filepath.Join(dir, "line_items.csv")+"', header = true)"); n != 43 || y != 9490000 {
		t.Errorf("杭州 2024: %d rows %d yuan", n, y)
	}
}

// datapackage.json declares every field with a type; the CSV must have each
// declared field, in order, with values of the declared type.
func TestDataPackageValidates(t *testing.T) {
	db := openExportDB(t)
	dir := exportTo(t, db, "csv", queries.Filter{})
	var pkg struct {
		Profile   string `json:"profile"`
		Resources []struct {
			Name   string   `json:"name"`
			Path   []string `json:"path"`
			Schema struct {
				Fields []struct {
					Name, Type string
				} `json:"fields"`
				PrimaryKey []string `json:"primaryKey"`
			} `json:"schema"`
		} `json:"resources"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Profile != "tabular-data-package" || len(pkg.Resources) != 3 {
		t.Fatalf("package: %s, %d resources", pkg.Profile, len(pkg.Resources))
	}
	checks := map[string]*regexp.Regexp{
		"integer":  regexp.MustCompile(`^-?\d+$`),
		"number":   regexp.MustCompile(`^-?\d+(\.\d+)?$`),
		"boolean":  regexp.MustCompile(`^(true|false)$`),
		"date":     regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`),
		"datetime": regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`),
	}
	for _, r := range pkg.Resources {
		f, err := os.Open(filepath.Join(dir, r.Path[0]))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		header := recs[0]
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
		if len(header) != len(r.Schema.Fields) {
			t.Errorf("%s: %d columns, %d declared fields", r.Name, len(header), len(r.Schema.Fields))
			continue
		}
		for i, fd := range r.Schema.Fields {
			if header[i] != fd.Name {
				t.Errorf("%s: column %d is %s, declared %s", r.Name, i, header[i], fd.Name)
			}
			re, typed := checks[fd.Type]
			if !typed && fd.Type != "string" {
				t.Errorf("%s.%s: type %q is not a Table Schema type", r.Name, fd.Name, fd.Type)
			}
			for _, rec := range recs[1:] {
				if typed && rec[i] != "" && !re.MatchString(rec[i]) {
					t.Errorf("%s.%s: %q is not %s", r.Name, fd.Name, rec[i], fd.Type)
					break
				}
			}
		}
		if len(r.Schema.PrimaryKey) == 0 {
			t.Errorf("%s declares no primary key", r.Name)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "DICTIONARY.md"))
	for _, want := range []string{"## line_items", "`amount_wan`", "## stated_totals", "万元"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("DICTIONARY.md lacks %q", want)
		}
	}
}

// CSV meant for Excel (--excel-bom) never carries a formula: text starting
// with = + - @ is prefixed with an apostrophe. Plain CSV keeps text exactly.
func TestExcelCSVIsFormulaSafe(t *testing.T) {
	db, err := store.Open(context.Background(), testdb.BundledHostile(t), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, bom := range []bool{true, false} {
		dir := t.TempDir()
		if _, err := Export(context.Background(), db, Options{Format: "csv", Dir: dir, ExcelBOM: bom, Now: time.Now()}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "line_items.csv"))
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, r := range recs[1:] {
			for _, v := range r {
				names[v] = true
			}
		}
		for _, h := range testdb.Hostile {
			risky := strings.ContainsAny(h[:1], "=+-@")
			switch {
			case bom && risky && (names[h] || !names["'"+h]):
				t.Errorf("excel CSV: %q should be written as %q", h, "'"+h)
			case !bom && !names[h]:
				t.Errorf("plain CSV: %q should be exported exactly", h)
			}
		}
	}
}

// A re-export replaces the files of the previous one (as its datapackage.json
// lists them) and nothing else: a file the user put in line_items/ stays, and
// no partition of an earlier, wider export lingers.
func TestReExportReplacesOnlyItsOwnFiles(t *testing.T) {
	db, err := store.Open(context.Background(), testdb.Bundled(t), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir := t.TempDir()
	run := func(f queries.Filter) {
		if _, err := Export(context.Background(), db, Options{Format: "parquet", Dir: dir, Filter: f, Now: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	run(queries.Filter{})
	mine := filepath.Join(dir, "line_items", "README-mine.txt")
	os.WriteFile(mine, []byte("mine"), 0o644)
	run(queries.Filter{Place: "杭州市"})
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Error("the user's file in line_items/ was removed")
	}
	var parts []string
	filepath.Walk(filepath.Join(dir, "line_items"), func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".parquet") {
			parts = append(parts, p)
		}
		return nil
	})
	for _, p := range parts {
		if !strings.Contains(p, "city_code=330100") {
			t.Errorf("a partition of the earlier export lingers: %s", p)
		}
	}
	if len(parts) == 0 {
		t.Error("no partition written")
	}
}
