package layouts

import (
	"strings"
	"testing"
	"time"

	"fundscope/data"

	"fundscope/ingest/document"
	"fundscope/model"
)

// Fuzz targets: `make fuzz` (and .ci/run) runs each for a bounded time.
// Crashers found are fixed and stay in testdata/fuzz as regression cases.

// fuzzLayout seeds a layout's fuzzer with its bundled catalog, whole and cut
// at a few places, and checks what any input may produce.
func fuzzLayout(f *testing.F, layout, file string) {
	raw, err := data.FS.ReadFile("raw/" + file)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	lines := strings.Split(string(raw), "\n")
	for _, cut := range []int{len(lines) / 4, len(lines) / 2, 3 * len(lines) / 4} {
		f.Add([]byte(strings.Join(lines[:cut], "\n")))
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p *model.Parsed
		var d *document.Document
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			if d, err = document.Decode("fuzz.txt", b); err == nil {
				p, err = Parse(d, model.Catalog{CatalogID: "fuzz", Layout: layout, File: "fuzz.txt"})
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Decode and Parse took more than 5s on a %d-byte input", len(b))
		}
		if d == nil {
			return
		}
		if err != nil {
			if _, ok := err.(*model.ParseError); !ok {
				t.Fatalf("error of type %T, want *model.ParseError: %v", err, err)
			}
			return
		}
		for _, it := range p.Items {
			if it.LineStart < 1 || it.LineEnd < it.LineStart || it.LineEnd > len(d.Lines) {
				t.Fatalf("%s: line range %d-%d outside 1-%d", it.ItemID, it.LineStart, it.LineEnd, len(d.Lines))
			}
			if it.Amount.Yuan != nil && *it.Amount.Yuan < 0 {
				t.Fatalf("%s: negative amount", it.ItemID)
			}
			if (it.Amount.Yuan == nil) != (it.Amount.Kind == model.KindUnknown) {
				t.Fatalf("%s: amount %v with kind %s", it.ItemID, it.Amount.Yuan, it.Amount.Kind)
			}
			if it.Name == "" {
				t.Fatalf("%s: no name", it.ItemID)
			}
		}
	})
}

func FuzzCellTable(f *testing.F) {
	fuzzLayout(f, "cell-table", "ningbo-2023-civil-affairs-purchase-catalog.txt")
}

func FuzzCellGuideline(f *testing.F) {
	fuzzLayout(f, "cell-guideline", "beijing-fangshan-2020-call-for-proposals.txt")
}

func FuzzTSVTable(f *testing.F) {
	fuzzLayout(f, "tsv-table", "zhoushan-putuo-2023-purchase-summary.txt")
}

func FuzzVentureForms(f *testing.F) {
	fuzzLayout(f, "venture-forms", "hangzhou-2024-venture-philanthropy-release.txt")
}

func FuzzProseNotice(f *testing.F) {
	fuzzLayout(f, "prose-notice", "zhongwei-shapotou-2025-children-care-plan.txt")
}
