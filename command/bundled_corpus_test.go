package command

import (
	"encoding/csv"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The real documents bundled under data/corpus load with no manifest entry
// (facts inferred, a sidecar only where the document does not say them),
// every total they state reconciles, and their line items are exactly the
// development corpus's gold rows: the same number, the same amounts, the
// same year and level.
func TestBundledCorpusReadsExactly(t *testing.T) {
	dir := filepath.Join("..", "data", "corpus")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			docs = append(docs, e.Name())
		}
	}
	if len(docs) < 4 {
		t.Fatalf("data/corpus holds %d documents", len(docs))
	}
	db := filepath.Join(t.TempDir(), "c.duckdb")
	out, err := run(t, "ingest", "--db", db, dir)
	if err != nil {
		t.Fatalf("ingest data/corpus: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "key", "gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	type want struct {
		amounts     []string
		year, level string
	}
	gold := map[string]*want{}
	for _, r := range rows[1:] {
		w := gold[r[col["file"]]]
		if w == nil {
			w = &want{year: r[col["year"]], level: r[col["level"]]}
			gold[r[col["file"]]] = w
		}
		w.amounts = append(w.amounts, yuanOf(t, r[col["amount_wan"]]))
	}
	for _, doc := range docs {
		w := gold[doc]
		if w == nil {
			t.Errorf("%s is not in the gold key", doc)
			continue
		}
		id := strings.ReplaceAll(strings.TrimSuffix(doc, ".txt"), "_", "-")
		got, err := run(t, "sql", "--db", db, "--format", "csv", "SELECT coalesce(CAST(amount_yuan AS VARCHAR), 'NULL') AS a FROM line_item WHERE catalog_id = '"+id+"'")
		if err != nil {
			t.Fatal(err)
		}
		have := strings.Fields(got)[1:]
		sort.Strings(have)
		sort.Strings(w.amounts)
		if strings.Join(have, " ") != strings.Join(w.amounts, " ") {
			t.Errorf("%s: items %v, gold %v (yuan)", doc, have, w.amounts)
		}
		facts, _ := run(t, "sql", "--db", db, "--format", "csv", "SELECT year || ' ' || level AS f FROM catalog WHERE catalog_id = '"+id+"'")
		level := strings.Fields(w.level)[0] // "province (municipality)"
		if !strings.Contains(facts, w.year+" "+level) && !(level == "street" && strings.Contains(facts, w.year+" street")) {
			t.Errorf("%s: catalog %q, gold year %s level %s", doc, strings.TrimSpace(facts), w.year, w.level)
		}
	}
}

// yuanOf turns a gold amount in 万元 ("6.1268", "10673.35") into exact yuan.
func yuanOf(t *testing.T, wan string) string {
	t.Helper()
	if wan == "" {
		return "NULL"
	}
	r, ok := new(big.Rat).SetString(wan)
	if !ok {
		t.Fatalf("gold amount %q", wan)
	}
	r.Mul(r, big.NewRat(10000, 1))
	if !r.IsInt() {
		t.Fatalf("gold amount %q is not whole yuan", wan)
	}
	return r.Num().String()
}
