// Package layouts holds the readers that turn a decoded document into line
// items and stated totals, one file per layout, each registered by name.
package layouts

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
)

// Reader reads one layout of document into line items and stated totals.
// Each reader lives in its own file and registers itself in init(); adding a
// layout means adding a file, never editing a list.
type Reader struct {
	Name string // the layout name a manifest entry uses
	Help string // one line: what documents this reader fits
	// Text is the convention the reader walks (document.Cells or
	// document.TSV): a docx, xlsx or HTML source is rendered in it first.
	Text string
	Read func(d *document.Document, c model.Catalog) (*model.Parsed, error)
	// FindsTextTables: the reader finds the tables a text document prints
	// and accounts for every figure in them itself (the generic reader);
	// for any other, the columns of those tables it leaves out are warned
	// about and their figures listed as unread.
	FindsTextTables bool
}

var registry = map[string]Reader{}

// Register makes a reader available under its name. It panics on a duplicate
// name, which is a programming error caught by any test.
func Register(r Reader) {
	if _, dup := registry[r.Name]; dup || r.Name == "" || r.Read == nil {
		panic("layouts: bad or duplicate registration " + r.Name)
	}
	registry[r.Name] = r
}

// Names lists the registered layouts in order.
func Names() []string {
	var names []string
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Known reports whether a layout of that name is registered.
func Known(name string) bool { _, ok := registry[name]; return ok }

// Help describes a layout in one line.
func Help(name string) string { return registry[name].Help }

// Parse reads a decoded document with the layout its catalog names.
func Parse(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	p, _, err := parse(d, c)
	return p, err
}

// parse is Parse, with the columns of the document's tables the reading
// leaves out (Dropped, when the layout finds no text tables of its own).
func parse(d *document.Document, c model.Catalog) (*model.Parsed, []DroppedColumn, error) {
	l, ok := registry[c.Layout]
	if !ok {
		return nil, nil, &model.ParseError{File: d.Path, Msg: fmt.Sprintf("unknown layout %q", c.Layout)}
	}
	convention := l.Text
	if convention == "" {
		convention = document.Cells
	}
	d = d.Render(convention)
	p, err := l.Read(d, c)
	if err != nil {
		return nil, nil, located(d, err)
	}
	for i := range p.Items {
		p.Items[i].SourceLocation = d.LocationOf(p.Items[i].LineStart, p.Items[i].LineEnd)
	}
	for i := range p.Totals {
		p.Totals[i].SourceLocation = d.LocationOf(p.Totals[i].Line, p.Totals[i].Line)
	}
	for i := range p.Warnings {
		p.Warnings[i].Location = d.LocationOf(p.Warnings[i].Line, p.Warnings[i].Line)
	}
	cols := dropped(d, p, !l.FindsTextTables)
	listed := map[string]bool{} // the cells the reader listed as unread itself, with its reason
	for _, u := range p.Unread {
		listed[u.Location] = true
	}
	for _, col := range cols {
		line := firstLineOf(d, col.Table)
		p.Warnings = append(p.Warnings, model.Warning{Line: line, Location: fmt.Sprintf("table %d column %d", col.Table, col.Col),
			Message: fmt.Sprintf("%s: the %s reader carries no field for this column, so its values are not loaded (fundscope detect shows the readers that keep it)", col, c.Layout)})
		for _, cell := range col.Figures {
			if listed[cell.Loc.String()] {
				continue
			}
			// a figure no item carries is an unread amount: never silent
			p.Unread = append(p.Unread, model.Unread{Text: cell.Text, Line: line, Location: cell.Loc.String() + " 「" + col.Header + "」"})
		}
	}
	if len(p.Items) == 0 {
		return nil, nil, &model.ParseError{File: d.Path, Msg: fmt.Sprintf("no line items found for layout %s (%s)", c.Layout, l.Help)}
	}
	seen := map[string]int{}
	for _, it := range p.Items {
		if prev, dup := seen[it.ItemID]; dup {
			return nil, nil, &model.ParseError{File: d.Path, Line: it.LineStart, Msg: fmt.Sprintf("item %s appears twice (first at line %d)", it.ItemID, prev)}
		}
		seen[it.ItemID] = it.LineStart
	}
	if l.FindsTextTables {
		cols = nil // not asked of its text tables, which it reads itself
	}
	return p, cols, nil
}

// itemID is the stable id: catalog id, then the printed code or number and sub-number.
func itemID(c model.Catalog, it model.LineItem) string {
	key := it.Code
	if key == "" {
		key = it.ItemNo
		if it.SubNo > 0 {
			key += "-" + strconv.Itoa(it.SubNo)
		}
	}
	return c.CatalogID + "#" + key
}

var (
	periodRe    = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日?\s*[-—–至到~]+\s*(\d{4})年(\d{1,2})月(\d{1,2})日`)
	isoPeriodRe = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})\s*[-—–至到~]+\s*(\d{4})-(\d{1,2})-(\d{1,2})`)
	deadlineRe  = regexp.MustCompile(`(?:截止时间为|完成时间为?|截止于)(\d{4})年(\d{1,2})月(\d{1,2})日`)
	fundingRes  = []*regexp.Regexp{
		regexp.MustCompile(`资金来源[^。]*?由([^，。,]+?)(?:支付|列支|安排|承担)`),
		regexp.MustCompile(`项目资金由([^，。,]+?)(?:支付|列支|安排|承担)`),
		regexp.MustCompile(`利用([^，。,]{2,20}?资金)`),
	}
)

func ymd(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	return fmt.Sprintf("%s-%02d-%02d", y, mi, di)
}

// parsePeriod reads "2024年6月1日-2025年4月30日" into start and end dates.
func parsePeriod(s string) (start, end string) {
	if m := periodRe.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3]), ymd(m[4], m[5], m[6])
	}
	if m := isoPeriodRe.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3]), ymd(m[4], m[5], m[6])
	}
	if m := deadlineRe.FindStringSubmatch(s); m != nil {
		return "", ymd(m[1], m[2], m[3])
	}
	return "", ""
}

// findFundingInProse finds the funding source a document names in a sentence
// (资金来源…由X支付, 利用X资金), searching lines [from, to].
func findFundingInProse(d *document.Document, from, to int) (string, int) {
	for _, re := range fundingRes {
		for n := from; n <= to && n <= len(d.Lines); n++ {
			if m := re.FindStringSubmatch(model.Normalize(d.Line(n))); m != nil {
				return m[1], n
			}
		}
	}
	return "", 0
}

// amountOrMissing parses an amount; a text with none gives a NULL amount of kind unknown.
func amountOrMissing(d *document.Document, line int, text, bareUnit string) (model.Amount, error) {
	a, err := money.Parse(text, bareUnit)
	if err == money.ErrNoAmount {
		return model.Amount{Text: strings.TrimSpace(text), Kind: model.KindUnknown}, nil
	}
	if err != nil {
		return a, d.Errorf(line, "%v", err)
	}
	return a, nil
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// columnIndex finds the header cell that contains any of the keywords.
func columnIndex(header []string, keywords ...string) int {
	for i, h := range header {
		for _, k := range keywords {
			if strings.Contains(h, k) {
				return i
			}
		}
	}
	return -1
}

// located rewrites a reader's error on a rendered line of a structured source
// to name the place in the source's own terms.
func located(d *document.Document, err error) error {
	var pe *model.ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		if loc := d.LocationOf(pe.Line, pe.Line); loc != "" {
			return &model.ParseError{File: pe.File, Msg: loc + ": " + pe.Msg}
		}
	}
	return err
}
