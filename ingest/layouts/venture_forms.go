package layouts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
)

func init() {
	Register(Reader{Name: "venture-forms", Help: "summary tables per category plus one release form per project headed 项目编号：【…】 (杭州)", Read: parseVentureForms})
}

var (
	headingRe = regexp.MustCompile(`项目编号[:：]\s*【(\w+)】(.+?)(\d+(?:\.\d+)?)万元\s*$`)
	// A table-of-contents entry: the heading, then its page number after a
	// tab, dot leaders or spaces (Word's text has a tab; HTML and PDF do not).
	tocEntryRe = regexp.MustCompile(`^\s*项目编号[:：]\s*【(\w+)】(.+?)(\d+(?:\.\d+)?)万元[\s.…·]+\d+\s*$`)
	formTitle  = regexp.MustCompile(`^\d{4}年.*项目发布表$`)
	groupsRe   = regexp.MustCompile(`(\d+)个大项目`)
	subItemsRe = regexp.MustCompile(`(\d+)个(?:子|小)项目`)
	poolRe     = regexp.MustCompile(`([^\d；;，,。、]+?)(\d+(?:\.\d+)?)万元`)
)

type marker struct {
	kind  string // summary | toc | tocEntry | heading | form
	line  int
	text  string
	match []string
}

// scanMarkers finds the lines that open a block of a release document.
func scanMarkers(d *document.Document) []marker {
	var ms []marker
	for n := 1; n <= len(d.Lines); n++ {
		raw := document.CleanLine(d.Line(n))
		if strings.HasPrefix(raw, "\t") {
			continue
		}
		t := strings.TrimSpace(raw)
		switch {
		case tocEntryRe.MatchString(raw):
			ms = append(ms, marker{"tocEntry", n, t, tocEntryRe.FindStringSubmatch(raw)})
		case headingRe.MatchString(t):
			ms = append(ms, marker{"heading", n, t, headingRe.FindStringSubmatch(t)})
		case strings.HasSuffix(t, "汇总表") && len([]rune(t)) < 40:
			ms = append(ms, marker{"summary", n, t, nil})
		case t == "目录":
			ms = append(ms, marker{"toc", n, t, nil})
		case formTitle.MatchString(t):
			ms = append(ms, marker{"form", n, t, nil})
		}
	}
	return ms
}

type summaryRow struct {
	cells  []document.Cell
	seq    int
	amount model.Amount
	pool   string          // pool cell text, "" when blank or absent
	middle []document.Cell // cells between 序号 and the amount
	line   int
	end    int
}

type pool struct {
	source string
	amount *int64
	text   string
	line   int
	row    int // index of the row that prints it
}

type form struct {
	code, headingName string
	headingAmount     string
	headingLine       int
	line, end         int
	fields            map[string]document.Cell
}

