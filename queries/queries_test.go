package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"fundscope/internal/testdb"
	"fundscope/store"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// Every named query runs and gives rows on the bundled catalogs plus the
// levels fixture (organizations, a province, phases), and takes the one
// place filter.
func TestEveryQueryRuns(t *testing.T) {
	ctx := context.Background()
	path := testdb.BundledLevels(t)
	ro, err := store.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 9 {
		t.Errorf("%d named queries", len(all))
	}
	for _, q := range all {
		tab, err := Run(ctx, ro, q, nil)
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		if len(tab.Rows) == 0 {
			t.Errorf("%s: no rows on the bundled data", q.Name)
		}
		if !contains(q.Params, "place") {
			t.Errorf("%s does not take the place filter (params %v)", q.Name, q.Params)
		}
		for _, f := range []string{"table", "csv", "json"} {
			var b bytes.Buffer
			if err := tab.Write(&b, f); err != nil {
				t.Errorf("%s %s: %v", q.Name, f, err)
			}
		}
	}
	// Filters, and 万元 for people vs yuan for machines.
	q, _ := Get("totals_by_place_year")
	tab, err := Run(ctx, ro, q, map[string]any{"place": "舟山市", "year": 2023})
	if err != nil || len(tab.Rows) != 1 {
		t.Fatalf("filtered: %v %v", err, tab)
	}
	var text, js bytes.Buffer
	tab.Write(&text, "table")
	tab.Write(&js, "json")
	if !strings.Contains(text.String(), "622.077") || !strings.Contains(text.String(), "total (万元)") || !strings.Contains(text.String(), "舟山市普陀区") {
		t.Errorf("table output should show 舟山市普陀区 at 622.077 万元 (firm amounts):\n%s", text.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0]["total_yuan"] != float64(6220770) || rows[0]["actuals_yuan"] != float64(60000) {
		t.Errorf("json total_yuan = %v, actuals %v; want 6220770 and 60000", rows[0]["total_yuan"], rows[0]["actuals_yuan"])
	}
	cat, _ := Get("totals_by_category")
	tab, _ = Run(ctx, ro, cat, map[string]any{"category": "养老服务", "place": "舟山市"})
	if len(tab.Rows) != 1 {
		t.Errorf("category filter by Chinese label: %d rows", len(tab.Rows))
	}
	if _, err := Run(ctx, ro, cat, map[string]any{"region": "x"}); err == nil {
		t.Error("an unknown parameter was accepted")
	}
	if _, err := Get("nope"); err == nil || !strings.Contains(err.Error(), "query list") {
		t.Errorf("unknown query: %v", err)
	}
}
