// Package generic holds the readers that need no per-layout code: a table
// reader that assigns column roles from a lexicon, and a prose reader that
// reads amounts from sentences and numbered sections. Both report every
// amount-looking span they did not use (unread), with the reason when a rule
// set it aside. The lexicons are data files under data/lexicon.
package generic

import (
	"html"
	"regexp"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// pinyinRe is romanization debris some reposts inject after characters
// (機(jī)構, 其(qi)他): folded away for reading, the printed text is kept.
var pinyinRe = regexp.MustCompile(`(\p{Han})\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)`)

// norm is the text the generic readers match on: model.Normalize, without
// pinyin debris.
func norm(s string) string {
	return pinyinRe.ReplaceAllString(model.Normalize(s), "$1")
}

// unit is one block of a document as the generic readers walk it: a
// paragraph (or heading, or list item) or a table, with the line of the
// TSV rendering where it starts.
type unit struct {
	kind  string // document.Paragraph, Heading, ListItem or TableKind
	text  string // printed text of a paragraph
	norm  string // model.Normalize(text)
	table *document.Table
	line  int  // first line in the TSV rendering (or the text file)
	title bool // the document's title: a figure in it is stated about the whole document
	loc   document.Location
}

// units lays a document out as blocks. A structured document (docx, xlsx,
// HTML, PDF) has its blocks; a text document is split into paragraphs (one
// per non-blank line) and the tables the text conventions of texttables.go
// find.
func units(d *document.Document) []unit {
	return d.Memo("generic.units", func() any { return layOut(d) }).([]unit)
}

// layOut is units, worked out.
func layOut(d *document.Document) []unit {
	if len(d.Blocks) == 0 {
		return captionUnitLists(textUnits(pageEntities(d.Lines)))
	}
	var out []unit
	line := 1
	for _, b := range d.Blocks {
		u := unit{kind: b.Kind, line: line, loc: b.Loc}
		if b.Kind == document.TableKind {
			u.table = b.Table
			line += len(b.Table.Rows)
		} else {
			u.text = b.Text
			u.norm = norm(b.Text)
			line += strings.Count(b.Text, "\n") + 1
		}
		out = append(out, u)
	}
	return captionUnitLists(out)
}

// bareListLineRe is a list line that ends in a bare figure (1. 养老服务 120,
// 合计 200): the name, then the number alone.
var bareListLineRe = regexp.MustCompile(`^(?:[一二三四五六七八九十\d]+[、.．)）]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*)?\p{Han}[^\d]{0,40}?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`)

// captionUnitLists reads the bare figures of a list printed under a line
// stating the unit (（单位：万元） then 1. 养老服务 120 / 2. 儿童福利 60 /
// 合计 180) in that unit (rule caption-unit-list in amount_context.csv):
// the unit is written after each figure in the normalized text the
// readers see; the printed text stays as it is. At least two lines in a
// row, none stating a unit of its own; the list ends at the first line that
// is no such line.
func captionUnitLists(us []unit) []unit {
	for i := 0; i < len(us); i++ {
		if us[i].kind == document.TableKind {
			continue
		}
		m := unitCaptionRe.FindStringSubmatch(textfold.Han(us[i].norm))
		if m == nil {
			continue
		}
		end := i + 1
		for end < len(us) && us[end].kind != document.TableKind && bareListLineRe.MatchString(us[end].norm) && len(money.FindSpans(us[end].norm)) == 0 {
			end++
		}
		if end-i-1 < 2 {
			continue
		}
		for k := i + 1; k < end; k++ {
			us[k].norm += m[1]
		}
		i = end - 1
	}
	return us
}

func textUnits(lines []string) []unit {
	cols, _, _ := lexicons()
	var out []unit
	for i := 0; i < len(lines); i++ {
		if t, end := findTextTable(lines, i, cols); t != nil {
			out = append(out, unit{kind: document.TableKind, table: t, line: i + 1, loc: t.Loc})
			i = end - 1
			continue
		}
		t := mdHeadingRe.ReplaceAllString(strings.TrimSpace(lines[i]), "")
		if t == "" {
			continue
		}
		loc := document.Location{LineStart: i + 1}
		if j := nextTextLine(lines, i); j > 0 && unitWrapped(t, lines[j]) {
			// 资助金额2 / 万元: the figure's unit wrapped onto the next line
			// (rule text-unit-wrapped); one paragraph of both lines
			t += strings.TrimSpace(lines[j])
			loc.LineEnd = j + 1
			i = j
		}
		out = append(out, unit{kind: document.Paragraph, text: t, norm: norm(t), line: loc.LineStart, loc: loc})
	}
	return out
}

// unitLeadRe is a line that starts with a money unit (万元, 元整, 亿元。…).
var unitLeadRe = regexp.MustCompile(`^(?:[万萬亿億]?元|[万萬亿億])(?:$|[^\p{Han}\d]|整|人民币|，|。)`)

// unitWrapped reports whether a line ending in a digit has its figure's
// unit at the start of the next line, as a copy of a page or a converter
// wraps a long line (资助金额2 / 万元).
func unitWrapped(line, next string) bool {
	n := model.Normalize(strings.TrimSpace(next))
	l := model.Normalize(line)
	if l == "" || l[len(l)-1] < '0' || l[len(l)-1] > '9' {
		return false
	}
	return unitLeadRe.MatchString(textfold.Han(n))
}

// nextTextLine is the next line after i that is not blank, within one
// blank line; 0 when there is none.
func nextTextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return 0
}

// findTextTable is the table the first convention that reads one finds at
// line i, marked with the convention's rule id; nil when none does.
func findTextTable(lines []string, i int, cols []rule) (*document.Table, int) {
	for _, c := range textConventions {
		if t, end := c.find(lines, i, cols); t != nil && end > i {
			t.Convention = c.id
			return t, end
		}
	}
	return nil, i
}

var (
	mdHeadingRe   = regexp.MustCompile(`^#{1,6}\s+`)
	mdDelimiterRe = regexp.MustCompile(`^\s*:?-{3,}:?\s*$`)
)

// mdDelimiterRow reports whether the fields of a line are a Markdown
// table's delimiter row (---, :---:, ---:).
func mdDelimiterRow(fields []string) bool {
	for _, f := range fields {
		if !mdDelimiterRe.MatchString(f) {
			return false
		}
	}
	return len(fields) > 0
}

// entityRe is an HTML character reference left in text copied from a web
// page's source (12&nbsp;万元, &ensp;, &#20803;, &amp;).
var entityRe = regexp.MustCompile(`&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});`)

// pageEntities decodes the HTML character references of a text document's
// lines (rule text-html-entities): 12&nbsp;万元 is 12万元 and a figure, not
// two words and a stop; a reference to a line break stays on its line.
func pageEntities(lines []string) []string {
	var out []string
	for i, l := range lines {
		if !strings.Contains(l, "&") || !entityRe.MatchString(l) {
			continue
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		out[i] = strings.NewReplacer("\n", " ", "\r", " ").Replace(html.UnescapeString(l))
	}
	if out == nil {
		return lines
	}
	return out
}
