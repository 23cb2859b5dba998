package generic

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// Tables as they reach text. A table copied from a web page, saved from a
// search cache, or written out by a converter reaches the reader in one of
// the conventions below. Each finds its tables among the lines and hands a
// grid to the one header-role reader the structured formats use (readTable),
// so a table printed one cell per line reads exactly like the same table
// with tabs. Each convention has a rule id, shown by detect and in the
// table's location.
//
// A convention's find is tried at line i (0-based) and returns the table
// starting there and the index just past its last line, or nil.
type textConvention struct {
	id   string // rule id
	help string
	find func(lines []string, i int, cols []rule) (*document.Table, int)
}

// textConventions, most specific first.
var textConventions = []textConvention{
	{"table-piped-cells", "one cell per line, each led by “| ”; a lone “|” or a blank line ends a row", findPipedCells},
	{"table-header-cells", "one cell per line with no marks; the row width is the header's, rows found by the 序号 counting on", findHeaderCells},
	{"table-row-lines", "one row per line, cells split by tabs, by “|” or by runs of two or more spaces", findRowLines},
	{"table-single-spaced", "one row per line, cells split by single spaces (whitespace collapsed by a copy): a header of column labels naming a name and an amount, rows numbered 1, 2, 3 … or, with no 序号 column, rows exactly as wide as the header with a figure under each amount column and an organization's name under its column", findSingleSpaced},
}

// Conventions lists the rule ids and what each reads, for detect and the README.
func Conventions() [][2]string {
	var out [][2]string
	for _, c := range textConventions {
		out = append(out, [2]string{c.id, c.help})
	}
	return out
}

var spaceRunRe = regexp.MustCompile(`[ \x{3000}]{2,}|\x{3000}`)

// rowFields splits one line into a row's fields: by tabs, by | (two or
// more), or by runs of spaces; nil when the line is no row.
func rowFields(l string) []string {
	t := strings.TrimSpace(l)
	switch {
	case strings.Count(strings.Trim(l, " \r"), "\t") >= 1 && t != "":
		return strings.Split(strings.Trim(l, "\r"), "\t")
	case strings.Count(t, "|") >= 2:
		t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
		return strings.Split(t, "|")
	}
	t = strings.Trim(t, " \u3000")
	if f := spaceRunRe.Split(t, -1); len(f) >= 2 {
		return f
	}
	return nil
}

