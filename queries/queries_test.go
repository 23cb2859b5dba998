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

func TestEveryQueryRuns(t *testing.T) {
	ctx := context.Background()
	path := testdb.Bundled(t)
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
		for _, f := range []string{"table", "csv", "json"} {
			var b bytes.Buffer
			if err := tab.Write(&b, f); err != nil {
				t.Errorf("%s %s: %v", q.Name, f, err)
			}
		}
	}
	// Filters, and 万元 for people vs yuan for machines.
	q, _ := Get("totals_by_city_year")
	tab, err := Run(ctx, ro, q, map[string]any{"city": "舟山市", "year": 2023})
	if err != nil || len(tab.Rows) != 1 {
		t.Fatalf("filtered: %v %v", err, tab)
	}
	var text, js bytes.Buffer
	tab.Write(&text, "table")
	tab.Write(&js, "json")
	if !strings.Contains(text.String(), "628.077") || !strings.Contains(text.String(), "total (万元)") {
		t.Errorf("table output should show 628.077 万元:\n%s", text.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(js.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0]["total_yuan"] != float64(6280770) {
		t.Errorf("json total_yuan = %v, want 6280770", rows[0]["total_yuan"])
	}
	cat, _ := Get("totals_by_category")
	tab, _ = Run(ctx, ro, cat, map[string]any{"category": "养老服务", "city": "舟山市"})
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
