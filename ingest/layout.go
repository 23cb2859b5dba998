package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type layoutFunc func(d *Document, c Catalog) (*Parsed, error)

// layouts maps the layout names a manifest entry may use to their readers.
var layouts = map[string]struct {
	read layoutFunc
	help string
}{
	"cell-table":     {parseCellTable, "docx table, one tab-indented cell per line; numbered rows with blank-numbered sub-rows; amounts inside prose cells (宁波)"},
	"cell-guideline": {parseCellGuideline, "docx guideline table, one cell per line, category rows (一、二…), project codes, no amounts (房山)"},
	"tsv-table":      {parseTSVTable, "tab-separated table with a header row; blank cells carried down from the row above (普陀)"},
	"venture-forms":  {parseVentureForms, "summary tables per category plus one release form per project headed 项目编号：【…】 (杭州)"},
	"prose-notice":   {parseProseNotice, "a notice describing one project in prose: amount, place, target and funding source in labelled sentences (沙坡头)"},
}

// LayoutNames lists the known layouts in order.
func LayoutNames() []string {
	var names []string
	for n := range layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LayoutHelp describes a layout in one line.
func LayoutHelp(name string) string { return layouts[name].help }

// Parse reads a decoded document with the layout its catalog names.
func Parse(d *Document, c Catalog) (*Parsed, error) {
	l, ok := layouts[c.Layout]
	if !ok {
		return nil, &ParseError{File: d.Path, Msg: fmt.Sprintf("unknown layout %q", c.Layout)}
	}
	p, err := l.read(d, c)
	if err != nil {
		return nil, err
	}
	if len(p.Items) == 0 {
		return nil, &ParseError{File: d.Path, Msg: fmt.Sprintf("no line items found for layout %s (%s)", c.Layout, l.help)}
	}
	seen := map[string]int{}
	for _, it := range p.Items {
		if prev, dup := seen[it.ItemID]; dup {
			return nil, &ParseError{File: d.Path, Line: it.LineStart, Msg: fmt.Sprintf("item %s appears twice (first at line %d)", it.ItemID, prev)}
		}
		seen[it.ItemID] = it.LineStart
	}
	return p, nil
}

// itemID is the stable id: catalog id, then the printed code or number and sub-number.
func itemID(c Catalog, it LineItem) string {
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
	dateRe      = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)
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
func findFundingInProse(d *Document, from, to int) (string, int) {
	for _, re := range fundingRes {
		for n := from; n <= to && n <= len(d.Lines); n++ {
			if m := re.FindStringSubmatch(Normalize(d.Line(n))); m != nil {
				return m[1], n
			}
		}
	}
	return "", 0
}

// amountOrMissing parses an amount; a text with none gives a NULL amount of kind unknown.
func amountOrMissing(d *Document, line int, text, bareUnit string) (Amount, error) {
	a, err := ParseAmount(text, bareUnit)
	if err == ErrNoAmount {
		return Amount{Text: strings.TrimSpace(text), Kind: KindUnknown}, nil
	}
	if err != nil {
		return a, d.errorf(line, "%v", err)
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
