package layouts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/ingest/document"
	"fundscope/model"
)

// essence is what must not change with the format: every line item's id,
// name, amount, kind, funding and region as printed, and every stated total.
func essence(p *model.Parsed) []string {
	var out []string
	for _, it := range p.Items {
		y := "NULL"
		if it.Amount.Yuan != nil {
			y = fmt.Sprint(*it.Amount.Yuan)
		}
		// White space is layout, not content: HTML folds runs of it, a PDF has
		// none where a text extraction put one between "2023" and "年".
		out = append(out, strings.Join(strings.Fields(strings.Join([]string{it.ItemID, it.Name, y, it.Amount.Kind, it.FundingText, it.RegionText, it.Purchaser, it.SourceCat}, "|")), ""))
	}
	for _, t := range p.Totals {
		out = append(out, fmt.Sprintf("total %s %s %d %v", t.Label, t.Metric, t.Stated, t.Scope))
	}
	return out
}

// TestEveryFormatReadsLikeTheText reads each bundled catalog's fixtures
// (ingest/testdata/formats, made by `make fixtures` through LibreOffice) and
// requires the line items and stated totals of the text version, with
// locations in the format's own terms. .doc and .xls go through LibreOffice
// here too (installed by `make test-deps`).
func TestEveryFormatReadsLikeTheText(t *testing.T) {
	for _, b := range bundled(t) {
		text, err := document.Decode(b.File, b.Raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(text, b.Catalog)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "formats", b.Catalog.CatalogID, "*"))
		if len(files) < 3 {
			t.Fatalf("%s: %d fixtures, want at least html, gbk.html and docx (run make fixtures)", b.Catalog.CatalogID, len(files))
		}
		for _, f := range files {
			t.Run(filepath.Base(f), func(t *testing.T) {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				d, err := document.Open(f, raw)
				if err != nil {
					t.Fatal(err)
				}
				if d.Format == "text" {
					t.Fatalf("read as plain text: the format was not recognized")
				}
				got, err := Parse(d, b.Catalog)
				if err != nil {
					t.Fatal(err)
				}
				w, g := essence(want), essence(got)
				if len(w) != len(g) {
					t.Fatalf("%d items+totals, the text gives %d", len(g), len(w))
				}
				for i := range w {
					if w[i] != g[i] {
						t.Fatalf("first difference:\n text: %s\n %s: %s", w[i], d.Format, g[i])
					}
				}
				for _, it := range got.Items {
					if it.SourceLocation == "" {
						t.Fatalf("%s has no location in the %s", it.ItemID, d.Format)
					}
				}
				if strings.HasSuffix(f, ".doc") || strings.HasSuffix(f, ".xls") {
					if !strings.Contains(d.Conversion, "LibreOffice") {
						t.Errorf("conversion not recorded: %q", d.Conversion)
					}
				}
			})
		}
	}
}