// findRowLines: two or more lines in a row that split into two or more
// fields. Lines split by spaces count only beside lines split the same way
// into as many fields (prose is rarely spaced twice, a column layout is).
func findRowLines(lines []string, i int, cols []rule) (*document.Table, int) {
	f := rowFields(lines[i])
	if len(f) < 2 || labelledFields(f) >= 2 {
		return nil, i // 项目名称：甲　资助金额：6万元: a form's fields on one line, no table row
	}
	spaced := spaceOnly(lines[i])
	row := func(j int) bool {
		g := rowFields(lines[j])
		return len(g) >= 2 && spaceOnly(lines[j]) == spaced && !(spaced && len(g) > len(f))
	}
	j := i + 1
	for j < len(lines) {
		if !row(j) {
			// a section heading between rows (一、为老服务类): a row of one cell
			if t := strings.TrimSpace(lines[j]); t != "" && utf8.RuneCountInString(t) <= 30 && j+1 < len(lines) && row(j+1) && len(rowFields(lines[j+1])) == len(f) {
				j++
				continue
			}
			break
		}
		j++
	}
	if j-i < 2 {
		return nil, i
	}
	t := &document.Table{Loc: document.Location{LineStart: i + 1, LineEnd: j}}
	var heads []span // where the header's fields stand, when spaces align the columns
	if spaced {
		heads = spacedFields(lines[i])
	}
	for k := 0; k < j-i; k++ {
		r, l := len(t.Rows), lines[i+k]
		fields := rowFields(l)
		if n := wrappedRow(lines[i+k:j], len(f), spaced); r > 0 && n > 1 {
			// a row whose cell wrapped onto the next line (rule table-cell-wrapped)
			t.Rows = append(t.Rows, joinedRow(lines[i+k:i+k+n], r, i+k+1))
			k += n - 1
			continue
		}
		if pos := spacedFields(l); r > 1 && len(heads) == len(f) && len(pos) == 1 && pos[0].start > 0 && !isFigure(pos[0].text) {
			// a line holding one word under a column whose cell the row above
			// fills, no figure, no 序号: that cell wrapped onto it (rule
			// table-cell-wrapped, aligned by spaces)
			if cell := alignedRow(pos, heads, r, i+k+1); len(cell) == 1 && cell[0].Col > 0 {
				if above := cellAt(t.Rows[r-1], cell[0].Col); above != nil && above.Text != "" && roleOf(cols, strings.TrimSpace(f[cell[0].Col])) != roleAmount {
					above.Text += cell[0].Text
					above.Loc.LineEnd = i + k + 1
					continue
				}
			}
		}
		if pos := spacedFields(l); r > 0 && len(heads) == len(f) && len(pos) > 0 && len(pos) < len(f) && (len(pos) >= 2 || pos[0].start > 0) {
			// a short row (its empty cells printed as spaces), or a line
			// under one column only (a wrapped header's unit): each field
			// goes to the column it stands under
			t.Rows = append(t.Rows, alignedRow(pos, heads, r, i+k+1))
			continue
		}
		if len(fields) < 2 {
			t.Rows = append(t.Rows, []*document.TableCell{{Text: strings.TrimSpace(l), Row: r, Col: 0, RowSpan: 1, ColSpan: len(f), Loc: document.Location{LineStart: i + k + 1}}})
			continue
		}
		if mdDelimiterRow(fields) {
			fields = make([]string, len(fields)) // Markdown's |---|:---:| line under the header: an empty row, lines stay in step
		}
		if r > 0 && !spaced && len(fields) < len(f) {
			fields = padShort(fields, f, cols)
		}
		var row []*document.TableCell
		for c, f := range fields {
			row = append(row, &document.TableCell{Text: strings.TrimSpace(f), Row: r, Col: c, RowSpan: 1, ColSpan: 1, Loc: document.Location{LineStart: i + k + 1, Col: c + 1}})
		}
		t.Rows = append(t.Rows, row)
	}
	return t, j
}

// wrappedRow is the number of lines from lines[0] that make one row of a
// table width wide whose cells are split by tabs or bars when a cell wrapped
// onto the next line (a name too long for its column, copied with its line
// break): each line is short of the width, none but the first starts with a
// row number, and the lines' fields, the two around each break being one
// cell, come to the width exactly. 1 when the row is whole or no such run.
func wrappedRow(lines []string, width int, spaced bool) int {
	if spaced || len(lines) < 2 {
		return 1
	}
	prev := rowFields(lines[0])
	n := len(prev)
	if n >= width || n < 1 || totalLabel(prev[0]) {
		return 1
	}
	for k := 1; k < len(lines) && k < 4; k++ {
		g := rowFields(lines[k])
		if len(g) == 0 || len(g) >= width || !wrapText(prev[len(prev)-1]) || !wrapText(g[0]) || rowNumberRe.MatchString(strings.TrimSpace(g[0])) || totalLabel(g[0]) {
			return 1
		}
		prev = g
		n += len(g) - 1
		if n == width {
			return k + 1
		}
		if n > width {
			return 1
		}
	}
	return 1
}

// padShort widens a row split by tabs or bars that lost some empty cells to
// the header's width: its figures at its end keep under the amount columns
// the header names (or the last columns), its other cells to the left
// (rule table-short-row, as cellTable does for cells one per line).
func padShort(fields, header []string, cols []rule) []string {
	figures := 0
	for c := len(fields) - 1; c > 0 && isFigure(strings.TrimSpace(fields[c])); c-- {
		figures++
	}
	if figures == 0 {
		return fields
	}
	var slots []int
	for c, h := range header {
		if roleOf(cols, strings.TrimSpace(h)) == roleAmount {
			slots = append(slots, c)
		}
	}
	if len(slots) < figures {
		slots = nil
		for c := len(header) - figures; c < len(header); c++ {
			slots = append(slots, c)
		}
	}
	slots = slots[len(slots)-figures:]
	lead := len(fields) - figures
	if lead > slots[0] {
		return fields // the words would run past the figures: leave the row as printed
	}
	out := make([]string, len(header))
	copy(out, fields[:lead])
	for k, c := range slots {
		out[c] = fields[lead+k]
	}
	return out
}

