package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fundscope/internal/testdb"
	"fundscope/queries"
	"fundscope/store"
)

var update = flag.Bool("update", false, "rewrite testdata/<chart>.json from the current charts")

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// chartQuery is the named query each registered chart is drawn from in the reports.
var chartQuery = map[string]string{
	"place_year":   "totals_by_place_year",
	"category_mix": "category_mix",
	"funding":      "totals_by_funding_source",
	"regions":      "totals_by_region",
	"coverage":     "coverage",
}

// TestGoldenOptions builds every registered chart from its query on the
// bundled catalogs and compares the ECharts option with testdata/<id>.json.
// After an intended change: go test ./charts -run Golden -update.
func TestGoldenOptions(t *testing.T) {
	db, err := store.OpenSandboxed(context.Background(), testdb.Bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range IDs() {
		t.Run(id, func(t *testing.T) {
			name, ok := chartQuery[id]
			if !ok {
				t.Fatalf("chart %s has no query in chartQuery: add it", id)
			}
			q, err := queries.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			tab, err := queries.Run(context.Background(), db, q, nil)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Build(id, tab)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(map[string]any{"footnote": c.Footnote, "height": c.Height, "option": c.Option()}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", id+".json")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the chart built now (run with -update after an intended change and review the diff)", path)
			}
		})
	}
}

// A query result without a column the chart reads is refused by name.
func TestBuildRefusesMissingColumn(t *testing.T) {
	tab := &queries.Table{Columns: []string{"place", "year", "phase", "cap_yuan", "items_unknown_amount", "total"}, Rows: [][]any{{"杭州市", int32(2024), "budgeted", int64(0), int64(0), int64(1)}}}
	_, err := Build("place_year", tab)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(`"total_yuan"`)) {
		t.Fatalf("want an error naming total_yuan, got %v", err)
	}
	if _, err := Build("no_such_chart", tab); err == nil {
		t.Fatal("an unknown chart id was accepted")
	}
}
