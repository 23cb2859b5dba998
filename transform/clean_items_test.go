package transform

import (
	"fmt"
	"testing"
)

// clean_items(ids) is the cleaned row of exactly the chosen items, the same
// row clean_line_item holds: chosen before the joins, not computed anew.
func TestCleanItemsOfChosenIdsEqualsTheView(t *testing.T) {
	db := loaded(t)
	var n, chosen, differ int
	db.QueryRow(`SELECT count(*) FROM clean_line_item`).Scan(&n)
	err := db.QueryRow(`
		WITH ids AS (SELECT item_id FROM item_fact WHERE hash(item_id) % 3 = 0),
		     got AS (SELECT * FROM clean_items(ids)),
		     want AS (SELECT * FROM clean_line_item WHERE item_id IN (SELECT item_id FROM ids))
		SELECT (SELECT count(*) FROM ids),
		       (SELECT count(*) FROM (SELECT * FROM got EXCEPT ALL SELECT * FROM want)) +
		       (SELECT count(*) FROM (SELECT * FROM want EXCEPT ALL SELECT * FROM got))`).Scan(&chosen, &differ)
	if err != nil {
		t.Fatal(err)
	}
	if chosen == 0 || chosen == n {
		t.Fatalf("chose %d of %d items: the test needs a proper subset", chosen, n)
	}
	if differ != 0 {
		t.Errorf("clean_items of %d chosen items differs from clean_line_item in %d rows", chosen, differ)
	}
}

// The explorer marts add up to the items they summarize, by every key a
// filter can name, and keep a missing amount NULL, never 0.
func TestExplorerMartsAddUpToTheItems(t *testing.T) {
	db := loaded(t)
	for _, m := range []struct{ mart, yuan string }{
		{"mart_explore", "coalesce(fixed_yuan, 0) + coalesce(derived_yuan, 0) + coalesce(approx_yuan, 0) + coalesce(cap_yuan, 0) + coalesce(actuals_yuan, 0)"},
		{"mart_explore_region", "coalesce(firm_yuan, 0) + coalesce(cap_yuan, 0) + coalesce(actuals_yuan, 0)"},
	} {
		got := sums(t, db, fmt.Sprintf(`SELECT place || ' ' || year || ' ' || phase || ' ' || category, CAST(sum(%s) AS BIGINT) FROM %s GROUP BY ALL`, m.yuan, m.mart))
		want := sums(t, db, `SELECT place || ' ' || year || ' ' || phase || ' ' || category, CAST(coalesce(sum(amount_yuan), 0) AS BIGINT) FROM item_fact GROUP BY ALL`)
		expect(t, m.mart+" yuan", got, want)
		gotN := sums(t, db, fmt.Sprintf(`SELECT place || ' ' || year, CAST(sum(items) AS BIGINT) FROM %s GROUP BY ALL`, m.mart))
		wantN := sums(t, db, `SELECT place || ' ' || year, count(*) FROM item_fact GROUP BY ALL`)
		expect(t, m.mart+" items", gotN, wantN)
	}
	var zeroForUnknown int
	db.QueryRow(`SELECT count(*) FROM mart_explore WHERE items = items_unknown_amount AND fixed_yuan IS NOT NULL`).Scan(&zeroForUnknown)
	if zeroForUnknown != 0 {
		t.Errorf("%d explorer groups with no amount show a sum instead of NULL", zeroForUnknown)
	}
	var unknownGroups int
	db.QueryRow(`SELECT count(*) FROM mart_explore WHERE items = items_unknown_amount`).Scan(&unknownGroups)
	if unknownGroups == 0 {
		t.Error("the bundled catalogs have a catalog without amounts: no explorer group shows it")
	}
}
