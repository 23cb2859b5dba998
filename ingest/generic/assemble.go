package generic

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"fundscope/ingest/facts"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// matches reports whether a figure as printed states sum: exactly, or for an
// approximate figure (约2.3亿, 80余万, 4.1亿多) within what its last digit
// allows.
func matches(s money.Span, sum int64) bool {
	lo, hi := bounds(s)
	return sum >= lo && sum <= hi
}

// bounds is the range of sums a figure states: itself when exact.
func bounds(s money.Span) (lo, hi int64) {
	if !s.Approx {
		return s.Yuan, s.Yuan
	}
	p := precision(s)
	if strings.ContainsAny(s.Text, "余多") {
		return s.Yuan, s.Yuan + 10*p - 1
	}
	return s.Yuan - p, s.Yuan + p
}

// precision is the yuan value of the last digit printed: 2.3亿 → 100万.
func precision(s money.Span) int64 {
	p := int64(1)
	switch s.Unit {
	case "万元":
		p = 10000
	case "亿元":
		p = 100000000
	}
	num := strings.TrimLeft(s.Text, "约近逾超过")
	if i := strings.IndexByte(num, '.'); i >= 0 {
		j := i + 1
		for j < len(num) && num[j] >= '0' && num[j] <= '9' {
			j++
			p /= 10
		}
	}
	return max(p, 1)
}

// roundedTotal reports whether a figure is the total of parts printed at a
// finer precision, rounded to its own last digit (rule total-rounded: 2.3亿元
// over parts of 12,345万元 and 10,702万元). 2亿 is no rounding of 1.2亿.
func roundedTotal(c *cand, parts []*cand, sum int64) bool {
	p := precision(c.span)
	if c.span.Approx || p < 10 {
		return false
	}
	for _, r := range parts {
		if precision(r.span)*10 > p {
			return false
		}
	}
	d := sum - c.span.Yuan
	return 2*d <= p && -2*d <= p
}

