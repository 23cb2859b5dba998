package document

import (
	"fmt"
	"strings"
)

// Block kinds of a structured document.
const (
	Heading   = "heading"
	Paragraph = "paragraph"
	ListItem  = "list"
	TableKind = "table"
)

// Location sends a person to a spot in the source file, in the format's own
// terms: a page, a sheet and cell, a table row and column, or text lines.
type Location struct {
	Part      string `json:"part,omitempty"` // a part of the document beside its body: "footnote 2", "embedded chunk 1"
	Page      int    `json:"page,omitempty"`
	Sheet     string `json:"sheet,omitempty"`
	Cell      string `json:"cell,omitempty"` // A1 or A1:C3 on a sheet
	Table     int    `json:"table,omitempty"`
	Row       int    `json:"row,omitempty"`
	RowEnd    int    `json:"row_end,omitempty"` // a range of table rows
	Col       int    `json:"col,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	LineStart int    `json:"line_start,omitempty"`
	LineEnd   int    `json:"line_end,omitempty"`
}

// String is the location as a person reads it: "sheet 项目 B3",
// "table 2 row 5 col 3", "paragraph 12", "lines 10–12".
func (l Location) String() string {
	var parts []string
	if l.Part != "" {
		parts = append(parts, l.Part)
	}
	if l.Page > 0 {
		parts = append(parts, fmt.Sprintf("page %d", l.Page))
	}
	if l.Sheet != "" {
		parts = append(parts, "sheet "+l.Sheet)
	}
	if l.Cell != "" {
		parts = append(parts, l.Cell)
	}
	if l.Table > 0 {
		parts = append(parts, fmt.Sprintf("table %d", l.Table))
	}
	if l.Row > 0 && l.Cell == "" {
		if l.RowEnd > l.Row {
			parts = append(parts, fmt.Sprintf("rows %d–%d", l.Row, l.RowEnd))
		} else {
			parts = append(parts, fmt.Sprintf("row %d", l.Row))
		}
	}
	if l.Col > 0 && l.Cell == "" {
		parts = append(parts, fmt.Sprintf("col %d", l.Col))
	}
	if l.Paragraph > 0 {
		parts = append(parts, fmt.Sprintf("paragraph %d", l.Paragraph))
	}
	if l.LineStart > 0 {
		if l.LineEnd > l.LineStart {
			parts = append(parts, fmt.Sprintf("lines %d–%d", l.LineStart, l.LineEnd))
		} else {
			parts = append(parts, fmt.Sprintf("line %d", l.LineStart))
		}
	}
	return strings.Join(parts, " ")
}

// Span joins two locations into the range from a to b: the same table and
// rows a–b, or the same sheet and cells a–b, or lines a–b; otherwise a.
func Span(a, b Location) Location {
	switch {
	case a == b:
		return a
	case a.Sheet != "" && a.Sheet == b.Sheet && a.Cell != "" && b.Cell != "":
		first, _, _ := strings.Cut(a.Cell, ":")
		last := b.Cell
		if i := strings.LastIndex(last, ":"); i >= 0 {
			last = last[i+1:]
		}
		if first != last {
			a.Cell = first + ":" + last
		}
		return a
	case a.Table > 0 && a.Table == b.Table && a.Sheet == b.Sheet:
		out := Location{Page: a.Page, Sheet: a.Sheet, Table: a.Table, Row: a.Row}
		if end := max(b.Row, b.RowEnd); end > a.Row {
			out.RowEnd = end
		} else {
			out.Col = a.Col
		}
		return out
	case a.LineStart > 0 && b.LineStart > 0:
		a.LineEnd = max(b.LineEnd, b.LineStart)
		return a
	}
	return a
}

// MaxTableColumns bounds a table's width: a span or a merged range past it
// is cut there (real tables are far narrower; a hostile file could ask for
// billions of slots).
const MaxTableColumns = 1000

// TableCell is one cell of a table: its text (paragraphs joined by "\n"),
// where it starts in the grid and how many rows and columns it spans.
type TableCell struct {
	Text    string
	Row     int // 0-based grid row
	Col     int // 0-based grid column
	RowSpan int
	ColSpan int
	Loc     Location
	Nested  []*Table // tables inside the cell
}

// Table is a grid: Rows[r] lists the cells that start in row r, left to right.
// A merged cell appears once, in the row and column where it starts.
type Table struct {
	Rows       [][]*TableCell
	Loc        Location
	Convention string    // a table found in text: the rule id of how it was printed (table-piped-cells …)
	cols       []float64 // a PDF table's column rules (or, without rules, column left edges), to join its continuation on the next page
	stream     bool      // a PDF table read from alignment, without rules
}

// Block is one part of a structured document, in reading order.
type Block struct {
	Kind  string
	Text  string // heading, paragraph, list item
	Level int    // heading or list level
	Table *Table
	Loc   Location
}

// Summary describes the blocks for a person: how many paragraphs, list
// items and headings, and each table with its size and first row.
func (d *Document) Summary() []string {
	if len(d.Blocks) == 0 {
		return []string{fmt.Sprintf("%d lines of text (%s)", len(d.Lines), d.Encoding)}
	}
	counts := map[string]int{}
	var out []string
	for _, b := range d.Blocks {
		counts[b.Kind]++
		if b.Kind != TableKind {
			continue
		}
		cols := 0
		for _, r := range b.Table.Rows {
			cols = max(cols, len(r))
		}
		var head []string
		if len(b.Table.Rows) > 0 {
			for _, c := range b.Table.Rows[0] {
				head = append(head, strings.ReplaceAll(c.Text, "\n", ""))
			}
		}
		out = append(out, fmt.Sprintf("%s: %d rows × %d columns, first row: %s", b.Loc, len(b.Table.Rows), cols, clipText(strings.Join(head, " | "), 100)))
	}
	return append([]string{fmt.Sprintf("%d headings, %d paragraphs, %d list items, %d tables", counts[Heading], counts[Paragraph], counts[ListItem], counts[TableKind])}, out...)
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
