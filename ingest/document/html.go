package document

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"fundscope/model"
)

// HTML pages, and HTML saved with a .xls or .doc name: golang.org/x/net/html,
// tables laid out by the HTML table-slot algorithm (rowspan, colspan, nested
// tables). The charset comes from a byte-order mark, the Content-Type meta or
// a <meta charset>; with none declared, bytes that are not valid UTF-8 are
// GB18030 (charset.DetermineEncoding alone would guess windows-1252).
func init() {
	RegisterDecoder(Decoder{Name: "html", Order: 30, Sniff: func(raw []byte) bool {
		return hasPrefixFold(raw, "<!doctype html", "<html", "<table", "<meta", "<head", "<body", "<?xml version=\"1.0\"?><html", "<!-- ")
	}, Decode: decodeHTML})
}

func decodeHTML(path string, raw []byte) (*Document, error) {
	text, enc, err := htmlText(raw)
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: err.Error()}
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "not readable HTML: " + err.Error()}
	}
	w := &htmlWalker{doc: &Document{Path: path, Format: "html", Encoding: enc}}
	w.walk(root)
	w.flush()
	if w.err != nil {
		return nil, &model.ParseError{File: path, Msg: w.err.Error()}
	}
	return w.doc, nil
}

// htmlText decodes the page to UTF-8.
func htmlText(raw []byte) (string, string, error) {
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		return string(raw[3:]), "utf-8-bom", nil
	}
	if e, name, certain := charset.DetermineEncoding(raw, ""); certain && name != "" {
		b, err := e.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", err
		}
		return string(b), name, nil
	}
	if utf8.Valid(raw) {
		return string(raw), "utf-8", nil
	}
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", err
	}
	return string(b), "gb18030", nil
}

type htmlWalker struct {
	doc        *Document
	buf        strings.Builder
	kind       string
	level      int
	paragraphs int
	tables     int
	wrappers   int   // single-cell tables being unwrapped around the node walked
	err        error // the first reason the page cannot be read
}

// MaxWrapperDepth is how many single-cell tables may wrap each other (Word's
// HTML and old CMS pages put a page's content in one); deeper is refused.
const MaxWrapperDepth = 32

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Blockquote: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Center: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Hr: true,
}

func (w *htmlWalker) flush() {
	s := strings.TrimSpace(collapse(w.buf.String()))
	w.buf.Reset()
	kind, level := w.kind, w.level
	w.kind, w.level = Paragraph, 0
	if s == "" {
		return
	}
	if kind == "" {
		kind = Paragraph
	}
	w.paragraphs++
	w.doc.Blocks = append(w.doc.Blocks, Block{Kind: kind, Text: s, Level: level, Loc: Location{Paragraph: w.paragraphs}})
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template:
			return
		case atom.Br:
			w.buf.WriteString("\n")
			return
		case atom.Table:
			w.flush()
			if cell := singleCell(n); cell != nil {
				// A 1×1 table is a frame, not data: its content is read as
				// if it stood on the page.
				if w.wrappers++; w.wrappers > MaxWrapperDepth {
					if w.err == nil {
						w.err = fmt.Errorf("more than %d single-cell tables wrap each other: not read (unwrap the page's frames and read the file again)", MaxWrapperDepth)
					}
					return
				}
				for c := cell.FirstChild; c != nil; c = c.NextSibling {
					w.walk(c)
				}
				w.flush()
				w.wrappers--
				return
			}
			w.tables++
			t := w.table(n, Location{Table: w.tables})
			w.doc.Blocks = append(w.doc.Blocks, Block{Kind: TableKind, Table: t, Loc: t.Loc})
			return
		}
		if blockElements[n.DataAtom] {
			w.flush()
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				w.kind, w.level = Heading, int(n.Data[1]-'0')
			case atom.Li:
				w.kind = ListItem
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// table lays out a <table> by the HTML table-slot algorithm: each cell takes
// the first free slot of its row, rowspan and colspan reserve slots below and
// to the right.
func (w *htmlWalker) table(n *html.Node, loc Location) *Table {
	t := &Table{Loc: loc}
	taken := map[[2]int]bool{}
	row := -1
	total := countRows(n)
	var rows func(*html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(c)
			case atom.Tr:
				row++
				t.Rows = append(t.Rows, nil)
				col := 0
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type != html.ElementNode || (cell.DataAtom != atom.Td && cell.DataAtom != atom.Th) {
						continue
					}
					for taken[[2]int{row, col}] {
						col++
					}
					if col >= MaxTableColumns {
						break
					}
					rs, cs := min(spanAttr(cell, "rowspan"), total-row), min(spanAttr(cell, "colspan"), MaxTableColumns-col)
					tc := &TableCell{Row: row, Col: col, RowSpan: rs, ColSpan: cs, Loc: Location{Table: loc.Table, Row: row + 1, Col: col + 1}}
					inner := &htmlWalker{doc: &Document{}, tables: 0}
					for k := cell.FirstChild; k != nil; k = k.NextSibling {
						inner.walk(k)
					}
					inner.flush()
					var paras []string
					for _, b := range inner.doc.Blocks {
						if b.Kind == TableKind {
							w.tables++
							b.Table.Loc.Table = w.tables
							tc.Nested = append(tc.Nested, b.Table)
							continue
						}
						paras = append(paras, b.Text)
					}
					tc.Text = strings.Join(paras, "\n")
					for dr := 0; dr < rs; dr++ {
						for dc := 0; dc < cs; dc++ {
							taken[[2]int{row + dr, col + dc}] = true
						}
					}
					t.Rows[row] = append(t.Rows[row], tc)
					col += cs
				}
			}
		}
	}
	rows(n)
	// rowspan past the last row is cut to the table (as browsers do).
	for _, r := range t.Rows {
		for _, c := range r {
			if c.Row+c.RowSpan > len(t.Rows) {
				c.RowSpan = len(t.Rows) - c.Row
			}
		}
	}
	return t
}

// singleCell is the one cell of a table of one row and one cell, else nil.
func singleCell(table *html.Node) *html.Node {
	if countRows(table) != 1 {
		return nil
	}
	var cells []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr:
				find(c)
			case atom.Td, atom.Th:
				cells = append(cells, c)
			}
		}
	}
	find(table)
	if len(cells) != 1 {
		return nil
	}
	return cells[0]
}

// countRows counts the rows of a table (not of tables nested in its cells).
func countRows(n *html.Node) int {
	rows := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rows += countRows(c)
		case atom.Tr:
			rows++
		}
	}
	return rows
}

func spanAttr(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 0 {
				if v > 65534 { // the HTML limit for rowspan (colspan is cut to the table width)
					v = 65534
				}
				return v
			}
		}
	}
	return 1
}

// collapse folds runs of white space (HTML source formatting) to one space,
// keeping the line breaks that <br> put in.
func collapse(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.Join(strings.FieldsFunc(line, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\r' || r == '\u00a0'
		}), " "))
	}
	return strings.Join(out, "\n")
}