// tree arranges the amounts that are not decoys: a figure that equals the
// sum of the figures right after it (a heading's amount and the amounts of
// its section; a sentence's total and its breakdown) becomes their stated
// total. Returns the top-level nodes in document order.
func tree(live []*cand) []*cand {
	var roots []*cand // top-level nodes after the current one, nearest first
	for i := len(live) - 1; i >= 0; i-- {
		c := live[i]
		var sum int64
		absorbed := 0
		// passed: income or a balance between a spending total and its parts, no part of it.
		// A figure stated for several items is each one's, never a total of
		// others; a part of an income totals nothing.
		var passed []*cand
		for k := 0; k < len(roots) && !c.derived && !c.incomePart; k++ {
			r := roots[k]
			if c.group != 0 && r.group == c.group {
				break
			}
			if r.onlyTotal != "" && c.onlyTotal == "" && !r.total && k+1 < len(roots) {
				passed = append(passed, r) // 实际使用148万元,结余8万元。(一)…: the balance is not one of the uses
				continue
			}
			if c.marker != "" && r.para != c.para && r.marker == c.marker {
				break // the next item of the same list (2. then 3.) is a sibling, not a part
			}
			if c.list != 0 && r.para == c.para && r.list == c.list && !c.inParen && !r.inParen {
				break // 其中：甲20万元；乙15万元；丙5万元: parts of one list are siblings (rule list-parts-siblings)
			}
			if (c.frame != "" && r.frame == c.frame || c.share && r.share) && r.para == c.para && (r.sent != c.sent || quotedSiblings(c, r)) && !r.inParen && !r.detail && !c.keyword && !c.heading {
				break // 甲，获得补助资金100万元；乙，获得补助资金60万元: one frame, parallel parts (rule parallel-siblings)
			}
			sum += r.span.Yuan
			if k == 0 && !singleChildOK(c, r) {
				if sum > c.span.Yuan && !c.span.Approx {
					break
				}
				continue
			}
			if matches(c.span, sum) {
				absorbed = k + 1
				break
			}
			if (k > 0 || singleChildOK(c, r)) && roundedTotal(c, roots[:k+1], sum) {
				absorbed, c.rounded = k+1, true
				break
			}
			if sum > c.span.Yuan*2 {
				break
			}
		}
		if absorbed == 0 {
			// A figure followed by its breakdown (in parentheses, in a
			// sentence beginning 其中, or in the sentences after a numbered
			// heading's figure in its paragraph) whose parts do not add up to it: parts
			// that exceed it are still its items, and the mismatch is
			// reported; parts that fall short are a partial breakdown (剩余部分…),
			// sub-items of the figure that are listed as unread, never added to it.
			k, parts := 0, int64(0)
			inClause := false // 399.62万元,其中甲150万元: the sentence's own 其中 clause and the parts after it
			for k < len(roots) {
				r := roots[k]
				inClause = inClause || k == 0 && r.para == c.para && r.sent == c.sent && r.detailClause && r.detailAt >= c.span.End && !c.detail && !c.keyword
				if !breakdownOf(c, r) && !(inClause && r.para == c.para && r.sent == c.sent && r.group == 0) {
					break
				}
				parts += r.span.Yuan
				k++
			}
			switch {
			case k > 0 && matches(c.span, parts):
				absorbed = k // 86万元。其中，甲50万元；乙36万元: the parts that go on after a semicolon add up to it
			case k > 0 && parts > c.span.Yuan && c.onlyTotal != "" && !c.keyword:
				// 实际使用45万元，结转下年5万元。其中甲30万元，乙15万元: parts
				// that exceed a balance are not its breakdown but the spending's
			case k > 0 && parts > c.span.Yuan:
				absorbed = k
			case k > 0:
				for _, r := range roots[:k] {
					if !r.total {
						r.reason = "sub-item of " + c.span.Text + " (a breakdown that does not add up to it, not added)"
					}
				}
				kept := roots[:0:0]
				for _, r := range roots {
					if r.reason == "" {
						kept = append(kept, r)
					}
				}
				roots = kept
			}
		}
		if absorbed > 0 && holdsIncome(roots[:absorbed], passed) && (c.onlyTotal == "" || holdsSpending(roots[:absorbed])) {
			// 可用资金1,800万元 over 支出1,650万元 and 结余150万元: money available
			// (spending plus what is left), not a total of the spending
			// (also an income: 收入2860万元，支出2650万元，结余210万元 checks as
			// the spending plus the balance, no mismatch of the spending)
			var parts []string
			for _, r := range roots[:absorbed] {
				if !contains(passed, r) {
					parts = append(parts, r.span.Text)
				}
			}
			c.onlyTotal, absorbed = availableReason+", and "+strings.Join(parts, " + ")+" add up to it", 0
		}
		if absorbed > 0 {
			c.total = true
			c.children = nil
			for _, r := range roots[:absorbed] {
				if !contains(passed, r) {
					c.children = append(c.children, r)
				}
			}
			for _, ch := range c.children {
				ch.parent = c
			}
			roots = append(passed[:len(passed):len(passed)], roots[absorbed:]...)
		}
		roots = append([]*cand{c}, roots...)
	}
	// A total word after its breakdown (…0.306万元，共计6.1268万元) closes the
	// figures before it; a total stated again closes what it closed before.
	for i := 0; i < len(roots); i++ {
		c := roots[i]
		if !c.keyword || c.total || c.onlyTotal != "" {
			continue
		}
		var sum int64
		for k := i - 1; k >= 0; k-- {
			r := roots[k]
			if k == i-1 && r.total && matches(c.span, r.span.Yuan) {
				r.again = c
				roots = append(roots[:i], roots[i+1:]...)
				i--
				break
			}
			sum += r.span.Yuan
			if k < i-1 && matches(c.span, sum) {
				c.total = true
				c.children = append([]*cand(nil), roots[k:i]...)
				for _, ch := range c.children {
					ch.parent = c
				}
				roots = append(roots[:k], roots[i:]...)
				i = k
				break
			}
			if sum > c.span.Yuan*2 {
				break
			}
		}
	}
	return secondBreakdowns(roots)
}

const availableReason = "money available (the spending plus a balance or income), not a total of the spending"

// holdsIncome: among the figures a total would absorb (the passed ones
// aside) is income or a balance that totals nothing.
func holdsIncome(xs, passed []*cand) bool {
	for _, x := range xs {
		if x.onlyTotal != "" && !x.total && !x.incomePart && !contains(passed, x) {
			return true
		}
	}
	return false
}

// quotedSiblings: two figures of one sentence printed in the same frame,
// each after its own quoted project, or its own name ending as a project does (甲为乙提供的“丙”项目价格为18万元，…为丁提供的
// “戊”项目价格为12万元，…“己”项目价格为6万元): parallel parts, never the first
// the total of the others (rule parallel-siblings), however their sums fall.
func quotedSiblings(c, r *cand) bool {
	projectNamed := func(x *cand) bool {
		return quotedRe.MatchString(x.name) || projectEndRe.MatchString(textfold.Han(strings.TrimSpace(x.name)))
	}
	return !c.detail && !c.detailClause && !c.detailCont && !r.detailClause && !r.detailCont &&
		projectNamed(c) && projectNamed(r) && c.name != r.name
}

