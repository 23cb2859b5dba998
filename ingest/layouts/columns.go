package layouts

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/model"
)

// DroppedColumn is a column of a source table whose values a reading does
// not carry into any line item: its header, where it is, and how many of
// its values were left out.
type DroppedColumn struct {
	Table   int
	Col     int // 1-based
	Header  string
	Values  int // non-empty data cells
	Missing int // of them, found in no item
	// Figures are the cells of the column, among the missing, that hold a
	// number: money (or a count) no item carries, listed as unread.
	Figures []*document.TableCell
}

func (d DroppedColumn) String() string {
	h := d.Header
	if h == "" {
		h = "(no header)"
	}
	return fmt.Sprintf("table %d column %d 「%s」 (%d of %d values in no item)", d.Table, d.Col, h, d.Missing, d.Values)
}

// Key names the column for comparing two readings of one document.
func (d DroppedColumn) Key() string { return fmt.Sprintf("%d/%d", d.Table, d.Col) }

// containmentLimit bounds the slow check (is a cell's text inside some
// item's field?) to readings of at most this many items; above it only exact
// values and amounts count, which is what every reader that carries a column
// keeps.
const containmentLimit = 2000

// TextTables finds the tables a text document prints (tabs, pipes, one
// cell per line …); the generic reader sets it, so that Dropped sees the
// columns of a text document's tables too.
var TextTables func(*document.Document) []*document.Table

// Dropped lists the columns of doc's tables that reading p does not carry:
// a column of at least two non-empty data cells of which fewer than half
// appear in any line item (as a field's text, inside one, or as an amount
// in 元, 万元 or 亿元). It knows nothing of any reader: it compares the
// source's cells with what came out, so that a reader that cannot carry a
// column (an organization, a second amount) is found out whatever it is.
// Rows that state a total (合计, 总计, 小计, 共计) are not data.
func Dropped(doc *document.Document, p *model.Parsed) []DroppedColumn {
	return dropped(doc, p, true)
}

