package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Prefetch converts the legacy documents of a batch in one LibreOffice
// process into the conversion cache; reading them afterwards gives the same
// text as converting each on its own, and a second Prefetch has nothing to do.
func TestPrefetchFillsTheCacheInOneBatch(t *testing.T) {
	formats := "../testdata/formats"
	var inputs []Input
	for _, f := range []string{
		"zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.doc",
		"zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.xls",
		"beijing-fangshan-2020-call/beijing-fangshan-2020-call.doc",
		"zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.docx", // needs no LibreOffice
	} {
		raw, err := os.ReadFile(filepath.Join(formats, f))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Path: f, Raw: raw})
	}
	// each on its own, with a cache of its own
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var want []string
	for _, in := range inputs[:3] {
		d, err := Open(in.Path, in.Raw)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, strings.Join(d.Render(TSV).Lines, "\n"))
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	if n := Prefetch(inputs); n != 3 {
		t.Fatalf("Prefetch converted %d documents, want 3 (2 .doc and 1 .xls; the .docx needs none)", n)
	}
	entries, _ := os.ReadDir(filepath.Join(cache, "fundscope", "converted"))
	if len(entries) != 3 {
		t.Errorf("%d cache entries, want 3", len(entries))
	}
	for i, in := range inputs[:3] {
		d, err := Open(in.Path, in.Raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(d.Render(TSV).Lines, "\n"); got != want[i] || got == "" {
			t.Errorf("%s: read after the batch differs from its own conversion", in.Path)
		}
	}
	if n := Prefetch(inputs); n != 0 {
		t.Errorf("a second Prefetch converted %d documents, want 0 (all cached)", n)
	}
}

// A multi-page PDF's drawing read in one pdftocairo run gives the same
// document as one run per page.
func TestPDFDrawingInOneRunReadsLikeOnePerPage(t *testing.T) {
	for _, f := range []string{
		"../testdata/formats/hangzhou-2024-venture-philanthropy/hangzhou-2024-venture-philanthropy.pdf",
		"../testdata/formats/zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.pdf",
	} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		read := func(oneRun bool) string {
			pdfDrawingInOneRun = oneRun
			defer func() { pdfDrawingInOneRun = true }()
			d, err := Open(f, raw)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Join(d.Render(TSV).Lines, "\n")
		}
		if a, b := read(true), read(false); a != b || a == "" {
			t.Errorf("%s: one run and one run per page read differently (%d and %d bytes)", f, len(a), len(b))
		}
	}
	if got := svgPages(`<svg><defs/><pageSet><page><path d="M 0 0 L 1 1"/></page><page></page></pageSet></svg>`); len(got) != 2 || got[0] != `<path d="M 0 0 L 1 1"/>` || got[1] != "" {
		t.Errorf("svgPages: %q", got)
	}
}