// projectEndRe: a name that ends as a project does (甲项目, 乙工程, 丙计划).
var projectEndRe = regexp.MustCompile(`\p{Han}{2,}(?:项目|工程|计划|行动|活动)$`)

// holdsSpending: among the figures an income would absorb is money spent
// (an income broken into incomes is still an income's breakdown).
func holdsSpending(xs []*cand) bool {
	for _, x := range xs {
		if x.onlyTotal == "" {
			return true
		}
	}
	return false
}

// poolItems adds the lines of each pool as items with no amount and the
// pool's figure as a stated total of kind pool over them (rule
// lead-list-pool): the figure is for them all, and how it is shared is not
// printed.
func poolItems(pools []*cand, c model.Catalog, p *model.Parsed) {
	scope := map[*cand][]string{}
	for _, x := range pools {
		if x.poolOf == nil {
			continue
		}
		it := model.LineItem{ItemNo: strconv.Itoa(len(p.Items) + 1), Name: x.name, Organization: x.org, Description: x.clause, LineStart: x.line, LineEnd: x.line}
		if project, org, ok := cutOrganization(it.Name); ok && it.Organization == "" {
			it.Name, it.Organization = project, org
		}
		it.ItemID = c.CatalogID + "#" + it.ItemNo
		it.Amount = model.Amount{Kind: model.KindUnknown}
		p.Items = append(p.Items, it)
		scope[x.poolOf] = append(scope[x.poolOf], it.ItemID)
	}
	for _, x := range pools {
		if !x.pool {
			continue
		}
		if m := poolCountRe.FindStringSubmatch(x.poolText); m != nil && m[1] != strconv.Itoa(len(scope[x])) {
			p.Warnings = append(p.Warnings, model.Warning{Line: x.line, Message: fmt.Sprintf("the pool %s names %s items, the list after it has %d", x.span.Text, m[1], len(scope[x]))})
		}
		p.Totals = append(p.Totals, model.StatedTotal{
			Label: "pool: " + money.Clip(x.poolText, 40), Kind: "pool", Metric: model.MetricAmount,
			Stated: x.span.Yuan, Scope: scope[x], Line: x.line, Text: money.Clip(x.clause, 80), Rule: cmp.Or(x.poolRule, "lead-list-pool"),
		})
		p.Warnings = append(p.Warnings, model.Warning{Line: x.line, Message: fmt.Sprintf("%s is one amount for the %d items named after it: a pool, not split among them (their amounts are not printed)", x.span.Text, len(scope[x]))})
	}
}

// yearNameRe: a name that is only a year of four digits (2021年, 2021年度).
var yearNameRe = regexp.MustCompile(`^((?:19|20)\d{2})年度?$`)

// yearOnlyRe: a name that is only a year (2023年, 2023年度, 本年).
var yearOnlyRe = regexp.MustCompile(`^(?:(?:19|20)\d{2}年度?|本年度?|全年|今年|当年)$`)

// poolCountRe is how many items a pool's sentence says it is for (以下3个项目).
var poolCountRe = regexp.MustCompile(`(\d+)个(?:项目|单位|社区|村)`)

func poolCount(pools []*cand) int {
	n := 0
	for _, x := range pools {
		if x.poolOf != nil {
			n++
		}
	}
	return n
}

func contains(xs []*cand, x *cand) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// singleChildOK: a figure may be the total of the one figure after it only
// when it says so (合计), when it heads a numbered section, or when the
// figure after it is its own breakdown in parentheses.
func singleChildOK(c, r *cand) bool {
	return c.keyword || c.heading || r.para == c.para && (inParenOf(c, r) || r.detail || r.detailClause && r.sent == c.sent)
}

func breakdownOf(c, r *cand) bool {
	return r.para == c.para && r.group == 0 && (inParenOf(c, r) || (r.detail || r.detailCont) && r.sent != c.sent || c.heading && r.sent != c.sent && !r.sentMarked) && !c.detail && !c.detailCont
}

// inParenOf: r is printed in a parenthesis opened after c (甲30万元（其中乙10万
// 元）), and no parenthesis closed between them: in 甲（18万元）、乙（6.5万元）
// each figure is in its own item's parenthesis, none in the other's.
func inParenOf(c, r *cand) bool {
	return r.inParen && r.paren > c.span.Start && r.closed < c.span.End
}