// dropped is Dropped, with the tables of a text document's lines only when
// textTables is set.
func dropped(doc *document.Document, p *model.Parsed, textTables bool) []DroppedColumn {
	if doc == nil || p == nil {
		return nil
	}
	carried := newCarried(p.Items)
	var tables []*document.Table
	for _, b := range doc.Blocks {
		if b.Kind == document.TableKind && b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(doc.Blocks) == 0 && TextTables != nil && textTables {
		tables = TextTables(doc) // a text document: the tables its lines print
	}
	var out []DroppedColumn
	for _, t := range tables {
		if len(t.Rows) < 3 {
			continue
		}
		out = append(out, droppedIn(t, carried)...)
	}
	return out
}

func droppedIn(t *document.Table, carried *carriedValues) []DroppedColumn {
	header := map[int]string{}
	width := 0
	for _, c := range t.Rows[0] {
		for k := c.Col; k < c.Col+max(c.ColSpan, 1); k++ {
			header[k] = strings.TrimSpace(c.Text)
		}
		width = max(width, c.Col+max(c.ColSpan, 1))
	}
	if width < 2 {
		return nil
	}
	var data [][]*document.TableCell
	for _, row := range t.Rows[1:] {
		if !statesTotal(row) {
			data = append(data, row)
		}
	}
	// A column that counts on (1, 2, 3 …: 序号) may be carried as item
	// numbers; in any other column a figure is carried only as an amount,
	// so that a second amount column is not "carried" by the item numbers
	// its figures happen to equal as text.
	sequence := make([]bool, width)
	for col := range sequence {
		next, counted := 0, 0
		counts := true
		for _, row := range data {
			for _, c := range row {
				if text := strings.TrimSpace(c.Text); c.Col == col && text != "" {
					n, err := strconv.Atoi(model.Normalize(text))
					if err != nil || counted > 0 && n != next {
						counts = false
					}
					next, counted = n+1, counted+1
				}
			}
		}
		sequence[col] = counts && counted > 0
	}
	values, missing := make([]int, width), make([]int, width)
	unused := make([][]*document.TableCell, width)
	for _, row := range data {
		for _, c := range row {
			text := strings.TrimSpace(c.Text)
			if c.Col >= width || text == "" {
				continue
			}
			values[c.Col]++
			if !carried.has(text, sequence[c.Col]) {
				missing[c.Col]++
				if _, ok := figure(text); ok {
					unused[c.Col] = append(unused[c.Col], c)
				}
			}
		}
	}
	var out []DroppedColumn
	for col := 0; col < width; col++ {
		if values[col] >= 2 && missing[col]*2 > values[col] {
			out = append(out, DroppedColumn{Table: t.Loc.Table, Col: col + 1, Header: header[col], Values: values[col], Missing: missing[col], Figures: unused[col]})
		}
	}
	return out
}

var totalWords = []string{"合计", "总计", "小计", "共计", "总额"}

func statesTotal(row []*document.TableCell) bool {
	for _, c := range row {
		t := model.Normalize(c.Text)
		for _, w := range totalWords {
			if strings.HasPrefix(t, w) || t == w {
				return true
			}
		}
	}
	return false
}

// carriedValues is what a reading's items hold: every field's normalized
// text and every amount in yuan.
type carriedValues struct {
	exact  map[string]bool
	fields []string
	long   []bool          // long[i]: fields[i] has two characters or more
	yuan   map[string]bool // big.Rat strings of amounts in yuan
	seen   map[string]bool // has() of a text already asked (no figure, not numbering)
}

func newCarried(items []model.LineItem) *carriedValues {
	cv := &carriedValues{exact: map[string]bool{}, yuan: map[string]bool{}, seen: map[string]bool{}}
	for _, it := range items {
		for _, f := range []string{it.ItemNo, it.Code, it.Name, it.AltName, it.GroupName, it.Description, it.Section,
			it.SourceCat, it.Purchaser, it.Organization, it.OrganizationCode, it.TargetGroup, it.RegionText,
			it.FundingText, it.Amount.Text, it.PeriodStart, it.PeriodEnd} {
			if f = model.Normalize(f); f != "" {
				cv.exact[f] = true
				if len(items) <= containmentLimit {
					cv.fields = append(cv.fields, f)
					cv.long = append(cv.long, utf8.RuneCountInString(f) >= 2)
				}
			}
		}
		if it.Amount.Yuan != nil {
			cv.yuan[new(big.Rat).SetInt64(*it.Amount.Yuan).RatString()] = true
		}
	}
	return cv
}

var units = []*big.Rat{big.NewRat(1, 1), big.NewRat(10000, 1), big.NewRat(100000000, 1)}

// figure parses a cell that holds only a number (thousands separators
// allowed) as an exact rational.
func figure(text string) (*big.Rat, bool) {
	n := strings.ReplaceAll(model.Normalize(text), ",", "")
	if n == "" {
		return nil, false
	}
	if _, err := strconv.ParseFloat(n, 64); err != nil {
		return nil, false
	}
	return new(big.Rat).SetString(n)
}

// has tells whether a cell's text reaches some item. A figure reaches one
// only as an amount (in 元, 万元 or 亿元), or, in a column of item numbers
// (numbering), as an item's number or code.
func (cv *carriedValues) has(text string, numbering bool) bool {
	t := model.Normalize(text)
	if v, ok := figure(text); ok {
		for _, u := range units {
			if cv.yuan[new(big.Rat).Mul(v, u).RatString()] {
				return true
			}
		}
		return numbering && cv.exact[t]
	}
	if cv.exact[t] {
		return true
	}
	if v, ok := cv.seen[t]; ok {
		return v
	}
	found := false
	for i, f := range cv.fields {
		if strings.Contains(f, t) || cv.long[i] && strings.Contains(t, f) {
			found = true
			break
		}
	}
	cv.seen[t] = found
	return found
}

// firstLineOf is the rendered line where table n starts, 0 when none.
func firstLineOf(d *document.Document, table int) int {
	for i, l := range d.LineLocs {
		if l.Table == table {
			return i + 1
		}
	}
	return 0
}
