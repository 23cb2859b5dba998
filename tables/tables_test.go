package tables

import (
	"context"
	"os"
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
	db, err := store.Open(ctx, testdb.Bundled(t), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
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
