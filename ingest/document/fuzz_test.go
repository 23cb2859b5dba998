package document

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fundscope/model"
)

// fuzzDecoder seeds a fuzzer with the committed fixtures of one format and
// checks what any bytes may produce: a Document or a *model.ParseError that
// names the file, within a time limit, and a rendering whose every line has
// a location.
func fuzzDecoder(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "formats", "*", pattern))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 48<<10 { // small seeds keep mutation and minimization quick
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		done := make(chan struct{})
		var d *Document
		var err error
		go func() {
			defer close(done)
			d, err = Open("fuzz.in", raw)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Open took more than 10s on %d bytes", len(raw))
		}
		if err != nil {
			if _, ok := err.(*model.ParseError); !ok {
				t.Fatalf("error of type %T, want *model.ParseError: %v", err, err)
			}
			return
		}
		for _, conv := range []string{Cells, TSV} {
			r := d.Render(conv)
			if len(d.Blocks) > 0 && len(r.Lines) != len(r.LineLocs) {
				t.Fatalf("%s: %d lines, %d locations", conv, len(r.Lines), len(r.LineLocs))
			}
		}
	})
}

func FuzzDocx(f *testing.F) { fuzzDecoder(f, "*.docx") }
func FuzzXLSX(f *testing.F) { fuzzDecoder(f, "*.xlsx") }
func FuzzHTML(f *testing.F) { fuzzDecoder(f, "*.html") }
