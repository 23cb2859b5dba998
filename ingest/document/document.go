// Package document turns the bytes of a source file into a Document that readers
// walk: decoded text lines, and the cells a table extracted to text leaves
// (one tab-indented cell per line).
package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"fundscope/model"
)

// Document is a decoded text file split into lines; line n is Lines[n-1].
type Document struct {
	Path       string
	Format     string   // text, docx, xlsx, html (after any conversion)
	Conversion string   // e.g. "LibreOffice 7.4 doc → docx", "" when read as published
	Encoding   string   // of a text or HTML source: utf-8, utf-8-bom, utf-16le, utf-16be or gb18030
	Notes      []string // what the decoder saw and did not read (hidden sheets, rows …)

	// Blocks are the structure of a docx, xlsx or HTML source, in reading order.
	Blocks []Block

	// Lines are the text a reader walks: the file itself for text sources, or
	// the blocks rendered in the reader's convention; LineLocs[n-1] is where
	// line n came from in a structured source (nil for text sources).
	Lines    []string
	LineLocs []Location

	// memo holds what readers computed from the lines (see Memo).
	memo map[string]any
}

// Memo returns compute's result for key, computed once per document: each
// reader tried on a document asks for the same layout of its lines (the
// text tables a text document prints), and it is worked out once. A
// document is read by one goroutine at a time; a rendering (Render) has its
// own lines and starts with no memo.
func (d *Document) Memo(key string, compute func() any) any {
	if v, ok := d.memo[key]; ok {
		return v
	}
	v := compute()
	if d.memo == nil {
		d.memo = map[string]any{}
	}
	d.memo[key] = v
	return v
}

// Line returns line n (1-based), or "" past the end.
func (d *Document) Line(n int) string {
	if n < 1 || n > len(d.Lines) {
		return ""
	}
	return d.Lines[n-1]
}

func (d *Document) Errorf(line int, format string, args ...any) error {
	return &model.ParseError{File: d.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Decode turns raw bytes into a Document: UTF-8 (with or without BOM),
// UTF-16 with BOM, or GB18030/GBK when the bytes are not valid UTF-8.
// CRLF and lone CR line ends become LF.
func Decode(path string, raw []byte) (*Document, error) {
	if len(raw) == 0 {
		return nil, &model.ParseError{File: path, Msg: "file is empty"}
	}
	if bytes.IndexByte(raw, 0) >= 0 && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return nil, &model.ParseError{File: path, Msg: "file is binary (contains NUL bytes), expected a text catalog"}
	}
	var text, enc string
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		text, enc = string(raw[3:]), "utf-8-bom"
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		enc = "utf-16le"
		if raw[0] == 0xFE {
			dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
			enc = "utf-16be"
		}
		b, err := dec.Bytes(raw)
		if err != nil {
			return nil, &model.ParseError{File: path, Msg: "cannot decode UTF-16: " + err.Error()}
		}
		text = string(b)
	case utf8.Valid(raw):
		text, enc = string(raw), "utf-8"
	default:
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil || !utf8.Valid(b) {
			return nil, &model.ParseError{File: path, Msg: "file is neither UTF-8 nor GB18030/GBK text"}
		}
		text, enc = string(b), "gb18030"
		if strings.ContainsRune(text, utf8.RuneError) {
			return nil, &model.ParseError{File: path, Line: lineOf(text, strings.IndexRune(text, utf8.RuneError)), Msg: "invalid GB18030 byte sequence"}
		}
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimSuffix(text, "\n")
	return &Document{Path: path, Format: "text", Encoding: enc, Lines: strings.Split(text, "\n")}, nil
}

func lineOf(text string, offset int) int {
	if offset < 0 {
		return 0
	}
	return strings.Count(text[:offset], "\n") + 1
}

// LocationOf is where lines [from, to] of a rendered document came from, as a
// person reads it ("table 1 rows 3–4"); "" for text sources, whose line
// numbers are the location.
func (d *Document) LocationOf(from, to int) string {
	if len(d.LineLocs) == 0 || from < 1 || from > len(d.LineLocs) {
		return ""
	}
	to = min(max(to, from), len(d.LineLocs))
	return Span(d.LineLocs[from-1], d.LineLocs[to-1]).String()
}
