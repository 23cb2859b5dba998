package queries

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fundscope/internal/testdb"
	"fundscope/store"
)

// headlineFromItems is the headline added up from the items themselves, as
// the query did before it read mart_headline: the reference the marts must
// give at every filter.
const headlineFromItems = `
SELECT phase,
       CASE WHEN count(amount_yuan) > 0
            THEN CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_basis = 'firm' AND NOT counted_elsewhere), 0) AS BIGINT) END AS total_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_basis = 'firm' AND counted_elsewhere), 0) AS BIGINT) AS overlap_yuan,
       count(*) AS items, count(DISTINCT catalog_id) AS catalogs, count(DISTINCT place_code || place_level) AS places,
       count(DISTINCT place_code) FILTER (WHERE place_level = 'province' OR place_level = 'national') AS provinces,
       count(DISTINCT place_code) FILTER (WHERE place_level = 'city') AS cities,
       count(DISTINCT place_code) FILTER (WHERE compare_level = 'district') AS districts,
       count(DISTINCT year) AS years, min(year) AS first_year, max(year) AS last_year,
       count(*) FILTER (WHERE amount_yuan IS NULL) AS items_unknown_amount,
       pct(count(*) FILTER (WHERE amount_yuan IS NULL), count(*)) AS unknown_share_pct,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'cap'), 0) AS BIGINT) AS cap_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'actuals'), 0) AS BIGINT) AS actuals_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'derived'), 0) AS BIGINT) AS derived_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'approx'), 0) AS BIGINT) AS approx_yuan,
       count(DISTINCT org_key) AS organizations
FROM (SELECT f.*, coalesce(ov.covered_by IS NOT NULL AND in_place(ov.covered_by, $place), false) AS counted_elsewhere
      FROM item_fact f LEFT JOIN item_overlap ov USING (item_id))
WHERE in_place(place_code, $place) AND ($year IS NULL OR year = $year)
GROUP BY phase
ORDER BY list_position(['budgeted', 'approved', 'contracted', 'paid', 'unknown'], phase)`

// largestFromItems is the 20 largest items of the selection, taken from
// every item.
const largestFromItems = `
SELECT item_id FROM item_code
WHERE amount_yuan IS NOT NULL AND in_place(place_code, $place) AND ($year IS NULL OR year = $year)
  AND in_category(category, $category)
ORDER BY amount_yuan DESC, item_id LIMIT 20`

