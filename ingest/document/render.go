package document

import (
	"strings"
)

// Text conventions a reader walks (see Render).
const (
	// Cells: a table row starts after a blank line; each cell starts on a line
	// led by a tab, its further paragraphs follow on plain lines; a cell
	// covered by a vertical merge is a blank cell ("\t"), as Word's text
	// extraction gives it. Paragraphs are followed by a blank line.
	Cells = "cells"
	// TSV: one line per table row, one tab-separated field per cell (a cell's
	// line breaks become spaces; a cell spanning columns is one field; a slot
	// under a vertical merge is an empty field); one line per paragraph.
	TSV = "tsv"
)

// Render lays a structured document's blocks out as text lines in a reader's
// convention, keeping where each line came from. A text document, which has
// no blocks, is returned as it is.
func (d *Document) Render(convention string) *Document {
	if len(d.Blocks) == 0 {
		return d
	}
	out := *d
	out.Lines, out.LineLocs, out.memo = nil, nil, nil
	add := func(text string, loc Location) {
		out.Lines = append(out.Lines, text)
		out.LineLocs = append(out.LineLocs, loc)
	}
	for _, b := range d.Blocks {
		if b.Kind != TableKind {
			for _, l := range strings.Split(b.Text, "\n") {
				add(flatTabs(l), b.Loc)
			}
			if convention == Cells {
				add("", b.Loc)
			}
			continue
		}
		renderTable(b.Table, convention, add)
		if convention == Cells {
			add("", b.Table.Loc)
		}
	}
	return &out
}

func renderTable(t *Table, convention string, add func(string, Location)) {
	width := 0
	for _, row := range t.Rows {
		for _, c := range row {
			width = max(width, c.Col+c.ColSpan)
		}
	}
	// covered[r][c] is the cell whose span covers slot (r, c).
	covered := make([][]*TableCell, len(t.Rows))
	for r := range covered {
		covered[r] = make([]*TableCell, width)
	}
	for _, row := range t.Rows {
		for _, c := range row {
			for dr := 0; dr < c.RowSpan && c.Row+dr < len(t.Rows); dr++ {
				for dc := 0; dc < c.ColSpan; dc++ {
					covered[c.Row+dr][c.Col+dc] = c
				}
			}
		}
	}
	for r := range t.Rows {
		rowLoc := t.Loc
		rowLoc.Row = r + 1
		if row := t.Rows[r]; len(row) > 0 && row[0].Loc.Cell != "" {
			// a sheet's row: its cell range, as the spreadsheet names it (sheet 项目 A5:F5)
			firstCell, _, _ := strings.Cut(row[0].Loc.Cell, ":")
			lastCell := row[len(row)-1].Loc.Cell
			if i := strings.LastIndex(lastCell, ":"); i >= 0 {
				lastCell = lastCell[i+1:]
			}
			rowLoc = Location{Part: t.Loc.Part, Sheet: t.Loc.Sheet, Cell: firstCell}
			if lastCell != firstCell {
				rowLoc.Cell += ":" + lastCell
			}
		}
		switch convention {
		case TSV:
			var fields []string
			for col := 0; col < width; col++ {
				c := covered[r][col]
				switch {
				case c != nil && c.Row == r && c.Col == col:
					fields = append(fields, flatTabs(strings.Join(cellLines(c), " ")))
				case c != nil && c.Row < r && c.Col == col:
					fields = append(fields, "") // under a vertical merge: an empty field, as a sheet exports it
				}
			}
			add(strings.Join(fields, "\t"), rowLoc)
		default:
			add("", rowLoc)
			for col := 0; col < width; col++ {
				c := covered[r][col]
				switch {
				case c == nil:
					// a slot no cell covers (a short row): nothing
				case c.Row == r && c.Col == col:
					lines := cellLines(c)
					add("\t"+flatTabs(first(lines)), c.Loc)
					for _, l := range lines[min(1, len(lines)):] {
						add(flatTabs(l), c.Loc)
					}
				case c.Row < r && c.Col == col:
					add("\t", c.Loc) // vertically merged: a blank cell, as Word extracts it
				}
			}
		}
	}
}

// cellLines are the non-blank paragraphs of a cell, nested tables' cells after them.
func cellLines(c *TableCell) []string {
	var out []string
	for _, l := range strings.Split(c.Text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimSpace(l))
		}
	}
	for _, t := range c.Nested {
		for _, row := range t.Rows {
			for _, n := range row {
				out = append(out, cellLines(n)...)
			}
		}
	}
	return out
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// flatTabs turns tabs inside text into spaces: in both conventions a tab is structure.
func flatTabs(s string) string { return strings.ReplaceAll(s, "\t", " ") }