// parseVentureForms reads a venture-philanthropy release: per category a
// summary table (序号, 项目名称, 项目说明, 最高资助资金合计, 资金来源 with pools
// that span rows), an optional table of contents, then one release form per
// project. Summary rows and forms are matched by order within the category and
// checked by amount; codes come from the 项目编号 heading or, where a form has
// none, from the table of contents by name.
func parseVentureForms(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	ms := scanMarkers(d)
	end := func(i int) int {
		if i+1 < len(ms) {
			return ms[i+1].line - 1
		}
		return len(d.Lines)
	}
	p := &model.Parsed{}
	type section struct {
		title string
		line  int
		rows  []summaryRow
		total []document.Cell
		forms []form
		toc   [][]string
	}
	var sections []*section
	var pendingHeading *marker
	for i, m := range ms {
		switch m.kind {
		case "summary":
			s := &section{title: m.text, line: m.line}
			rows, total, err := readSummary(d, m.line+1, end(i))
			if err != nil {
				return nil, err
			}
			s.rows, s.total = rows, total
			sections = append(sections, s)
			pendingHeading = nil
		case "tocEntry":
			if len(sections) > 0 {
				s := sections[len(sections)-1]
				s.toc = append(s.toc, append(m.match, strconv.Itoa(m.line)))
			}
		case "heading":
			mm := m
			pendingHeading = &mm
		case "form":
			if len(sections) == 0 {
				return nil, d.Errorf(m.line, "release form before any summary table (…汇总表)")
			}
			f := form{line: m.line, end: end(i), fields: map[string]document.Cell{}}
			if pendingHeading != nil {
				f.code, f.headingName, f.headingAmount, f.headingLine = pendingHeading.match[1], strings.TrimSpace(pendingHeading.match[2]), pendingHeading.match[3], pendingHeading.line
				pendingHeading = nil
			}
			cells := document.ReadCells(d, m.line+1, f.end)
			for k := 0; k+1 < len(cells); k++ {
				label := model.Normalize(cells[k].Flat())
				if formLabels[label] {
					f.fields[label] = cells[k+1]
					k++
				}
			}
			if _, ok := f.fields["项目名称"]; !ok {
				return nil, d.Errorf(m.line, "release form has no 项目名称 cell")
			}
			s := sections[len(sections)-1]
			s.forms = append(s.forms, f)
		}
	}
	if len(sections) == 0 {
		return nil, d.Errorf(1, "no summary table found: expected a heading line ending in 汇总表")
	}
	for _, s := range sections {
		if err := assignCodesFromTOC(d, s.forms, s.toc); err != nil {
			return nil, err
		}
		if len(s.rows) != len(s.forms) {
			return nil, d.Errorf(s.line, "summary table %s lists %d projects but %d release forms follow it", s.title, len(s.rows), len(s.forms))
		}
		cat := strings.TrimSuffix(strings.TrimSuffix(s.title, "汇总表"), "项目发布")
		pools, err := assignPools(d, s.title, s.rows)
		if err != nil {
			return nil, err
		}
		var ids []string
		first := len(p.Items)
		group := ""
		for k, r := range s.rows {
			f := s.forms[k]
			if f.code == "" {
				return nil, d.Errorf(f.line, "release form %q has no 项目编号 heading and no table-of-contents entry", f.fields["项目名称"].Flat())
			}
			if g := strings.TrimSpace(r.middle[0].Flat()); g != "" {
				group = g
			}
			var printed []string
			for _, mc := range r.middle {
				if t := strings.TrimSpace(mc.Flat()); t != "" {
					printed = append(printed, t)
				}
			}
			it := model.LineItem{
				ItemNo:      strconv.Itoa(r.seq),
				Code:        f.code,
				Name:        strings.TrimSpace(f.fields["项目名称"].Flat()),
				AltName:     strings.Join(printed, " | "),
				GroupName:   group,
				Description: strings.TrimSpace(f.fields["项目简介和目标"].Text),
				Section:     s.title,
				SourceCat:   cat,
				TargetGroup: strings.TrimSpace(f.fields["主要服务对象"].Text),
				Amount:      r.amount,
				FundingText: pools[k].source,
				FundingLine: pools[k].line,
				LineStart:   r.line,
				LineEnd:     r.end,
				DetailStart: f.line,
				DetailEnd:   f.end,
			}
			if f.headingLine > 0 {
				it.DetailStart = f.headingLine
			}
			if rc, ok := f.fields["项目实施区域"]; ok {
				it.RegionText, it.RegionLine = strings.TrimSpace(rc.Flat()), rc.Line
			}
			if pc, ok := f.fields["项目周期"]; ok {
				it.PeriodStart, it.PeriodEnd = parsePeriod(model.Normalize(pc.Text))
			}
			it.ItemID = itemID(c, it)
			ids = append(ids, it.ItemID)
			p.Items = append(p.Items, it)
			// The release form restates the amount twice: in its heading and in its cell.
			if f.headingAmount != "" {
				if a, err := money.Parse(f.headingAmount+"万元", ""); err == nil {
					p.Totals = append(p.Totals, model.StatedTotal{Label: "发布表标题 【" + f.code + "】", Kind: "crosscheck", Metric: model.MetricAmount, Stated: *a.Yuan, Scope: []string{it.ItemID}, Line: f.headingLine, Text: f.headingName + f.headingAmount + "万元"})
				}
			}
			if ac, ok := f.fields["项目最高资助资金(万元)"]; ok {
				a, err := money.Parse(ac.Flat(), "万元")
				if err != nil {
					return nil, d.Errorf(ac.Line, "release form 【%s】 最高资助资金: %v", f.code, err)
				}
				p.Totals = append(p.Totals, model.StatedTotal{Label: "发布表 项目最高资助资金 【" + f.code + "】", Kind: "crosscheck", Metric: model.MetricAmount, Stated: *a.Yuan, Scope: []string{it.ItemID}, Line: ac.Line, Text: ac.Flat()})
			}
			if !strings.Contains(model.Normalize(it.AltName), model.Normalize(it.Name)) && !strings.Contains(model.Normalize(it.Name), model.Normalize(lastOf(printed))) {
				p.Warnings = append(p.Warnings, model.Warning{Line: r.line, Message: fmt.Sprintf("summary row %d reads %q, its release form 【%s】 names it %q; both kept (matched by order and amount)", r.seq, it.AltName, f.code, it.Name)})
			}
		}
		// Pools: each states the sum of the rows the running sums gave it.
		for _, pl := range pools.distinct() {
			if pl.amount == nil {
				continue
			}
			var scope []string
			for k := range s.rows {
				if pools[k] == pl {
					scope = append(scope, p.Items[first+k].ItemID)
				}
			}
			p.Totals = append(p.Totals, model.StatedTotal{Label: s.title + " 资金来源 " + pl.text, Kind: "pool", Metric: model.MetricAmount, Stated: *pl.amount, Scope: scope, Line: pl.line, Text: pl.text})
		}
		if s.total != nil {
			p.Totals = append(p.Totals, totalRow(d, s.title, s.total, p.Items[first:], ids)...)
		}
		warnCodeGaps(p, s.forms)
	}
	return p, nil
}

