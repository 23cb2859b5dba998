package generic

import (
	"fmt"
	"strings"

	"fundscope/ingest/document"
	"fundscope/ingest/facts"
	"fundscope/ingest/layouts"
	"fundscope/model"
	"fundscope/money"
)

// Name is the layout name of the generic reader.
const Name = "generic"

func init() {
	layouts.Register(layouts.Reader{
		Name: Name,
		Help: "any document: tables by their header words, prose and numbered sections by the amounts they state",
		Text: document.TSV,
		Read: Read,
	})
}

// Read reads a document (rendered in the TSV convention) with no knowledge
// of its layout: tables by column roles, prose by the words around amounts.
func Read(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	cols, ctx, err := lexicons()
	if err != nil {
		return nil, err
	}
	p := &model.Parsed{}
	var prose []unit
	var prev *tableLayout
	miss, missLine := "", 0 // the first table that came near, for the message when nothing is read
	title := norm(c.Title)
	for _, u := range units(d) {
		if u.kind != document.TableKind {
			u.title = title != "" && u.norm == title
			prose = append(prose, u)
			continue
		}
		if metadataTable(u.table) {
			continue // a page's metadata block (索引号 | 文号 | 成文日期): facts, not projects
		}
		tr, l, ok := readTable(u, cols, captionOf(prose, u), c, len(p.Items), prev)
		prev = l
		if ok {
			p.Items = append(p.Items, tr.items...)
			p.Totals = append(p.Totals, tr.totals...)
			p.Warnings = append(p.Warnings, tr.warns...)
			p.Unread = append(p.Unread, tr.unread...)
			continue
		}
		if m, line := missOf(u, cols); m != "" && missLine == 0 {
			miss, missLine = m, line
		}
		// a table without a header the lexicon knows: its rows are read as prose
		for r, row := range u.table.Rows {
			var cells []string
			for _, cell := range row {
				if t := strings.TrimSpace(cell.Text); t != "" {
					cells = append(cells, t)
				}
			}
			text := strings.Join(cells, " ")
			loc := u.table.Loc
			loc.Row = r + 1
			prose = append(prose, unit{kind: document.Paragraph, text: text, norm: model.Normalize(text), line: u.line + r, loc: loc})
		}
	}
	if items, unread, rest, ok := readForms(prose, cols, c, len(p.Items)); ok {
		// a form: the money field is the amount; every other figure is listed, never read as an item
		p.Items = append(p.Items, items...)
		p.Unread = append(p.Unread, unread...)
		for _, x := range proseCands(rest, ctx) {
			reason := x.reason
			if reason == "" {
				reason = "outside the form's money field"
			}
			p.Unread = append(p.Unread, model.Unread{Text: x.span.Text, Line: x.line, Location: x.loc, Reason: reason + ": " + money.Clip(x.clause, 60)})
		}
	} else {
		assemble(proseCands(prose, ctx), c, p)
		p.Warnings = append(p.Warnings, injected(prose)...)
	}
	p.Confidence = confidence(p)
	if len(p.Items) == 0 && len(p.Totals) == 0 && len(p.Unread) == 0 {
		// nothing that looks like money was found: say what came nearest
		msg := "no line items: no table has a header naming a name and an amount column, and no paragraph states an amount in 元, 万元 or 亿元"
		if miss != "" {
			msg = "no line items: " + miss
		}
		return nil, &model.ParseError{File: d.Path, Line: missLine, Msg: msg}
	}
	return p, nil
}

// captionOf is the text a table's unit may be stated in: the paragraphs
// just before it (单位：万元) and its own first row.
func captionOf(before []unit, u unit) string {
	var parts []string
	for i := max(0, len(before)-3); i < len(before); i++ {
		parts = append(parts, before[i].norm)
	}
	if len(u.table.Rows) > 0 {
		for _, c := range u.table.Rows[0] {
			parts = append(parts, model.Normalize(c.Text))
		}
	}
	return strings.Join(parts, " ")
}

// confidence is how much of what looks like money the reading accounts for,
// raised when stated totals reconcile and lowered when they do not.
func confidence(p *model.Parsed) float64 {
	used := len(p.Items) + len(p.Totals)
	unexplained := 0
	for _, u := range p.Unread {
		if u.Reason == "" {
			unexplained++
		}
	}
	if used == 0 {
		return 0
	}
	conf := float64(used) / float64(used+unexplained)
	byID := map[string]int64{}
	for _, it := range p.Items {
		if it.Amount.Yuan != nil {
			byID[it.ItemID] = *it.Amount.Yuan
		}
	}
	for _, t := range p.Totals {
		var sum int64
		for _, id := range t.Scope {
			sum += byID[id]
		}
		if sum == t.Stated {
			conf += 0.1
		} else {
			conf -= 0.2
		}
	}
	return min(max(conf, 0), 1)
}

// metadataTable reports whether a table is a page's metadata block.
func metadataTable(t *document.Table) bool {
	var rows [][]string
	for _, r := range t.Rows {
		var cells []string
		for _, c := range r {
			if c != nil && strings.TrimSpace(c.Text) != "" {
				cells = append(cells, c.Text)
			}
		}
		rows = append(rows, cells)
	}
	return facts.IsMetadataTable(rows)
}

// injected warns of a line between two items of one numbered list that is
// no item (an editor's note, a page footer): each neighbour is a numbered
// line of the same marker style stating an amount, the line between states
// none. It is read as nothing.
func injected(us []unit) []model.Warning {
	var out []model.Warning
	item := func(u unit) string {
		if u.kind == document.TableKind || len(money.FindSpans(u.norm)) == 0 {
			return ""
		}
		return markerStyle(listMarkerRe.FindString(u.norm))
	}
	for i := 1; i+1 < len(us); i++ {
		u := us[i]
		if u.kind == document.TableKind || listMarkerRe.MatchString(u.norm) || len(money.FindSpans(u.norm)) > 0 {
			continue
		}
		if s := item(us[i-1]); s != "" && s == item(us[i+1]) {
			out = append(out, model.Warning{Line: u.line, Message: fmt.Sprintf("%q stands between two items of a numbered list and is no item: skipped", money.Clip(u.text, 40))})
		}
	}
	return out
}