// labelledFieldRe is a field printed with its label: 项目名称：甲.
var labelledFieldRe = regexp.MustCompile(`^\p{Han}{2,10}[:：]\s*\S`)

// labelledFields counts the fields of a row that carry their own label.
func labelledFields(fields []string) int {
	n := 0
	for _, f := range fields {
		if labelledFieldRe.MatchString(strings.TrimSpace(f)) {
			n++
		}
	}
	return n
}

// rowNumberRe is a 序号 cell.
var rowNumberRe = regexp.MustCompile(`^\d{1,4}[.、]?$`)

// wrapText: a cell's text that can be part of a wrapped cell: words, not
// empty, not a figure.
func wrapText(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !isFigure(s)
}

// joinedRow lays the lines of one wrapped row out as its cells: the last
// field of a line and the first of the next are one cell, its text joined.
func joinedRow(lines []string, r, line int) []*document.TableCell {
	var row []*document.TableCell
	for k, l := range lines {
		for c, f := range rowFields(l) {
			f = strings.TrimSpace(f)
			if k > 0 && c == 0 {
				last := row[len(row)-1]
				last.Text += f
				last.Loc.LineEnd = line + k
				continue
			}
			row = append(row, &document.TableCell{Text: f, Row: r, Col: len(row), RowSpan: 1, ColSpan: 1, Loc: document.Location{LineStart: line + k, Col: len(row) + 1}})
		}
	}
	return row
}

// span is a field of a line aligned by spaces: its text and the display
// columns it takes (a Han character is two wide).
type span struct {
	text       string
	start, end int
}

// spacedFields splits a line aligned by spaces into its fields, where each
// stands; nil when the line has tabs or pipes.
func spacedFields(l string) []span {
	l = strings.TrimRight(l, " \r\u3000")
	if !spaceOnly(l) {
		return nil
	}
	var out []span
	col, gap := 0, 2
	for _, r := range l {
		w := 1
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			w = 2
		}
		switch {
		case r == '\u3000':
			gap = 2
		case r == ' ':
			gap++
		default:
			if gap >= 2 || len(out) == 0 {
				out = append(out, span{start: col})
			} else if gap == 1 {
				out[len(out)-1].text += " "
			}
			out[len(out)-1].text += string(r)
			out[len(out)-1].end = col + w
			gap = 0
		}
		col += w
	}
	return out
}

// alignedRow places each field of a short row under the header column it
// overlaps most (the last column runs to the line's end), keeping their order.
func alignedRow(pos, heads []span, r, line int) []*document.TableCell {
	var row []*document.TableCell
	last := -1
	for _, p := range pos {
		best, most := -1, -1
		for c := range heads {
			lo, hi := heads[c].start, 1<<30
			if c+1 < len(heads) {
				hi = heads[c+1].start
			}
			if c == 0 {
				lo = 0
			}
			if o := min(hi, p.end) - max(lo, p.start); o > most {
				best, most = c, o
			}
		}
		if best <= last {
			best = last + 1
		}
		if best >= len(heads) {
			break
		}
		last = best
		row = append(row, &document.TableCell{Text: p.text, Row: r, Col: best, RowSpan: 1, ColSpan: 1, Loc: document.Location{LineStart: line, Col: best + 1}})
	}
	return row
}

// cellAt is the cell of a row in column c, nil when none.
func cellAt(row []*document.TableCell, c int) *document.TableCell {
	for _, x := range row {
		if x.Col == c {
			return x
		}
	}
	return nil
}

func spaceOnly(l string) bool {
	t := strings.Trim(l, " \r")
	return !strings.Contains(t, "\t") && strings.Count(t, "|") < 2
}

// textCell is one cell read from its own line.
type textCell struct {
	text string
	line int // 1-based
}

// pipedCell: "| text" (the cell; "| " an empty one), "|" alone (a row's end).
func pipedCell(l string) (text string, cell, end bool) {
	t := strings.TrimLeft(strings.TrimRight(l, "\r"), " \u3000")
	if t == "|" {
		return "", false, true
	}
	if strings.HasPrefix(t, "|") && strings.Count(t, "|") == 1 {
		return strings.TrimSpace(t[1:]), true, false
	}
	return "", false, false
}