// The headline and the largest items, read from the report marts, are what
// the items give, for every place a filter can name (provinces, cities,
// districts: the fixture's city lists money its district's catalog lists
// too, and has organizations), every year and none.
func TestReportMartsGiveWhatTheItemsGive(t *testing.T) {
	ctx := context.Background()
	ro, err := store.Open(ctx, testdb.BundledLevels(t), true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	keys, err := Select(ctx, ro, `SELECT DISTINCT key FROM place_key ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	years, err := Select(ctx, ro, `SELECT DISTINCT year FROM item_code ORDER BY year`)
	if err != nil {
		t.Fatal(err)
	}
	places := []any{nil}
	for _, r := range keys.Rows {
		places = append(places, r[0])
	}
	yearsOrAll := []any{nil}
	for _, r := range years.Rows {
		yearsOrAll = append(yearsOrAll, r[0])
	}
	var overlap, orgs bool
	headline, _ := Get("headline")
	largest, _ := Get("largest_items")
	for _, p := range places {
		for _, y := range yearsOrAll {
			params := map[string]any{"place": p, "year": y}
			got, err := Run(ctx, ro, headline, params)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Run(ctx, ro, Query{Name: "reference", Params: []string{"place", "year"}, SQL: headlineFromItems}, params)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got.Columns) != fmt.Sprint(want.Columns) || fmt.Sprint(got.Rows) != fmt.Sprint(want.Rows) {
				t.Errorf("headline at place %v, year %v:\n got %v %v\nwant %v %v", p, y, got.Columns, got.Rows, want.Columns, want.Rows)
			}
			for r := range got.Rows {
				if n, _ := AsInt64(got.Rows[r][got.Col("overlap_yuan")]); n > 0 {
					overlap = true
				}
				if n, _ := AsInt64(got.Rows[r][got.Col("organizations")]); n > 0 {
					orgs = true
				}
			}
			params["category"] = nil
			gotL, err := Run(ctx, ro, largest, params)
			if err != nil {
				t.Fatal(err)
			}
			wantL, err := Run(ctx, ro, Query{Name: "reference", Params: []string{"place", "year", "category"}, SQL: largestFromItems}, params)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs, wantIDs []any
			for r := range gotL.Rows {
				gotIDs = append(gotIDs, gotL.Rows[r][gotL.Col("item_id")])
			}
			for r := range wantL.Rows {
				wantIDs = append(wantIDs, wantL.Rows[r][0])
			}
			if fmt.Sprint(gotIDs) != fmt.Sprint(wantIDs) {
				t.Errorf("largest items at place %v, year %v:\n got %v\nwant %v", p, y, gotIDs, wantIDs)
			}
		}
	}
	if !overlap || !orgs {
		t.Errorf("no filter showed money counted elsewhere (%v) or organizations (%v): the test proves less than it says", overlap, orgs)
	}
}

// exploreFromItems is the explorer's sample taken from every item: all of
// them up to {{all}}, else the largest greatest(1, {{sample}} // groups) of
// each place, year, phase and category.
const exploreFromItems = `
WITH scoped AS (
    SELECT item_id, place_code, place_level, year, phase, category, amount_yuan FROM item_code
    WHERE in_place(place_code, $place) AND ($year IS NULL OR year = $year) AND in_category(category, $category)
), counts AS (
    SELECT count(*) AS n_all, count(DISTINCT (place_code, place_level, year, phase, category)) AS n_cells FROM scoped
), ranked AS (
    SELECT item_id, row_number() OVER (PARTITION BY place_code, place_level, year, phase, category
                                       ORDER BY coalesce(-amount_yuan, 9223372036854775807), item_id) AS rank
    FROM scoped
)
SELECT r.item_id FROM ranked r, counts c
WHERE c.n_all <= {{all}} OR r.rank <= greatest(1, {{sample}} // c.n_cells)
ORDER BY r.item_id`

// The explorer's sample is the same whether it is every item (few enough),
// the largest of each group from item_rank (at most 20 of each wanted) or
// from the items (more wanted). The bundled catalogs with a few generated
// ones (groups of more than 20 items) are far fewer than the query's 20000
// items to embed whole and 8000 to sample, so the test runs it with smaller
// ones in their place, as many as make each way taken.
func TestExplorerSampleGivesWhatTheItemsGive(t *testing.T) {
	ctx := context.Background()
	ro, err := store.Open(ctx, testdb.BundledGenerated(t), true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	q, _ := Get("explore_items")
	if strings.Count(q.SQL, "20000") != 2 || strings.Count(q.SQL, "8000") != 3 {
		t.Fatalf("explore_items no longer states its sizes as the test expects (20000 twice, 8000 three times):\n%s", q.SQL)
	}
	var groups, largest int
	ro.QueryRow(`SELECT count(*), max(n) FROM (SELECT count(*) AS n FROM item_code GROUP BY place_code, place_level, year, phase, category)`).Scan(&groups, &largest)
	if largest <= 21 {
		t.Fatalf("the largest group holds %d items: taking 21 of each from the items would be taking them all", largest)
	}
	var smallPlace string
	ro.QueryRow(`SELECT place FROM item_fact GROUP BY place ORDER BY count(*), place LIMIT 1`).Scan(&smallPlace)
	for _, c := range []struct {
		way          string
		all, sample  int
		params       map[string]any
		wantComplete bool
	}{
		{"ranked (1 of each group)", 10, groups, map[string]any{}, false},
		{"ranked (3 of each group)", 10, 3*groups + 2, map[string]any{}, false},
		{"from the items (21 of each group)", 10, 21 * groups, map[string]any{}, false},
		{"every item", 1000000, 8000, map[string]any{"place": smallPlace}, true},
	} {
		sized := func(sql string) string {
			sql = strings.ReplaceAll(sql, "20000", strconv.Itoa(c.all))
			sql = strings.ReplaceAll(sql, "{{all}}", strconv.Itoa(c.all))
			sql = strings.ReplaceAll(sql, "8000", strconv.Itoa(c.sample))
			return strings.ReplaceAll(sql, "{{sample}}", strconv.Itoa(c.sample))
		}
		got, err := Run(ctx, ro, Query{Name: q.Name, Params: q.Params, SQL: sized(q.SQL)}, c.params)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Run(ctx, ro, Query{Name: "reference", Params: q.Params, SQL: sized(exploreFromItems)}, c.params)
		if err != nil {
			t.Fatal(err)
		}
		var ids, wantIDs []string
		for r := range got.Rows {
			ids = append(ids, fmt.Sprint(got.Rows[r][got.Col("item_id")]))
			if got.Rows[r][got.Col("complete")] != c.wantComplete {
				t.Errorf("%s: item %s says complete %v", c.way, ids[len(ids)-1], got.Rows[r][got.Col("complete")])
				break
			}
		}
		slices.Sort(ids)
		for r := range want.Rows {
			wantIDs = append(wantIDs, fmt.Sprint(want.Rows[r][0]))
		}
		if len(ids) == 0 || fmt.Sprint(ids) != fmt.Sprint(wantIDs) {
			t.Errorf("%s: explorer sample of %d items, from the items %d; first differences %v", c.way, len(ids), len(wantIDs), firstDiff(ids, wantIDs))
		}
	}
}

func firstDiff(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] && len(out) < 3 {
			out = append(out, "+"+x)
		}
	}
	in = map[string]bool{}
	for _, x := range a {
		in[x] = true
	}
	for _, x := range b {
		if !in[x] && len(out) < 6 {
			out = append(out, "-"+x)
		}
	}
	return out
}
