package tables

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"

	"fundscope/internal/testdb"
	"fundscope/queries"
	"fundscope/store"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// The SQL of each published table gives exactly the columns data/dictionary.csv
// documents, in the same order: a column renamed on one side fails here.
func TestSQLMatchesDictionary(t *testing.T) {
	ctx := context.Background()
	conn := bundledConn(t)
	for _, table := range Names {
		fields, err := FieldsOf(table)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := Open(ctx, conn, table, queries.Filter{})
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		var want []string
		for _, f := range fields {
			want = append(want, f.Name)
		}
		if strings.Join(cols, ",") != strings.Join(want, ",") {
			t.Errorf("%s: SQL gives %v, the dictionary documents %v", table, cols, want)
		}
		if n == 0 {
			t.Errorf("%s: no rows from the bundled catalogs", table)
		}
	}
}

// OpenLargest gives exactly the items a plain ORDER BY … LIMIT gives
// (amount descending, unknown amounts last, then item_id), whatever the
// limit: more or fewer than the items, cutting through tied amounts.
func TestLargestIsThePlainTopN(t *testing.T) {
	ctx := context.Background()
	conn := bundledConn(t)
	var total int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM item_fact").Scan(&total); err != nil {
		t.Fatal(err)
	}
	ids := func(q string) []string {
		rows, err := conn.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		return out
	}
	for _, limit := range []int{1, 7, total / 2, total - 1, total + 10} {
		rows, err := OpenLargest(ctx, conn, queries.Filter{}, limit, "amount_yuan DESC NULLS LAST, item_id")
		if err != nil {
			t.Fatal(err)
		}
		rows.Close()
		got := ids("SELECT item_id FROM export_ids")
		want := ids("SELECT item_id FROM item_fact ORDER BY amount_yuan DESC NULLS LAST, item_id LIMIT " + strconv.Itoa(limit))
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("limit %d: %d ids, want %d; first difference in %v vs %v", limit, len(got), len(want), got[:min(5, len(got))], want[:min(5, len(want))])
		}
	}
	var nulls int
	conn.QueryRowContext(ctx, "SELECT count(*) FROM item_fact WHERE amount_yuan IS NULL").Scan(&nulls)
	if nulls == 0 {
		t.Error("the bundled catalogs have no item of unknown amount: the test does not reach the NULL branch")
	}
}

// bundledConn is a connection to a copy of the bundled catalogs' database,
// closed when the test ends.
func bundledConn(t *testing.T) *sql.Conn {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, testdb.Bundled(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}