// findPipedCells reads a table printed one cell per line, each cell led by
// "| " (a row's first cell may be printed bare), rows ended by a lone "|" or
// by a blank line. A bare line inside a row, before the next piped one, is
// the cell above it wrapped onto a second line.
func findPipedCells(lines []string, i int, cols []rule) (*document.Table, int) {
	start := i
	if _, cell, _ := pipedCell(lines[i]); !cell {
		// a bare first cell, right before a piped one, in a table whose
		// rows all start so (else the line is a caption above the table)
		if strings.TrimSpace(lines[i]) == "" || i+1 >= len(lines) {
			return nil, i
		}
		if _, next, _ := pipedCell(lines[i+1]); !next || !bareFirstCells(lines, i+1) {
			return nil, i
		}
	}
	var rows [][]textCell
	var cur []textCell
	closeRow := func() {
		if len(cur) > 0 {
			rows = append(rows, cur)
			cur = nil
		}
	}
	// Rows end either at a lone "|" (blank lines are then only spacing) or
	// at a blank line (a lone "|" is then an empty cell): the first of the
	// two after the table's start says which.
	ended := false
	for k := i; k < len(lines); k++ {
		if _, _, end := pipedCell(lines[k]); end {
			ended = true
			break
		}
		if strings.TrimSpace(lines[k]) == "" {
			break
		}
	}
	j := i
	for ; j < len(lines); j++ {
		text, cell, end := pipedCell(lines[j])
		if end && !ended {
			text, cell, end = "", true, false
		}
		switch {
		case end:
			closeRow()
		case cell:
			cur = append(cur, textCell{text, j + 1})
		case strings.TrimSpace(lines[j]) == "":
			if !ended {
				closeRow()
			}
		case len(cur) == 0 && j+1 < len(lines) && isPiped(lines[j+1]) && (j == start || bareFirstCells(lines, start+1)):
			cur = append(cur, textCell{strings.TrimSpace(lines[j]), j + 1}) // a row's bare first cell
		case len(cur) > 0 && cur[len(cur)-1].text != "" && j+1 < len(lines) && isPiped(lines[j+1]) && utf8.RuneCountInString(strings.TrimSpace(lines[j])) <= 30:
			cur[len(cur)-1].text += strings.TrimSpace(lines[j]) // a cell wrapped onto a second line (资助金额 / （万元）)
		default:
			goto done
		}
	}
done:
	closeRow()
	if len(rows) < 2 {
		return nil, start
	}
	end := j
	for end > start && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return cellTable(rows, cols, start, end), end
}

// bareFirstCells: after the first row's end (a lone "|", or a blank line)
// from line i, the next row starts with a bare cell, not a piped one.
func bareFirstCells(lines []string, i int) bool {
	for j := i; j < len(lines); j++ {
		if _, _, end := pipedCell(lines[j]); end || strings.TrimSpace(lines[j]) == "" {
			for k := j + 1; k < len(lines); k++ {
				if t := strings.TrimSpace(lines[k]); t != "" && t != "|" {
					return !isPiped(lines[k])
				}
			}
			return false
		}
		if !isPiped(lines[j]) {
			return false
		}
	}
	return false
}

func isPiped(l string) bool {
	_, cell, end := pipedCell(l)
	return cell || end
}

