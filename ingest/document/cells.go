package document

import (
	"regexp"
	"strings"

	"fundscope/model"
)

// Cell is one table cell of a cell-per-line document (a .docx table
// extracted to text): it begins on a line that starts with a tab and goes on
// over the following lines that do not.
type Cell struct {
	Text       string // paragraphs joined by "\n", blank paragraphs dropped
	Line       int    // first line
	EndLine    int    // last non-blank line
	AfterBlank bool   // a blank line stands right before the cell
	RowMark    bool   // the line began with " \t": a row whose first cell holds only a space
}

// Flat is the cell text with paragraph breaks removed, for short cells
// (names, numbers) that a narrow column wrapped.
func (c Cell) Flat() string { return strings.ReplaceAll(c.Text, "\n", "") }

// Blank reports whether the cell holds no text (a merged or empty cell).
func (c Cell) Blank() bool { return strings.TrimSpace(model.Normalize(c.Text)) == "" }

// ReadCells reads the cells of lines [from, to] (1-based, inclusive).
// Lines before the first cell are skipped.
func ReadCells(d *Document, from, to int) []Cell {
	var cells []Cell
	var cur *Cell
	var paras []string
	flush := func() {
		if cur != nil {
			cur.Text = strings.Join(paras, "\n")
			cells = append(cells, *cur)
			cur, paras = nil, nil
		}
	}
	prevBlank := true
	for n := from; n <= to && n <= len(d.Lines); n++ {
		line := d.Line(n)
		rowMark := strings.HasPrefix(line, " \t")
		if strings.HasPrefix(line, "\t") || rowMark {
			flush()
			if rowMark {
				cells = append(cells, Cell{Line: n, EndLine: n, AfterBlank: prevBlank, RowMark: true})
				line = line[1:]
			}
			cur = &Cell{Line: n, EndLine: n, AfterBlank: prevBlank && !rowMark}
			if t := strings.TrimSpace(CleanLine(line[1:])); t != "" {
				paras = append(paras, t)
			}
			prevBlank = false
			continue
		}
		t := strings.TrimSpace(CleanLine(line))
		prevBlank = t == ""
		if cur != nil && t != "" {
			paras = append(paras, t)
			cur.EndLine = n
		}
	}
	flush()
	return cells
}

// Row is a run of cells that the document lays out as one table row.
type Row struct {
	Cells []Cell
}

// Line is the first line of the row; EndLine its last.
func (r Row) Line() int { return r.Cells[0].Line }

// EndLine is the last line of the row.
func (r Row) EndLine() int { return r.Cells[len(r.Cells)-1].EndLine }

// Blank reports whether every cell of the row is blank (page-break rows).
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if !c.Blank() {
			return false
		}
	}
	return true
}

// SplitRowsAtBlank groups cells into rows where the extraction puts a blank
// line between rows (a cell that follows a blank line, or a " \t" mark,
// starts a row).
func SplitRowsAtBlank(cells []Cell) []Row {
	var rows []Row
	for _, c := range cells {
		if len(rows) == 0 || c.AfterBlank || c.RowMark {
			rows = append(rows, Row{})
		}
		rows[len(rows)-1].Cells = append(rows[len(rows)-1].Cells, c)
	}
	return rows
}

var bookmarkRe = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// CleanLine drops Word bookmark markers left by the extraction.
func CleanLine(s string) string {
	if strings.Contains(s, "[bookmark:") {
		s = bookmarkRe.ReplaceAllString(s, "")
	}
	return s
}
