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

// FuzzPDFLayout: any words (pdftotext -tsv) and drawing (pdftocairo -svg)
// lay out into blocks without a panic, within a time limit, every rendered
// line with a location; the external tools themselves are not run.
func FuzzPDFLayout(f *testing.F) {
	f.Add("5\t1\t1\t0\t0\t0\t40\t100\t24\t12\t100\t序号\n5\t1\t1\t0\t0\t1\t80\t100\t48\t12\t100\t项目名称\n5\t1\t1\t0\t0\t2\t200\t100\t24\t12\t100\t金额\n5\t1\t2\t0\t0\t0\t40\t120\t12\t12\t100\t1\n5\t1\t2\t0\t0\t1\t80\t120\t48\t12\t100\t甲项目\n5\t1\t2\t0\t0\t2\t200\t120\t12\t12\t100\t5",
		`<path style="stroke" d="M 30 95 L 300 95 M 30 115 L 300 115 M 30 135 L 300 135 M 30 95 L 30 135 M 300 95 L 300 135"/>`)
	f.Add("5\t1\t1\t0\t0\t0\t72\t90\t300\t14\t100\t2024年安排资金10万元", "")
	f.Fuzz(func(t *testing.T, tsv, svg string) {
		done := make(chan struct{})
		lay := &pdfLayout{doc: &Document{Path: "fuzz.pdf", Format: "pdf"}}
		go func() {
			defer close(done)
			byPage := map[int][]pdfWord{}
			for _, w := range parsePDFWords(tsv) {
				if w.page >= 1 && w.page <= 3 {
					byPage[w.page] = append(byPage[w.page], w)
				}
			}
			for p := 1; p <= 3; p++ {
				if len(byPage[p]) > 0 {
					lay.page(p, byPage[p], svg)
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("layout took more than 10s on %d + %d bytes", len(tsv), len(svg))
		}
		for _, conv := range []string{Cells, TSV} {
			r := lay.doc.Render(conv)
			if len(lay.doc.Blocks) > 0 && len(r.Lines) != len(r.LineLocs) {
				t.Fatalf("%s: %d lines, %d locations", conv, len(r.Lines), len(r.LineLocs))
			}
		}
	})
}

// FuzzText: any bytes named .txt decode to a document or a *model.ParseError.
func FuzzText(f *testing.F) {
	for _, s := range []string{"序号\t项目名称\t金额\n1\t甲\t5\n", "| 序号 | 名称 |\n|---|---|\n| 1 | 甲 |\n", "\xef\xbb\xbf一、项目资金10万元\r\n", "\xff\xfe\x00\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := Decode("fuzz.txt", raw)
		if err != nil {
			if _, ok := err.(*model.ParseError); !ok {
				t.Fatalf("error of type %T, want *model.ParseError: %v", err, err)
			}
			return
		}
		_ = d.Render(TSV)
	})
}

// FuzzOLE2Kind: any bytes read as an OLE2 container give "doc", "xls" or a
// *model.ParseError (LibreOffice, which converts them, is not run).
func FuzzOLE2Kind(f *testing.F) {
	for _, p := range []string{"../testdata/formats/zhoushan-putuo-2023-purchase/zhoushan-putuo-2023-purchase.xls"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 8<<10)])
		}
	}
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		kind, err := oleKind("fuzz.doc", raw)
		if err != nil {
			if _, ok := err.(*model.ParseError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if kind != "doc" && kind != "xls" {
			t.Fatalf("kind %q", kind)
		}
	})
}

// FuzzMHT: any bytes read as a saved web page give a document or a *model.ParseError.
func FuzzMHT(f *testing.F) {
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E9=A1=B9=E7=9B=AE 5=E4=B8=87=E5=85=83</p>\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, err := decodeMHT("fuzz.mht", raw); err != nil {
			if _, ok := err.(*model.ParseError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}