// findHeaderCells reads a table printed one cell per line with no marks (a
// converter's output, a page saved as text), blank lines between cells or
// not: its header is a run of short labels from a 序号 cell to the first
// row's "1", the column lexicon naming a name and at least one other role;
// each row starts with the next number, its width the header's; a row whose
// empty cells were dropped ends where the next number starts. A total row
// (合计 and its figures) closes the table.
func findHeaderCells(lines []string, i int, cols []rule) (*document.Table, int) {
	if roleOf(cols, strings.TrimSpace(lines[i])) != roleNo {
		return nil, i
	}
	var cells []textCell // the non-blank lines from i on
	for j := i; j < len(lines) && len(cells) < 100000; j++ {
		if t := strings.TrimSpace(lines[j]); t != "" {
			cells = append(cells, textCell{t, j + 1})
		}
	}
	width := 0
	named := false
	for k, c := range cells {
		if c.text == "1" {
			width = k
			break
		}
		if k > 0 && !headerLabel(cols, c.text) || k > 15 {
			return nil, i
		}
	}
	if width < 3 {
		return nil, i
	}
	header := cells[:width]
	k := width
	if w := rowWidth(cells, k); w >= 3 && w < width {
		header = unwrapHeader(cols, header, w) // a header printed over two lines
	}
	for _, h := range header {
		if r := roleOf(cols, h.text); r == roleName || r == roleOrg {
			named = true
		}
	}
	if !named {
		return nil, i
	}
	width = len(header)
	rows := [][]textCell{header}
	figureCols := 0 // the amount columns the header names (all but the first when none)
	for _, h := range rows[0] {
		if roleOf(cols, h.text) == roleAmount {
			figureCols++
		}
	}
	if figureCols == 0 {
		figureCols = width - 1
	}
	// ends reports whether a row may end before cell p: the next row's
	// number or a total row's label starts there.
	ends := func(p int, next string) bool {
		return p >= len(cells) || cells[p].text == next || totalLabel(cells[p].text)
	}
	for n := 1; k < len(cells); {
		if totalLabel(cells[k].text) {
			// a total row: its label and the figures after it, one per amount column
			size := 1
			for size < width && size <= figureCols && k+size < len(cells) && isFigure(cells[k+size].text) {
				size++
			}
			rows = append(rows, cells[k:k+size])
			k += size
			continue
		}
		if cells[k].text != strconv.Itoa(n) {
			break
		}
		next := strconv.Itoa(n + 1)
		size := -1
		if ends(k+width, next) {
			size = min(width, len(cells)-k)
		} else {
			for s := 2; s < width && k+s < len(cells); s++ {
				if ends(k+s, next) {
					size = s
					break
				}
			}
		}
		if size < 0 {
			size = min(width, len(cells)-k) // the last row, followed by text
		}
		rows = append(rows, cells[k:k+size])
		k += size
		n++
	}
	if len(rows) < 2 {
		return nil, i
	}
	end := len(lines)
	if k < len(cells) {
		end = cells[k].line - 1
	}
	for end > i && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return cellTable(rows, cols, i, end), end
}

// rowWidth is the widest row among the first rows from cell k (the "1"
// of the first row): the distance from one row's number to the next's, or
// to a subtotal's label.
// Rows whose empty cells were dropped are shorter, so the widest is the
// table's width; 0 when fewer than two rows count on.
func rowWidth(cells []textCell, k int) int {
	widest := 0
	for n := 1; n <= 10 && k < len(cells); n++ {
		next := strconv.Itoa(n + 1)
		j := k + 1
		for j < len(cells) && j-k <= 15 && cells[j].text != next && !totalLabel(cells[j].text) {
			j++
		}
		if j >= len(cells) || j-k > 15 {
			break
		}
		widest = max(widest, j-k)
		for j < len(cells) && j-k <= 15 && cells[j].text != next {
			j++ // past a subtotal row to the next row's number
		}
		if j >= len(cells) || cells[j].text != next {
			break
		}
		k = j
	}
	return widest
}

// unwrapHeader joins the header cells a converter printed on two lines
// (项目 / 名称, 资助金额 / （万元）) until the header is as wide as the rows
// (rule table-header-wrapped). Of the neighbouring pairs, the one joined
// first is a label and its unit in parentheses, then two fragments that
// name a column role only when joined (承接 / 单位), then a label split in
// two (项目 / 名称) or one whose role changes when joined (项目 / 单位), then
// any fragment that names no role. The joined cell keeps the first line.
func unwrapHeader(cols []rule, header []textCell, width int) []textCell {
	h := append([]textCell(nil), header...)
	score := func(a, b string) int {
		ra, rb, joined := roleOf(cols, a), roleOf(cols, b), roleOf(cols, a+b)
		switch {
		case strings.HasPrefix(b, "（") || strings.HasPrefix(b, "("):
			return 4 // a label and its unit
		case joined != "" && ra == "" && rb == "":
			return 3 // two fragments that name a role only joined (承接 / 单位)
		case joined != "" && (ra == rb || ra == "" && joined != rb || rb == "" && joined != ra):
			return 2 // one label split (项目 / 名称, 资助 / 金额), or a role that changes when joined (项目 / 单位)
		case ra == "" || rb == "":
			return 1
		}
		return 0
	}
	for len(h) > width {
		best, at := 0, -1
		for c := 1; c+1 < len(h); c++ { // the 序号 cell is never part of a wrap
			if s := score(h[c].text, h[c+1].text); s > best {
				best, at = s, c
			}
		}
		if at < 0 {
			return header // no pair reads as one wrapped label: leave it as printed
		}
		h[at] = textCell{h[at].text + h[at+1].text, h[at].line}
		h = append(h[:at+1], h[at+2:]...)
	}
	return h
}

