package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A --db that is a folder, not DuckDB's, or in a folder that does not exist
// is named with what is wrong with it, in every mode, not driver text.
func TestBadDatabasePathsAreExplained(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "adir")
	os.MkdirAll(folder, 0o755)
	junk := filepath.Join(dir, "junk.duckdb")
	os.WriteFile(junk, []byte("this is a spreadsheet export, not a database file"), 0o644)
	tiny := filepath.Join(dir, "tiny.duckdb")
	os.WriteFile(tiny, []byte("x"), 0o644)
	for path, want := range map[string]string{
		folder: "is a folder, not a database file: give a file path such as " + filepath.Join(folder, "fundscope.duckdb"),
		junk:   "is not a DuckDB database file",
		tiny:   "is not a DuckDB database file",
		filepath.Join(dir, "nowhere", "x.duckdb"): "cannot be made: its folder " + filepath.Join(dir, "nowhere") + " does not exist",
	} {
		for _, mode := range []Mode{ReadWrite, ReadOnly, Sandboxed} {
			if mode != ReadWrite && strings.Contains(path, "nowhere") {
				continue // read modes say the database does not exist
			}
			db, err := OpenMode(context.Background(), path, mode)
			if err == nil {
				db.Close()
				t.Errorf("%s (mode %d) opened", path, mode)
				continue
			}
			if !strings.Contains(err.Error(), "--db "+path+" "+want) || strings.Contains(err.Error(), "database/sql/driver") {
				t.Errorf("%s (mode %d): %v", filepath.Base(path), mode, err)
			}
		}
	}
	if b, _ := os.ReadFile(junk); !strings.HasPrefix(string(b), "this is a spreadsheet") {
		t.Error("the file that was not a database was changed")
	}
}
