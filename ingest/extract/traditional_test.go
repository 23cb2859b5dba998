package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/textfold"
)

// toTraditional prints text in traditional characters (textfold.Traditional).
func toTraditional(t *testing.T, text string) string {
	t.Helper()
	if err := textfold.Err(); err != nil {
		t.Fatal(err)
	}
	return textfold.Traditional(text)
}

// readingOf is what must not change when a notice is printed in traditional
// characters: its facts, each item's name (folded) and amount, and each
// stated total with what its scope gives.
func readingOf(t *testing.T, name, text string) []string {
	t.Helper()
	d, err := document.Decode(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Document(d, model.Catalog{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := []string{fmt.Sprintf("catalog %s %s %d %s", res.Catalog.AdminCode, res.Catalog.Level, res.Catalog.Year, res.Catalog.Phase)}
	for _, it := range res.Items {
		v := "NULL"
		if it.AmountYuan != nil {
			v = fmt.Sprint(*it.AmountYuan)
		}
		out = append(out, "item "+textfold.Han(it.Name)+" / "+textfold.Han(it.Organization)+" = "+v+" "+it.AmountKind)
	}
	for _, tt := range res.Totals {
		out = append(out, fmt.Sprintf("total %d gives %d", tt.Stated, tt.Computed))
	}
	sort.Strings(out)
	return out
}

// Every bundled notice (data/corpus) printed in traditional characters reads
// exactly like its simplified original: the same facts, items, amounts and
// totals. Folding is done once for every rule, place lookup and name.
func TestTraditionalCopyOfEveryBundledNoticeReadsTheSame(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "corpus", "*.txt"))
	if len(files) < 5 {
		t.Fatalf("%d bundled notices", len(files))
	}
	for _, f := range files {
		if !readsTheSameInTraditional(t, f, filepath.Base(f)) {
			t.Fatalf("%s: the conversion changed nothing", f)
		}
	}
}

// readsTheSameInTraditional reads file and its copy in traditional
// characters and reports a difference as an error under name; false when
// the conversion changes nothing (the file is traditional already).
func readsTheSameInTraditional(t *testing.T, file, name string) bool {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	trad := toTraditional(t, string(raw))
	if trad == string(raw) {
		return false
	}
	want := readingOf(t, name, string(raw))
	got := readingOf(t, name, trad)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s in traditional characters reads\n%s\nwant (the original)\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	return true
}

// Every invented text-table and form folder of the generic reader
// (ingest/generic/testdata/texttables) printed in traditional characters
// reads like its original too: tables, forms, organizations and totals.
func TestTraditionalCopyOfEveryTextTableFolderReadsTheSame(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "generic", "testdata", "texttables", "*", "input.txt"))
	if len(files) < 40 {
		t.Fatalf("%d text-table folders", len(files))
	}
	for _, f := range files {
		readsTheSameInTraditional(t, f, filepath.Base(filepath.Dir(f))+".txt") // a folder already in traditional is skipped
	}
}
