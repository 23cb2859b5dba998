package layouts

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fundscope/ingest/document"
	"fundscope/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from the current readers")

// golden is what a reader makes of a document, every field of every line
// item and stated total, as the golden files hold it.
type golden struct {
	Layout   string              `json:"layout"`
	Items    []model.LineItem    `json:"items"`
	Totals   []model.StatedTotal `json:"stated_totals"`
	Warnings []model.Warning     `json:"warnings"`
}

// TestGoldenBundledCatalogs reads each bundled catalog (data/raw, listed in
// data/manifest.json) and compares the result with
// testdata/<catalog_id>/expected.json. After an intended change:
//
//	go test ./ingest/layouts -run Golden -update
//
// and review the diff of the golden files like code.
func TestGoldenBundledCatalogs(t *testing.T) {
	for _, b := range bundled(t) {
		t.Run(b.Catalog.CatalogID, func(t *testing.T) {
			d, err := document.Decode(b.File, b.Raw)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(d, b.Catalog)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(golden{Layout: b.Catalog.Layout, Items: p.Items, Totals: p.Totals, Warnings: p.Warnings}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", b.Catalog.CatalogID, "expected.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
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
				t.Errorf("%s differs from what the reader gives now; the first difference: %s\n(run with -update after an intended change and review the diff)", path, firstDiff(want, got))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) {
			return "line " + itoa(i+1) + ": want " + string(a) + " | got " + string(b)
		}
	}
	return "none"
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