var formLabels = map[string]bool{
	"项目名称": true, "项目类别": true, "项目简介和目标": true, "主要服务对象": true, "服务人数/人次": true,
	"项目主要活动和基本产出": true, "项目最高资助资金(万元)": true, "项目实施区域": true, "项目周期": true,
	"申报项目基本条件": true, "其它说明": true, "其他说明": true,
}

// readSummary reads a summary table: header cells up to the first "1", then
// rows that each begin with the next 序号, then the 合计 row.
func readSummary(d *document.Document, from, to int) ([]summaryRow, []document.Cell, error) {
	cells := document.ReadCells(d, from, to)
	h := 0
	for h < len(cells) && model.Normalize(cells[h].Flat()) != "1" {
		h++
	}
	if h == len(cells) || h < 4 {
		return nil, nil, d.Errorf(from, "summary table has no header followed by a row numbered 1")
	}
	var rows [][]document.Cell
	var total []document.Cell
	next := 1
	for _, c := range cells[h:] {
		f := model.Normalize(c.Flat())
		switch {
		case f == strconv.Itoa(next) && total == nil:
			rows = append(rows, []document.Cell{c})
			next++
		case strings.HasPrefix(f, "合计"):
			total = []document.Cell{c}
		case total != nil:
			total = append(total, c)
		default:
			rows[len(rows)-1] = append(rows[len(rows)-1], c)
		}
	}
	var out []summaryRow
	for i, cs := range rows {
		r := summaryRow{cells: cs, seq: i + 1, line: cs[0].Line, end: cs[len(cs)-1].EndLine}
		last := len(cs)
		if len(cs) >= h {
			r.pool = strings.TrimSpace(cs[len(cs)-1].Flat())
			last = len(cs) - 1
		}
		ai := -1
		for k := last - 1; k >= 1; k-- {
			if money.IsBareNumber(model.Normalize(cs[k].Flat())) {
				ai = k
				break
			}
		}
		if ai < 2 {
			return nil, nil, d.Errorf(r.line, "summary row %d has no amount cell (a number of 万元 after the project name)", r.seq)
		}
		a, err := money.Parse(cs[ai].Flat(), "万元")
		if err != nil {
			return nil, nil, d.Errorf(cs[ai].Line, "%v", err)
		}
		a.Kind = model.KindCap // the column is 最高资助资金
		r.amount = a
		r.middle = cs[1:ai]
		out = append(out, r)
	}
	return out, total, nil
}

type poolAssignment []*pool

func (pa poolAssignment) distinct() []*pool {
	var out []*pool
	for i, p := range pa {
		if i == 0 || pa[i-1] != p {
			out = append(out, p)
		}
	}
	return out
}

// assignPools gives every row its funding source. Pools with an amount
// ("福彩金 87万元") take consecutive rows until their running sum equals the
// amount; a pool with no amount takes the rows up to the next pool's label.
// When no partition fits, it fails and names the pool.
func assignPools(d *document.Document, title string, rows []summaryRow) (poolAssignment, error) {
	var pools []*pool
	for i, r := range rows {
		if r.pool == "" {
			continue
		}
		text := model.Normalize(r.pool)
		pl := &pool{text: text, line: r.cells[len(r.cells)-1].Line, row: i}
		if m := poolRe.FindStringSubmatch(text); m != nil && m[0] == text {
			a, err := money.Parse(m[2]+"万元", "")
			if err != nil {
				return nil, d.Errorf(pl.line, "funding pool %q: %v", text, err)
			}
			pl.source, pl.amount = m[1], a.Yuan
		} else if !strings.ContainsAny(text, "0123456789") {
			pl.source = text
		} else {
			return nil, d.Errorf(pl.line, "funding pool %q: expected a source name optionally followed by an amount in 万元", text)
		}
		pools = append(pools, pl)
	}
	if len(pools) == 0 {
		return nil, d.Errorf(rows[0].line, "summary table %s names no funding source (资金来源)", title)
	}
	out := make(poolAssignment, len(rows))
	pi := 0
	var acc int64
	for i, r := range rows {
		if pi >= len(pools) {
			return nil, d.Errorf(r.line, "no funding-source pool fits: row %d is left over after the pools of %s are used up (pools: %s)", r.seq, title, poolList(pools))
		}
		pl := pools[pi]
		if pl.amount == nil {
			if pi+1 < len(pools) && i >= pools[pi+1].row {
				pi++
				pl = pools[pi]
			}
		}
		out[i] = pl
		if pl.amount == nil {
			continue
		}
		if r.amount.Yuan == nil {
			return nil, d.Errorf(r.line, "row %d has no amount, so pool %s cannot be split by running sums", r.seq, pl.text)
		}
		acc += *r.amount.Yuan
		switch {
		case acc == *pl.amount:
			pi++
			acc = 0
		case acc > *pl.amount:
			return nil, d.Errorf(pl.line, "no funding-source partition fits: running sum reaches %s万元 at row %d, past pool %s (pools: %s)", money.FormatWan(acc), r.seq, pl.text, poolList(pools))
		}
	}
	if acc != 0 || (pi < len(pools) && pools[pi].amount != nil) {
		pl := pools[min(pi, len(pools)-1)]
		return nil, d.Errorf(pl.line, "no funding-source partition fits: pool %s is left with rows summing to %s万元 (pools: %s)", pl.text, money.FormatWan(acc), poolList(pools))
	}
	return out, nil
}

