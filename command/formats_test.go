package command

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/store"
)

// A workspace whose manifest names catalogs published as .xlsx, .docx and a
// GBK .html page: ingest reads them from their bytes, with the same line
// items and reconciled totals as the text versions, and records the format
// and each item's location in the format's own terms.
func TestIngestDocumentFormats(t *testing.T) {
	ws := t.TempDir()
	if _, err := run(t, "init", ws); err != nil {
		t.Fatal(err)
	}
	dataDir := filepath.Join(ws, "data")
	fixtures := filepath.Join("..", "ingest", "testdata", "formats")
	use := map[string]string{
		"raw/zhoushan-putuo-2023-purchase-summary.txt":       "zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.xlsx",
		"raw/ningbo-2023-civil-affairs-purchase-catalog.txt": "ningbo-2023-civil-affairs/ningbo-2023-civil-affairs.docx",
		"raw/hangzhou-2024-venture-philanthropy-release.txt": "hangzhou-2024-venture-philanthropy/hangzhou-2024-venture-philanthropy.gbk.html",
	}
	manifest, err := os.ReadFile(filepath.Join(dataDir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := string(manifest)
	for text, fixture := range use {
		b, err := os.ReadFile(filepath.Join(fixtures, fixture))
		if err != nil {
			t.Fatal(err)
		}
		name := "raw/" + filepath.Base(fixture)
		if err := os.WriteFile(filepath.Join(dataDir, filepath.FromSlash(name)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		m = strings.Replace(m, `"`+text+`"`, `"`+name+`"`, 1)
	}
	os.WriteFile(filepath.Join(dataDir, "manifest.json"), []byte(m), 0o644)
	db := filepath.Join(ws, "f.duckdb")
	out, err := run(t, "ingest", "--db", db, "--data", dataDir, "-q")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"zhoushan-putuo-2023-purchase            26 items  2 totals reconcile", "hangzhou-2024-venture-philanthropy      43 items  106 totals reconcile", "ningbo-2023-civil-affairs                7 items"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	conn, err := store.Open(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT c.source_format, any_value(li.source_location), sum(li.amount_yuan), count(*) FILTER (WHERE li.source_location IS NULL)
		FROM catalog c JOIN line_item li USING (catalog_id) GROUP BY 1 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]string{}
	for rows.Next() {
		var format, loc string
		var yuan, missing int64
		var l *string
		rows.Scan(&format, &l, &yuan, &missing)
		if l != nil {
			loc = *l
		}
		got[format] = loc
		if format != "text" && missing > 0 {
			t.Errorf("%s: %d items without a location", format, missing)
		}
	}
	if !strings.HasPrefix(got["xlsx"], "sheet ") || !strings.HasPrefix(got["docx"], "table ") || !strings.HasPrefix(got["html"], "table ") || got["text"] != "" {
		t.Errorf("formats and locations: %v", got)
	}
	if out, err := run(t, "check", "--db", db); err != nil {
		t.Errorf("check: %v\n%s", err, out)
	}
}