// findSingleSpaced reads a table whose cells a copy has left split by one
// space (a page's whitespace collapsed): a header line of column labels
// only, naming a name (or organization) and an amount, then rows that start
// with the next row number or a total label. A row with more words than the
// header has spaces inside its name cell; one with fewer lost its empty
// cells (its figures keep under the amount columns).
func findSingleSpaced(lines []string, i int, cols []rule) (*document.Table, int) {
	head := strings.Fields(lines[i])
	if len(head) < 3 || len(head) > 12 {
		return nil, i
	}
	roles := map[string]bool{}
	nameCol := -1
	for c, h := range head {
		r := roleOf(cols, h)
		if r == "" || r == roleNo && c > 0 {
			return nil, i // every word a column label
		}
		roles[r] = true
		if (r == roleName) && nameCol < 0 {
			nameCol = c
		}
	}
	numbered := roleOf(cols, head[0]) == roleNo
	if nameCol < 0 || !roles[roleAmount] {
		return nil, i
	}
	var amountCols []int
	for c, h := range head {
		if roleOf(cols, h) == roleAmount {
			amountCols = append(amountCols, c)
		}
	}
	// rows without a 序号 (项目名称 实施单位 资助金额): each row exactly as
	// many words as the header, a figure under every amount column
	lastAmount := amountCols[len(amountCols)-1]
	unnumberedRow := func(f []string) bool {
		// as wide as the header, or short only of cells after the last
		// amount column (备注 left empty)
		if len(f) > len(head) || len(f) <= lastAmount {
			return false
		}
		for _, c := range amountCols {
			if !isFigure(f[c]) {
				return false
			}
		}
		for c, h := range head[:len(f)] {
			// under an organization's column, an organization's name (a
			// sentence of three words and a year is no row)
			if fo := textfold.Han(f[c]); roleOf(cols, h) == roleOrg && orgRe.FindString(fo) != fo && carrierBeforeQuote(f[c]) != f[c] {
				return false
			}
		}
		return true
	}
	rows := [][]textCell{nil}
	for _, h := range head {
		rows[0] = append(rows[0], textCell{h, i + 1})
	}
	j, n := i+1, 1
	for ; j < len(lines); j++ {
		f := strings.Fields(lines[j])
		if len(f) == 0 {
			break
		}
		if len(f) == 1 && len(rows) > 1 && !isFigure(f[0]) && !totalLabel(f[0]) && utf8.RuneCountInString(f[0]) <= 12 && j+1 < len(lines) {
			// one word alone under a row, the next row after it: the name
			// cell wrapped onto its own line (rule table-cell-wrapped)
			if next := strings.Fields(lines[j+1]); len(next) > 0 && (numbered && next[0] == strconv.Itoa(n) || !numbered && unnumberedRow(next) || totalLabel(next[0])) {
				last := rows[len(rows)-1]
				if nameCol < len(last) {
					last[nameCol].text += f[0]
				}
				continue
			}
		}
		switch {
		case numbered && f[0] == strconv.Itoa(n):
			n++
		case !numbered && !totalLabel(f[0]) && unnumberedRow(f):
			n++
		case totalLabel(f[0]) && len(f) >= 2 && isFigure(f[len(f)-1]):
		default:
			goto done
		}
		if extra := len(f) - len(head); extra > 0 {
			// spaces inside the name cell: its words joined, the cells after it in place
			merged := append(append(append([]string(nil), f[:nameCol]...), strings.Join(f[nameCol:nameCol+extra+1], " ")), f[nameCol+extra+1:]...)
			f = merged
		}
		var row []textCell
		for _, c := range f {
			row = append(row, textCell{c, j + 1})
		}
		rows = append(rows, row)
	}
done:
	if n < 2 {
		return nil, i
	}
	return cellTable(rows, cols, i, j), j
}

