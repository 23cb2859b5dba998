package document

import (
	"encoding/csv"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/data"
)

// Tables without rules (stream): a PDF page whose table has no ruling lines
// still sets its columns apart by alignment. A line of text naming three or
// more column headers (序号, 项目名称, 金额 … from data/lexicon/columns.csv)
// anchors a header band: it and the short lines just above and below (a
// header cell wrapped over lines: 金额 / （万 / 元）). Each header cell's left
// edge starts a column. The lines below that fit the columns — every word
// starts in a column and ends before the next one — are the table's, until a
// line that does not (a paragraph across the page) or a gap of three lines.
// Rows are the clusters of lines with no blank line between them (cells of a
// row may be centred vertically, so a row's 序号 can sit in its middle line);
// a cluster that holds two or more 序号 is one row per 序号 (a table with no
// space between its rows). A table that runs to the end of a page goes on
// with the lines at the top of the next page that fit its columns.

var (
	headerOnce  sync.Once
	headerWords []*regexp.Regexp
)

func loadHeaderWords() {
	f, err := data.FS.Open("lexicon/columns.csv")
	if err != nil {
		return
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return
	}
	for _, r := range rows[1:] {
		if len(r) >= 2 {
			if re, err := regexp.Compile(r[1]); err == nil {
				headerWords = append(headerWords, re)
			}
		}
	}
}