// assemble turns the prose candidates into line items, stated totals and
// unread spans.
func assemble(cands []*cand, c model.Catalog, p *model.Parsed) {
	var live []*cand
	var pools []*cand
	for _, x := range cands {
		if x.pool || x.poolOf != nil {
			pools = append(pools, x) // a pool and its unpriced lines: apart from the sums
			continue
		}
		if x.reason != "" {
			p.Unread = append(p.Unread, model.Unread{Text: x.span.Text, Line: x.line, Location: x.loc, Reason: x.reason + ": " + money.Clip(x.clause, 60)})
			continue
		}
		live = append(live, x)
	}
	roots := tree(live)
	for _, x := range live {
		if x.reason != "" {
			p.Unread = append(p.Unread, model.Unread{Text: x.span.Text, Line: x.line, Location: x.loc, Reason: x.reason + ": " + money.Clip(x.clause, 60)})
		}
	}
	var leaves []*cand
	var walk func(x *cand)
	walk = func(x *cand) {
		if !x.total && x.onlyTotal != "" {
			p.Unread = append(p.Unread, model.Unread{Text: x.span.Text, Line: x.line, Location: x.loc, Reason: x.onlyTotal + ": " + money.Clip(x.clause, 60)})
			return
		}
		if !x.total {
			leaves = append(leaves, x)
			return
		}
		for _, ch := range x.children {
			walk(ch)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	leaves = restatedTotals(roots, restated(leaves, p), p)
	// Total words that closed nothing: with items elsewhere they are stated
	// about the whole document (and will not reconcile, loudly); in a
	// document with no other figure the total is the one item.
	var orphans []*cand
	var items []*cand
	inPara := map[int]int{}
	for _, l := range leaves {
		inPara[l.para]++
	}
	for _, l := range leaves {
		// （一）甲项目。培训学员300人次，共计投入8万元。: a total word that is the
		// only figure of a numbered paragraph sums that paragraph's money, none
		// of the document's: the paragraph's item (rule total-in-list-item)
		if l.keyword && l.parent == nil && l.marker != "" && inPara[l.para] == 1 && len(leaves) > 1 {
			items = append(items, l)
			continue
		}
		if l.keyword && l.parent == nil {
			orphans = append(orphans, l)
		} else {
			items = append(items, l)
		}
	}
	if len(items) == 0 && len(orphans) > 0 && len(p.Items) == 0 { // with a table's items, a prose total is the document's
		items, orphans = orphans[:1], orphans[1:]
		for _, o := range orphans {
			if matches(o.span, items[0].span.Yuan) {
				items[0].again = o
			}
		}
	}
	if len(items) == 1 && len(p.Items) == 0 && items[0].activity != "" {
		items[0].name = items[0].activity // 总计资助6万元 in a notice about “甲”公益行动: that activity's money
	}
	id := map[*cand]string{}
	for _, x := range items {
		it := model.LineItem{
			ItemNo:       strconv.Itoa(len(p.Items) + 1),
			Name:         strings.TrimRight(x.name, "，,:：、;； "), // 甲敬老院：维修改造，15万元: the clause stop before the figure is no part of the name
			Organization: x.org,
			FundingText:  x.funding,
			Section:      sectionOf(x),
			Description:  x.clause,
			LineStart:    x.line,
			LineEnd:      x.line,
		}
		if project, org, ok := cutOrganization(it.Name); ok {
			it.Name, it.Organization = project, org // 甲协会居家探访项目: the organization and its project
		}
		place := isPlace(x.name) || x.parent != nil && placeShapedRe.MatchString(textfold.Han(strings.TrimSpace(x.name)))
		if x.parent != nil && !x.parent.keyword && (place || names().levelPart.MatchString(textfold.Han(x.name))) {
			// "其中:甲市80万元、乙市120万元": the item is the section's, in a place;
			// under a numbered heading, the heading's project names it
			section := x.parent
			for a := x.parent; a != nil; a = a.parent {
				if a.heading && !a.keyword {
					section = a
					break
				}
			}
			if !namesNothing(section.name) && !yearOnlyRe.MatchString(strings.TrimSpace(section.name)) {
				it.Name = section.name + "（" + x.name + "）"
			} // 2023年,…其中：补助市县8亿元: a section named by nothing but its year leaves the part its own name
			if place {
				it.RegionText = x.name
			}
		}
		if m := yearNameRe.FindStringSubmatch(strings.TrimSpace(it.Name)); m != nil {
			// 2021年投入150万元: the item is that year's money (money_year)
			y, _ := strconv.Atoi(m[1])
			it.Year, it.PeriodStart, it.PeriodEnd = y, fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)
		}
		if it.RegionText == "" && x.region != "" {
			it.RegionText = x.region // 东城街道：…: the place the line is for
		}
		it.ItemID = c.CatalogID + "#" + it.ItemNo
		yuan := x.span.Yuan
		it.Amount = model.Amount{Yuan: &yuan, Text: x.span.Text, Kind: model.KindFixed}
		switch {
		case x.span.Approx:
			it.Amount.Kind = model.KindApprox
		case x.derived:
			it.Amount.Kind = model.KindDerived
		}
		if x.heads > 0 {
			it.Amount.Text = x.headText + " × " + x.span.Text // computed, not printed: both figures are its evidence
		}
		id[x] = it.ItemID
		p.Items = append(p.Items, it)
	}
	var scopeOf func(x *cand) []string
	scopeOf = func(x *cand) []string {
		if x.alias != nil {
			return scopeOf(x.alias)
		}
		if !x.total {
			if s, ok := id[x]; ok {
				return []string{s}
			}
			return nil
		}
		var out []string
		for _, ch := range x.children {
			out = append(out, scopeOf(ch)...)
		}
		return out
	}
	// every item of the document: a table's, read before the prose, then the prose's
	var all []string
	for _, it := range p.Items[:len(p.Items)-len(items)] {
		all = append(all, it.ItemID)
	}
	for _, x := range items {
		all = append(all, id[x])
	}
	addTotal := func(x *cand, kind string, scope []string) {
		p.Totals = append(p.Totals, model.StatedTotal{
			Label: money.Clip(x.name, 40) + " " + x.span.Text, Kind: kind, Metric: model.MetricAmount,
			Stated: x.span.Yuan, Scope: scope, Line: x.line, Text: money.Clip(x.clause, 80),
		})
		if x.rounded {
			p2 := precision(x.span) / 2
			lo, hi := x.span.Yuan-p2, x.span.Yuan+p2
			t := &p.Totals[len(p.Totals)-1]
			t.Low, t.High, t.Rule = &lo, &hi, "total-rounded"
			p.Warnings = append(p.Warnings, model.Warning{Line: x.line, Message: fmt.Sprintf("stated total %s is printed rounded: its parts are printed to a finer digit and reconcile within half its last digit", x.span.Text)})
		}
		if x.span.Approx {
			lo, hi := bounds(x.span)
			p.Totals[len(p.Totals)-1].Low, p.Totals[len(p.Totals)-1].High = &lo, &hi
			p.Warnings = append(p.Warnings, model.Warning{Line: x.line, Message: fmt.Sprintf("stated total %s is approximate: it reconciles within its last printed digit", x.span.Text)})
		}
	}
	var emit func(x *cand, depth int)
	emit = func(x *cand, depth int) {
		if x.again != nil {
			addTotal(x.again, "crosscheck", scopeOf(x))
		}
		if !x.total {
			return
		}
		kind := "subtotal"
		if depth == 0 {
			kind = "document_total"
		}
		scope := scopeOf(x)
		if len(scope) == 0 && depth == 0 && x.onlyTotal != "" {
			// 共获得85万元,其中上级60万元、本级25万元: an income broken into incomes is checked against what the items spend
			scope = all
		}
		addTotal(x, kind, scope)
		for _, ch := range x.children {
			emit(ch, depth+1)
		}
	}
	for _, r := range roots {
		emit(r, 0)
	}
	for _, x := range items {
		if x.product != nil && !x.keyword && id[x] != "" {
			// 对10名困难群众每人资助2000元，合计2万元: the total word states
			// count × the per-head amount, and it is the item's amount
			addTotal(x, "document_total", []string{id[x]})
			p.Totals[len(p.Totals)-1].Rule = "total-of-per-head"
			p.Totals[len(p.Totals)-1].Label = money.Clip(x.name, 24) + " " + x.span.Text + " = " + x.product.headText + " × " + x.product.span.Text
		}
	}
	if len(items) == 1 && len(p.Items) == 1 && items[0].eachTotal && items[0].product == nil && !items[0].total {
		sole := items[0] // a total word that is the document's one item (rule total-sole-item)
		// 每人资助2000元，总计资助6万元 in a notice about one activity: the
		// total it states is its one item's amount, and still the total it states
		addTotal(sole, "document_total", []string{id[sole]})
		p.Totals[len(p.Totals)-1].Rule = "total-sole-item"
	}
	poolItems(pools, c, p)
	table := p.Items[:len(p.Items)-len(items)-poolCount(pools)]
	for _, o := range orphans {
		addTotal(o, "document_total", all)
		if len(table) > 0 && len(items) == 0 && matches(o.span, sumOf(table)) {
			// 以上项目资助资金共计65万元 below (or above) a table: its total stated again in the text
			t := &p.Totals[len(p.Totals)-1]
			t.Label, t.Rule = "restated in the text: "+money.Clip(o.name, 24), "total-restated"
		}
	}
}

// restated finds figures printed twice (a summary, then the detail): the
// same amount under the same name, or a name that contains the other, or
// under the fund it is paid from and under its project (rule
// name-from-clause-before, kind source). The one a total closes, or the one
// named by its project, is kept; the other points at it and is not an item.
func restated(leaves []*cand, p *model.Parsed) []*cand {
	var out []*cand
	for j, b := range leaves {
		for i := 0; i < j; i++ {
			a := leaves[i]
			if a.alias != nil || a.span.Yuan != b.span.Yuan || (a.group != 0 && a.group == b.group) {
				continue
			}
			fundA, fundB := a.fundOnly || onlyFund(a.name), b.fundOnly || onlyFund(b.name)
			labelled := (a.label != "" || b.label != "") && sameName(labelOf(a), labelOf(b))
			if !sameName(a.name, b.name) && fundA == fundB && !labelled {
				continue
			}
			keep, drop := a, b
			switch {
			case labelled && a.label == "" && b.label != "": // 其中:甲类31万元 … 1、甲类31万元。用于乙: the one named by its purpose stays
				keep, drop = b, a
			case labelled && a.label != "" && b.label == "":
			case fundA != fundB: // 市级公益金涉及经费30万元 … 下拨甲食堂建设补助30万元: the fund is the item's restatement
				if fundA {
					keep, drop = b, a
				}
			case a.parent == nil && b.parent != nil:
				keep, drop = b, a
			}
			drop.alias = keep
			if keep.org == "" && drop.org != "" {
				keep.org = drop.org // the detail says who carries it out: 甲项目（50万元），由乙中心承接
			}
			p.Warnings = append(p.Warnings, model.Warning{Line: b.line, Message: fmt.Sprintf("%s %s is stated twice (lines %d and %d); read once", money.Clip(keep.name, 30), b.span.Text, a.line, b.line)})

			break
		}
	}
	for _, l := range leaves {
		if l.alias == nil {
			out = append(out, l)
		}
	}
	return out
}

// labelOf is the category a figure is printed under: its label when the
// sentence after named it, else its name.
func labelOf(c *cand) string {
	if c.label != "" {
		return c.label
	}
	return c.name
}

func sameName(a, b string) bool {
	a, b = strings.TrimPrefix(a, "资助"), strings.TrimPrefix(b, "资助")
	a, b = strings.TrimPrefix(a, "資助"), strings.TrimPrefix(b, "資助")
	if len([]rune(a)) < 2 || len([]rune(b)) < 2 {
		return false
	}
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}

// isPlace: a name that is only a region (漳州, 将乐县), or a city's short
// name before a county's full one (三明将乐县).
// placeShapedRe is a part's name that is only a street, town, township,
// community or village (东街街道, 南山镇, 光明村: rule name-place-part), a
// place even when the region table does not list it.
var placeShapedRe = regexp.MustCompile(`^\p{Han}{2,8}?(?:街道|镇|乡|社区|村)$`)

func isPlace(name string) bool {
	name = textfold.Han(name) // 溫州 as 温州
	if facts.IsPlace(name) {
		return true
	}
	r := []rune(name)
	for i := 2; i+2 <= len(r); i++ {
		if facts.IsPlace(string(r[:i])) && facts.IsPlace(string(r[i:])) {
			return true
		}
	}
	return false
}

func sectionOf(x *cand) string {
	if x.parent != nil {
		return money.Clip(x.parent.name, 60)
	}
	return ""
}

// loadedOrg is the organization an item is loaded with: none where a mask
// hid who it is ((略), *** printed over it: rule org-masked).
func loadedOrg(org string) string {
	if org == maskedOrg || maskRe.MatchString(org) {
		return ""
	}
	return org
}
