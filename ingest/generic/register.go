package generic

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/ingest/facts"
	"fundscope/ingest/layouts"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// Name is the layout name of the generic reader.
const Name = "generic"

func init() {
	layouts.TextTables = func(d *document.Document) []*document.Table {
		var out []*document.Table
		for _, u := range units(d) {
			if u.kind == document.TableKind {
				out = append(out, u.table)
			}
		}
		return out
	}
	layouts.Register(layouts.Reader{
		Name: Name,
		Help: "any document: tables by their header words, prose and numbered sections by the amounts they state",
		Text: document.TSV,
		Read: Read,
		// its own text tables: every figure in them is an item, a total or unread with a reason
		FindsTextTables: true,
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
	all := units(d)
	for i, u := range all {
		if u.kind != document.TableKind {
			u.title = title != "" && u.norm == title
			prose = append(prose, u)
			continue
		}
		if metadataTable(u.table) {
			continue // a page's metadata block (索引号 | 文号 | 成文日期): facts, not projects
		}
		tr, l, ok := readTable(u, cols, captionOf(prose, u), footnoteOf(all, i), c, len(p.Items), prev)
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
	headlines(prose)
	if items, unread, rest, ok := readForms(prose, cols, c, len(p.Items)); ok {
		// a form: the money field is the amount; every other figure is listed, never read as an item
		tablesUnderForm(p, items[0].LineStart)
		for i := range items { // numbered after the items kept
			items[i].ItemNo = itoa(len(p.Items) + i + 1)
			items[i].ItemID = c.CatalogID + "#" + items[i].ItemNo
		}
		p.Items = append(p.Items, items...)
		p.Unread = append(p.Unread, unread...)
		var sum int64
		var scope []string
		for _, it := range items {
			if it.Amount.Yuan != nil {
				sum += *it.Amount.Yuan
			}
			scope = append(scope, it.ItemID)
		}
		for _, x := range proseCands(rest, ctx) {
			reason := x.reason
			if reason == "" && x.keyword && len(items) >= 2 && matches(x.span, sum) {
				// 合计拨付：21万元 after the forms: their stated total
				p.Totals = append(p.Totals, model.StatedTotal{Label: money.Clip(x.clause, 40), Kind: "document_total", Metric: model.MetricAmount,
					Stated: x.span.Yuan, Scope: scope, Line: x.line, Text: money.Clip(x.clause, 80), Rule: "form-total"})
				continue
			}
			if reason == "" {
				reason = "outside the form's money field"
			}
			p.Unread = append(p.Unread, model.Unread{Text: x.span.Text, Line: x.line, Location: x.loc, Reason: reason + ": " + money.Clip(x.clause, 60)})
		}
	} else {
		tableItems := len(p.Items)
		assemble(proseCands(prose, ctx), c, p)
		p.Warnings = append(p.Warnings, injected(prose)...)
		tableTotalRestated(p, tableItems)
	}
	creditCodes(p)
	p.Unread = append(p.Unread, finerAmounts(prose)...)
	for i := range p.Items {
		if o := loadedOrg(p.Items[i].Organization); o != p.Items[i].Organization {
			p.Items[i].Organization = o
			p.Warnings = append(p.Warnings, model.Warning{Line: p.Items[i].LineStart, Message: fmt.Sprintf("the organization of %s is masked in the text (rule org-masked): left empty", money.Clip(p.Items[i].Name, 30))})
		}
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

// usccRe is the shape of a 统一社会信用代码 (its check character is checked
// by the transforms: uscc_ok in store/schema.sql).
var usccRe = regexp.MustCompile(`[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}`)

// creditCodes gives an item the credit code printed in its organization's
// name or in its clause (甲协会（统一社会信用代码：51…）), when no column gave one.
func creditCodes(p *model.Parsed) {
	for i := range p.Items {
		it := &p.Items[i]
		if it.OrganizationCode != "" || it.Organization == "" {
			continue
		}
		for _, s := range []string{it.Organization, it.Description} {
			if m := usccRe.FindString(strings.ToUpper(model.Normalize(s))); m != "" {
				it.OrganizationCode = m
				break
			}
		}
	}
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

// footnoteOf is the short note right under table i (注：金额单位为万元), ""
// when the next unit is no such note.
func footnoteOf(us []unit, i int) string {
	if i+1 >= len(us) || us[i+1].kind == document.TableKind {
		return ""
	}
	n := us[i+1].norm
	if utf8.RuneCountInString(n) > 60 || !strings.Contains(n, "单位") && !strings.Contains(n, "單位") {
		return ""
	}
	return n
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

// tableTotalRestated turns a figure of the text around the tables (items[first:])
// that equals a table's total, or the sum of every table item, into that
// total stated again: it is reconciled with the table's items, never loaded
// as one more item beside them (rule total-restated).
func tableTotalRestated(p *model.Parsed, first int) {
	if first < 2 || len(p.Items) == first {
		return
	}
	table := p.Items[:first]
	ids := make([]string, 0, len(table))
	for _, it := range table {
		ids = append(ids, it.ItemID)
	}
	sum := sumOf(table)
	stated := map[int64]bool{sum: true}
	for _, t := range p.Totals {
		if t.Kind == "document_total" {
			stated[t.Stated] = true
		}
	}
	inScope := map[string]bool{}
	for _, t := range p.Totals {
		for _, id := range t.Scope {
			inScope[id] = true
		}
	}
	kept := p.Items[:first:first]
	for _, it := range p.Items[first:] {
		if it.Amount.Yuan == nil || !stated[*it.Amount.Yuan] || inScope[it.ItemID] || it.Amount.Kind != model.KindFixed {
			kept = append(kept, it)
			continue
		}
		p.Totals = append(p.Totals, model.StatedTotal{Label: "restated in the text: " + money.Clip(it.Name, 24), Kind: "document_total", Metric: model.MetricAmount,
			Stated: *it.Amount.Yuan, Scope: ids, Line: it.LineStart, Text: it.Amount.Text, SourceLocation: it.SourceLocation, Rule: "total-restated"})
	}
	p.Items = kept
}

// tablesUnderForm: a table printed below a form's first field (a
// performance table, a budget breakdown) is the detail of the form's
// project. Its rows are not projects and its figures never replace the
// form's fields: its amounts and totals are listed as unread.
func tablesUnderForm(p *model.Parsed, formLine int) {
	kept := p.Items[:0:0]
	under := 0
	first, last := 0, 0
	for _, it := range p.Items {
		if it.LineStart < formLine {
			kept = append(kept, it)
			continue
		}
		under++
		if first == 0 {
			first = it.LineStart
		}
		last = max(last, it.LineEnd)
		if it.Amount.Yuan != nil {
			p.Unread = append(p.Unread, model.Unread{Text: it.Amount.Text, Line: it.LineStart, Location: it.SourceLocation,
				Reason: "a row of a table under a form (the project's detail, not a project): " + money.Clip(it.Name, 40)})
		}
	}
	for i, u := range p.Unread {
		if u.Line >= formLine && u.Reason == "" {
			p.Unread[i].Reason = "in a table under a form (the project's detail, not its money field)"
		}
	}
	if under == 0 {
		return
	}
	p.Items = kept
	keptTotals := p.Totals[:0:0]
	for _, t := range p.Totals {
		if t.Line < formLine {
			keptTotals = append(keptTotals, t)
			continue
		}
		p.Unread = append(p.Unread, model.Unread{Text: t.Text, Line: t.Line, Location: t.SourceLocation, Reason: "a total of a table under a form (the project's detail): " + money.Clip(t.Label, 30)})
	}
	p.Totals = keptTotals
	p.Warnings = append(p.Warnings, model.Warning{Line: first, Message: fmt.Sprintf("lines %d–%d: a table under a form, %d rows read as the project's detail, not as projects", first, last, under)})
}

// finerAmounts lists the figures of the prose finer than one yuan
// (12,345.67元): integer yuan cannot hold them exactly, so none is loaded,
// and each is listed as unread rather than passed over in silence.
func finerAmounts(prose []unit) []model.Unread {
	var out []model.Unread
	for _, u := range prose {
		for _, s := range money.FindFinerSpans(fieldSlashes(u.norm)) {
			out = append(out, model.Unread{Text: s.Text, Line: u.line, Location: u.loc.String(), Reason: money.FinerReason})
		}
	}
	return out
}

// headlines marks as titles the headline lines a news page prints before
// its body (东莞28个社会组织申报项目将获520余万元资助, then 原标题：… and
// the report; rule title-headline): at the top, before the first line
// that ends a sentence, short, no form label, no list marker, and the
// figure inside the line, words after it. A figure in a headline is stated
// about the whole document, never a project's amount.
func headlines(us []unit) {
	for i := 0; i < len(us) && i < 8; i++ {
		u := &us[i]
		if u.kind != document.Paragraph {
			return
		}
		if strings.ContainsAny(u.norm, "。；;") {
			return // the body has begun
		}
		line := cutFolded(headlineLabelRe, u.norm) // 原标题：… (原標題：) restates the headline
		f := textfold.Han(line)
		spans := money.FindSpans(line)
		if len(spans) != 1 || utf8.RuneCountInString(line) > 60 || listMarkerRe.MatchString(f) || strings.ContainsAny(line, ":：|\t") {
			continue
		}
		if after := f[spans[0].End:]; utf8.RuneCountInString(strings.TrimSpace(after)) < 2 || !headlineTailRe.MatchString(after) {
			continue // 甲项目 5万元: a list line ends in its figure
		}
		u.title = true
	}
}

// headlineLabelRe: the label of a headline printed again (原标题：, 标题：).
var headlineLabelRe = regexp.MustCompile(`^(?:原标题|标题|题)[:：]\s*`)

// headlineTailRe: the words after a headline's figure (…将获520余万元资助,
// …3.12亿元福彩公益金惠及民生).
var headlineTailRe = regexp.MustCompile(`^\s*\p{Han}{2}`)