// isHeaderWord: a short word without digits that a column role names.
func isHeaderWord(s string) bool {
	headerOnce.Do(loadHeaderWords)
	if n := utf8.RuneCountInString(s); n < 2 || n > 10 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, re := range headerWords {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// streamCol is a column of a table without rules: where it starts, and its header text.
type streamCol struct {
	left, right float64
	words       []pdfWord
}

type streamTable struct {
	table *Table
	top   float64
	cols  []float64 // column left edges
	open  bool      // ran to the end of its page
}

func lineBox(l []pdfWord) (top, bot, height float64) {
	top, bot = l[0].y0, l[0].y1
	for _, w := range l {
		top, bot = min(top, w.y0), max(bot, w.y1)
	}
	return top, bot, l[0].y1 - l[0].y0
}

// fits reports whether every word of a line starts in a column and ends
// before the next column starts (a little slack for glyph boxes).
func fits(l []pdfWord, cols []float64, tol float64) bool {
	for _, w := range l {
		c := colOf(w, cols, tol)
		if c < 0 {
			return false
		}
		if c+1 < len(cols) && w.x1 > cols[c+1]+tol {
			return false
		}
	}
	return true
}

// colOf is the column a word starts in, -1 left of the first.
func colOf(w pdfWord, cols []float64, tol float64) int {
	c := sort.SearchFloat64s(cols, w.x0+tol+0.001) - 1
	return c
}

// streamTables finds the tables without rules among a page's lines (top to
// bottom) and returns them with the lines left for paragraphs. carry, when
// not nil, is a stream table of the page before that ran to its end: lines
// at the top of this page that fit its columns are its rows.
func streamTables(ls [][]pdfWord, page int, tables *int, carry *Table) (found []streamTable, rest [][]pdfWord) {
	i := 0
	if carry != nil && len(carry.cols) > 0 && carry.stream {
		cols := carry.cols
		j := takeRows(ls, 0, cols)
		// the next page may lay the same columns out a little differently
		if re := realign(ls, len(cols)); re != nil {
			if k := takeRows(ls, 0, re); k > j {
				cols, j = re, k
			}
		}
		if j > 0 {
			next := &Table{Loc: carry.Loc}
			appendRows(next, streamRows(ls[:j], cols), cols, page, len(carry.Rows))
			mergeSplitRow(carry, next) // a row the page break split
			carry.Rows = append(carry.Rows, next.Rows...)
			i = goOn(carry, ls, j, page)
		}
	}
	var restIdx []int
	for i < len(ls) {
		cols, band, ok := headerBand(ls, i)
		if !ok {
			restIdx = append(restIdx, i)
			i++
			continue
		}
		for len(restIdx) > 0 && restIdx[len(restIdx)-1] >= band.first {
			restIdx = restIdx[:len(restIdx)-1] // the band's lines above its anchor line
		}
		lefts := make([]float64, len(cols))
		for c, col := range cols {
			lefts[c] = col.left
		}
		end := takeRows(ls, band.last+1, lefts)
		if end == band.last+1 {
			// a header with no row under it is text
			for k := band.first; k <= band.last; k++ {
				restIdx = append(restIdx, k)
			}
			i = band.last + 1
			continue
		}
		*tables++
		t := &Table{Loc: Location{Page: page, Table: *tables}, cols: lefts, stream: true}
		header := make([]*TableCell, len(cols))
		for c, col := range cols {
			header[c] = &TableCell{Text: cellText(col.words), Row: 0, Col: c, RowSpan: 1, ColSpan: 1,
				Loc: Location{Page: page, Table: *tables, Row: 1, Col: c + 1}}
		}
		t.Rows = append(t.Rows, header)
		appendRows(t, streamRows(ls[band.last+1:end], lefts), lefts, page, 1)
		end = goOn(t, ls, end, page)
		top, _, _ := lineBox(ls[band.first])
		found = append(found, streamTable{table: t, top: top, cols: lefts, open: end == len(ls)})
		i = end
	}
	for _, k := range restIdx {
		rest = append(rest, ls[k])
	}
	return found, rest
}

type bandSpan struct{ first, last int }

// headerBand reads the header band anchored on line i, when line i names
// three or more column headers: its columns, left to right, and the lines
// it takes.
func headerBand(ls [][]pdfWord, i int) ([]streamCol, bandSpan, bool) {
	n := 0
	for _, w := range ls[i] {
		if isHeaderWord(w.text) {
			n++
		}
	}
	if n < 3 || len(ls[i]) < 3 {
		return nil, bandSpan{}, false
	}
	top, bot, h := lineBox(ls[i])
	short := func(l []pdfWord) bool {
		for _, w := range l {
			if utf8.RuneCountInString(w.text) > 10 || strings.ContainsAny(w.text, "。，；") {
				return false
			}
		}
		return true
	}
	band := bandSpan{i, i}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t, b, _ := lineBox(ls[k])
		if top-b > 0.5*h || !short(ls[k]) {
			break
		}
		band.first, top = k, min(top, t)
	}
	for k := i + 1; k < len(ls) && k <= i+3; k++ {
		t, b, _ := lineBox(ls[k])
		if t > bot+0.5*h || !short(ls[k]) || hasNumber(ls[k]) {
			break
		}
		band.last, bot = k, max(bot, b)
	}
	var words []pdfWord
	for k := band.first; k <= band.last; k++ {
		words = append(words, ls[k]...)
	}
	sort.SliceStable(words, func(a, b int) bool { return words[a].x0 < words[b].x0 })
	var cols []streamCol
	for _, w := range words {
		if k := len(cols) - 1; k >= 0 && w.x0 < cols[k].right-0.2*h {
			cols[k].right = max(cols[k].right, w.x1)
			cols[k].words = append(cols[k].words, w)
			continue
		}
		cols = append(cols, streamCol{left: w.x0, right: w.x1, words: []pdfWord{w}})
	}
	if len(cols) < 3 {
		return nil, bandSpan{}, false
	}
	return cols, band, true
}

func hasNumber(l []pdfWord) bool {
	for _, w := range l {
		if strings.ContainsAny(w.text, "0123456789") {
			return true
		}
	}
	return false
}

// takeRows is the end (exclusive) of the lines from `from` that fit the
// columns, stopping at a gap of three lines.
func takeRows(ls [][]pdfWord, from int, lefts []float64) int {
	k := from
	prevBot := -1.0
	for k < len(ls) {
		t, b, h := lineBox(ls[k])
		if !fits(ls[k], lefts, 0.6*h) || prevBot >= 0 && t-prevBot > 3*h {
			break
		}
		prevBot = max(prevBot, b)
		k++
	}
	return k
}

// streamRows groups a table's lines into rows: clusters without a blank
// line between them, split at every line with a 序号 when a cluster holds
// two or more.
func streamRows(ls [][]pdfWord, lefts []float64) [][][]pdfWord {
	var clusters [][][]pdfWord
	bot := -1.0
	for _, l := range ls {
		t, b, h := lineBox(l)
		if bot < 0 || t-bot > 0.5*h {
			clusters = append(clusters, nil)
			bot = b
		}
		clusters[len(clusters)-1] = append(clusters[len(clusters)-1], l)
		bot = max(bot, b)
	}
	key := func(l []pdfWord) bool {
		_, _, h := lineBox(l)
		return colOf(l[0], lefts, 0.6*h) == 0
	}
	var rows [][][]pdfWord
	for _, cl := range clusters {
		keys := 0
		for _, l := range cl {
			if key(l) {
				keys++
			}
		}
		if keys < 2 {
			rows = append(rows, cl)
			continue
		}
		var cur [][]pdfWord
		seen := false
		for _, l := range cl {
			if key(l) && seen {
				rows, cur = append(rows, cur), nil
			}
			seen = seen || key(l)
			cur = append(cur, l)
		}
		rows = append(rows, cur)
	}
	return rows
}

// appendRows adds rows of lines to a table as cells, one per column with text.
func appendRows(t *Table, rows [][][]pdfWord, lefts []float64, page, rowOffset int) {
	for r, row := range rows {
		byCol := make([][]pdfWord, len(lefts))
		for _, l := range row {
			_, _, h := lineBox(l)
			for _, w := range l {
				if c := colOf(w, lefts, 0.6*h); c >= 0 {
					byCol[c] = append(byCol[c], w)
				}
			}
		}
		cells := make([]*TableCell, len(lefts))
		for c := range lefts {
			cells[c] = &TableCell{Text: cellText(byCol[c]), Row: rowOffset + r, Col: c, RowSpan: 1, ColSpan: 1,
				Loc: Location{Page: page, Table: t.Loc.Table, Row: rowOffset + r + 1, Col: c + 1}}
		}
		t.Rows = append(t.Rows, cells)
	}
}

// cellText joins a cell's words line by line, as a ruled cell's are; with
// no rule to stop at, a line that ends short of the cell's widest line ends
// a paragraph.
func cellText(ws []pdfWord) string {
	if len(ws) == 0 {
		return ""
	}
	right := 0.0
	for _, w := range ws {
		right = max(right, w.x1)
	}
	return strings.Join(joinLines(lines(ws), right), "\n")
}

// realign finds n columns in the lines at the top of a page by the gutters
// between them: the x-ranges of the words, merged where they touch, line by
// line until a line would bridge a gutter (text across the columns). It
// returns the columns' left edges when there are exactly n.
func realign(ls [][]pdfWord, n int) []float64 {
	type span struct{ x0, x1 float64 }
	merge := func(spans []span, h float64) []span {
		sort.Slice(spans, func(a, b int) bool { return spans[a].x0 < spans[b].x0 })
		var out []span
		for _, s := range spans {
			if k := len(out) - 1; k >= 0 && s.x0 < out[k].x1+0.3*h {
				out[k].x1 = max(out[k].x1, s.x1)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	var spans, cols []span
	for _, l := range ls {
		_, _, h := lineBox(l)
		next := append([]span(nil), spans...)
		for _, w := range l {
			next = append(next, span{w.x0, w.x1})
		}
		merged := merge(next, h)
		if len(cols) >= n && len(merged) < n {
			break
		}
		spans, cols = next, merged
	}
	if len(cols) != n {
		return nil
	}
	lefts := make([]float64, n)
	for i, c := range cols {
		lefts[i] = c.x0
	}
	return lefts
}

// goOn reads on past the end of a table's rows: lines right below it that
// lay out as many columns, a little differently placed (a table a converter
// cut into parts without a header, each sized to its own text), are its
// rows too. It returns the end of the lines it took.
func goOn(t *Table, ls [][]pdfWord, end, page int) int {
	for end < len(ls) {
		re := realign(ls[end:], len(t.cols))
		if re == nil {
			break
		}
		k := takeRows(ls, end, re)
		if k == end {
			break
		}
		appendRows(t, streamRows(ls[end:k], re), re, page, len(t.Rows))
		end = k
	}
	return end
}