// headerLabel: a short label with no figures and no sentence punctuation.
func headerLabel(cols []rule, s string) bool {
	if roleOf(cols, s) != "" {
		return true
	}
	return utf8.RuneCountInString(s) <= 12 && !strings.ContainsAny(s, "0123456789。，,；;：:")
}

// cellTable lays rows of one-per-line cells out as a grid as wide as its
// first row (the header). A shorter row lost its empty cells: its figures
// keep to the right, under the amount columns the header names (or the last
// columns), and its other cells keep to the left.
func cellTable(rows [][]textCell, cols []rule, start, end int) *document.Table {
	t := &document.Table{Loc: document.Location{LineStart: start + 1, LineEnd: end}}
	width := len(rows[0])
	var amountCols []int
	for c, h := range rows[0] {
		if roleOf(cols, h.text) == roleAmount {
			amountCols = append(amountCols, c)
		}
	}
	for r, row := range rows {
		place := make([]int, len(row))
		for c := range row {
			place[c] = c
		}
		if len(row) < width && r > 0 {
			figures := 0
			for c := len(row) - 1; c > 0 && isFigure(row[c].text); c-- {
				figures++
			}
			slots := amountCols
			if len(slots) < figures {
				slots = nil
				for c := width - figures; c < width; c++ {
					slots = append(slots, c)
				}
			}
			slots = slots[len(slots)-figures:]
			for f := 0; f < figures; f++ {
				place[len(row)-figures+f] = slots[f]
			}
			for c := 0; c < len(row)-figures; c++ {
				if figures > 0 && place[c] >= slots[0] {
					place[c] = slots[0] - 1 // never past the figures
				}
			}
		}
		var out []*document.TableCell
		last := -1
		for c, cell := range row {
			col := max(place[c], last+1)
			if col >= width && r > 0 {
				col = width - 1
				if col <= last {
					break
				}
			}
			last = col
			out = append(out, &document.TableCell{Text: cell.text, Row: r, Col: col, RowSpan: 1, ColSpan: 1, Loc: document.Location{LineStart: cell.line}})
		}
		t.Rows = append(t.Rows, out)
	}
	return t
}

// isFigure: a cell that is a number (with or without its unit).
func isFigure(s string) bool {
	n := model.Normalize(s)
	return money.IsBareNumber(n) || len(money.FindSpans(n)) == 1 && money.FindSpans(n)[0].Text == n
}

// DescribeTables says, for a person checking a reading, which tables the
// generic reader finds in a document: where each is, the convention it was
// printed in (for text), the role of each header cell, and the unit of its
// amount column with where the unit is stated.
func DescribeTables(d *document.Document) ([]string, error) {
	cols, _, err := lexicons()
	if err != nil {
		return nil, err
	}
	var out []string
	var before []unit
	for _, u := range units(d) {
		if u.kind != document.TableKind {
			before = append(before, u)
			continue
		}
		how := ""
		if u.table.Convention != "" {
			how = " by " + u.table.Convention
		}
		line := fmt.Sprintf("table %s%s: %d rows", u.table.Loc, how, len(u.table.Rows))
		g := newGrid(u.table)
		l := headerOf(g, cols, captionOf(before, u), "")
		if l == nil {
			out = append(out, line+"; no header naming a name and an amount column (its rows are read as prose)")
			continue
		}
		var roles []string
		for c, h := range l.headers {
			if h == "" || c > 0 && l.headers[c-1] == h {
				continue
			}
			role := roleOf(cols, h)
			if role == "" {
				role = "—"
			}
			if c == l.amountCol {
				role += " (read)"
			}
			roles = append(roles, fmt.Sprintf("%s=%s", money.Clip(h, 16), role))
		}
		line += "; header " + strings.Join(roles, ", ")
		switch {
		case l.amountCol < 0:
			line += "; no amount column (items without amounts)"
		case l.unit == "":
			l.unit = guessUnit(g, l.first, l.amountCol)
			line += "; unit " + l.unit + ", guessed from the size of the column's figures (no unit is printed)"
		default:
			line += "; unit " + l.unit + " from " + l.unitFrom
		}
		out = append(out, line)
	}
	return out, nil
}