func poolList(pools []*pool) string {
	var s []string
	for _, p := range pools {
		s = append(s, p.text)
	}
	return strings.Join(s, ", ")
}

// totalRow turns the 合计 row into stated totals: amount, counts of groups and
// sub-projects, and per-source amounts.
func totalRow(d *document.Document, title string, cells []document.Cell, items []model.LineItem, ids []string) []model.StatedTotal {
	label := model.Normalize(cells[0].Flat())
	line := cells[0].Line
	var out []model.StatedTotal
	if m := groupsRe.FindStringSubmatch(label); m != nil {
		out = append(out, model.StatedTotal{Label: title + " " + label + "（大项目数）", Kind: "document_total", Metric: model.MetricGroups, Stated: atoi64(m[1]), Scope: ids, Line: line, Text: label})
	}
	if m := subItemsRe.FindStringSubmatch(label); m != nil {
		out = append(out, model.StatedTotal{Label: title + " " + label + "（子项目数）", Kind: "document_total", Metric: model.MetricItems, Stated: atoi64(m[1]), Scope: ids, Line: line, Text: label})
	}
	for _, c := range cells[1:] {
		f := model.Normalize(c.Flat())
		if money.IsBareNumber(f) {
			if a, err := money.Parse(f, "万元"); err == nil {
				out = append(out, model.StatedTotal{Label: title + " 合计金额", Kind: "document_total", Metric: model.MetricAmount, Stated: *a.Yuan, Scope: ids, Line: c.Line, Text: f})
			}
			continue
		}
		for _, m := range poolRe.FindAllStringSubmatch(f, -1) {
			a, err := money.Parse(m[2]+"万元", "")
			if err != nil {
				continue
			}
			var scope []string
			for _, it := range items {
				if model.Normalize(it.FundingText) == m[1] {
					scope = append(scope, it.ItemID)
				}
			}
			out = append(out, model.StatedTotal{Label: title + " 合计 " + m[1], Kind: "document_total", Metric: model.MetricAmount, Stated: *a.Yuan, Scope: scope, Line: c.Line, Text: m[0]})
		}
	}
	return out
}

// assignCodesFromTOC gives a form without a 项目编号 heading the code that the
// table of contents lists for its name.
func assignCodesFromTOC(d *document.Document, forms []form, toc [][]string) error {
	used := map[string]bool{}
	for _, f := range forms {
		used[f.code] = true
	}
	for i := range forms {
		if forms[i].code != "" {
			continue
		}
		name := model.Normalize(forms[i].fields["项目名称"].Flat())
		var hits []string
		for _, e := range toc {
			if !used[e[1]] && model.Normalize(e[2]) == name {
				hits = append(hits, e[1])
			}
		}
		if len(hits) != 1 {
			return d.Errorf(forms[i].line, "release form %q has no 项目编号 heading and %d unused table-of-contents entries carry its name", name, len(hits))
		}
		forms[i].code = hits[0]
		used[hits[0]] = true
	}
	return nil
}

var codeRe = regexp.MustCompile(`^(\d{4}[A-Z])(\d{3})([A-Z]?)$`)

// warnCodeGaps notes codes skipped within a project (2024C002C → 2024C002E).
func warnCodeGaps(p *model.Parsed, forms []form) {
	for i := 1; i < len(forms); i++ {
		a, b := codeRe.FindStringSubmatch(forms[i-1].code), codeRe.FindStringSubmatch(forms[i].code)
		if a == nil || b == nil || a[1] != b[1] || a[2] != b[2] || a[3] == "" || b[3] == "" {
			continue
		}
		if b[3][0] != a[3][0]+1 {
			p.Warnings = append(p.Warnings, model.Warning{Line: forms[i].line, Message: fmt.Sprintf("project code skips from %s to %s", forms[i-1].code, forms[i].code)})
		}
	}
}

func lastOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}
