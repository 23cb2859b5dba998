package generic

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/money"
	"fundscope/textfold"
)

// cand is one amount-looking span of prose on its way to becoming a line
// item, a stated total or an unread span.
type cand struct {
	span    money.Span
	name    string
	org     string
	clause  string // the clause that states it, as a person quotes it
	line    int
	loc     string
	para    int    // index of the paragraph
	sent    int    // offset of its sentence in the paragraph
	heading bool   // the amount is in the first sentence of a numbered paragraph
	marker  string // the style of its paragraph's list marker (一、 （一） 1. (1) ①), "" when none
	detail  bool   // its sentence begins with 其中 (a breakdown of the figure before)
	inParen bool   // printed inside parentheses
	paren   int    // offset just after the open parenthesis it is printed in
	closed  int    // offset of the last parenthesis closed before it (-1 when none)
	reason  string
	// onlyTotal: a figure no spending (income or a transfer received) that
	// may still state the total of the items after it (收到公益金100万元,
	// 用于甲60万元、乙40万元); set aside with this reason when it totals nothing
	onlyTotal  string
	rounded    bool   // a total of parts printed to a finer digit (rule total-rounded)
	keyword    bool   // a total word (共计, 合计 …) stands right before it
	derived    bool   // one of several items one shared amount was stated for, or count × a per-head amount
	detailCont bool   // a part after a semicolon that goes on with a 其中 list (其中，甲50万元；乙36万元: 乙)
	funding    string // the fund printed as a field of its own beside the name (rule spaced-fund-field)
	levelOf    string // the project a level's share is of (乙项目（市级补助）: 乙项目; rule name-level-source)
	eachTotal  bool   // a total word right after a per-unit amount (每人资助2000元，总计资助6万元): the item, and the total of what each got
	product    *cand  // the per-head amount whose count × amount this total word states (资助80名，每人5000元，共40万元)
	heads      int64  // the people a per-head amount is paid to (rule per-head-times-count), 0 when none
	headText   string // that count as printed (15名)
	group      int    // shared-amount group (1-based), 0 when none

	children []*cand
	parent   *cand
	total    bool
	again    *cand // a later statement of the same total
	alias    *cand // the item this figure states again (same amount, same name)
	// fundOnly: the words before the figure are only the fund it is paid
	// from (中央福彩公益金涉及经费1万元), whatever the clause before names it
	fundOnly bool
	// pool: a lead figure stated for the unpriced lines after it (rule
	// lead-list-pool); poolOf: on each line's item, that figure
	pool     bool
	poolOf   *cand
	poolText string // the pool's sentence, which may say how many it is for
	poolRule string // the rule that made it a pool, lead-list-pool when ""
	// incomePart: a part of an income's breakdown (其中上级下达60万元), itself income
	incomePart bool
	// detailClause: the figure's clause begins 其中 (a breakdown in the
	// sentence of the figure it breaks down)
	detailClause bool
	detailAt     int  // where the figure's clause begins (its 其中, when detailClause)
	sentMarked   bool // its sentence begins with a list marker (2. …; a list item, no part of the item before)
	// label: the category a line is printed under when the sentence after
	// it names it (rule name-purpose-next); "" otherwise
	label string
	// activity: the activity the notice is about (rule
	// name-activity-of-notice), set on a figure named by a total word alone
	activity string
	// region: the place a line is printed under before its colon (东城街道：甲补助20万元)
	region string
	// frame: the last words before the figure in its clause (获得补助资金): two
	// figures of one paragraph printed in the same frame are parallel parts,
	// neither the total of the other (rule parallel-siblings)
	frame string
	// share: the clause after the figure is its share of a whole (，占57.1%):
	// figures that each state a share are parts of one whole, siblings
	share bool
	// list: where the list a figure is a part of begins (just after the
	// colon of 其中： or 如下：, its parts split by ；), 0 when none: the parts
	// of one list are siblings, never one the total of others (rule
	// list-parts-siblings)
	list int
}

var (
	listMarkerRe = markerPattern{regexp.MustCompile(`^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]|[①-⑳])`)}
	leadRe       = regexp.MustCompile(`^(?:\)|）|[一二三四五六七八九十]+是|首先|其次|再次|此外|其中|即|另外|另|安排|用于|下达|分配|共|主要|包括|以及|及|和|与|、|是|为|:|：|\.|,|，)+`)
	orgLeadRe    = regexp.MustCompile(`^(?:\)|）|[一二三四五六七八九十]+是|首先|其次|再次|此外|其中|另外|另|安排|用于|下达|分配|共|主要|包括|、|是|为|:|：|\.|,|，)+`) // not 和/与/及: 和美协会 is a name
	trailRe      = regexp.MustCompile(`(?:共计|合计|总计|總計|合計|总共|總共|计|为|達|达|约|的|是|共|分别|支出|投入|安排|下达|拨付|使用|用于|获得?(?:资助|补助|扶持|奖补|奖励)(?:资金|经费)?|:|：|\(|（)+$`)
	orgRe        = regexp.MustCompile(`[\p{Han}（）()“”·A-Za-z0-9]{2,40}?(?:社会工作服务中心|社工服务中心|服务中心|事务所|事务中心|协会|促进会|研究会|基金会|慈善总会|慈善会|红十字会|联合会|商会|学会|服务社|社工站|有限公司|公司|服务站|工作站|福利院|敬老院|养老院|幸福院|中心)`)
	undertakeRe  = regexp.MustCompile(`由?([\p{Han}（）()·]{4,40}?)(?:承接|承办|实施|中标|负责实施|负责运营)`)
	quotedRe     = regexp.MustCompile(`“[^”]{2,40}”`)
	// quotedTailRe: the words between a quoted name and the 项目 that ends it
	// (no award or verb of selection between: “甲”获评优秀项目 is “甲”)
	quotedTailRe = regexp.MustCompile(`^[^获评选被荣的\P{Han}]{0,12}?(?:项目|$)`)
)

// markerPattern is a list marker at the start of a line (一、 （二） 3. ①),
// but never the integer part of a decimal: "3.6万元" starts with no marker.
type markerPattern struct{ re *regexp.Regexp }

func (m markerPattern) FindString(s string) string {
	f := m.re.FindString(s)
	if f != "" && (strings.HasSuffix(f, ".") || strings.HasSuffix(f, "．")) && len(s) > len(f) && s[len(f)] >= '0' && s[len(f)] <= '9' {
		return ""
	}
	return f
}

func (m markerPattern) MatchString(s string) bool { return m.FindString(s) != "" }

// ReplaceAllString removes the marker (the pattern is anchored: one at most).
func (m markerPattern) ReplaceAllString(s, repl string) string {
	if f := m.FindString(s); f != "" {
		return repl + s[len(f):]
	}
	return s
}

const (
	sentenceStops = "。；;！!？?\n"
	clauseStops   = "，,：:"
)

// proseCands finds the amount spans of every paragraph and reads what the
// words around each make of it.
func proseCands(us []unit, ctx []rule) []*cand {
	var out []*cand
	group := 0
	for pi, u := range us {
		if u.kind == document.TableKind || u.norm == "" {
			continue
		}
		n := fieldSlashes(u.norm)
		m := maskNumberCommas(n) // where the clauses stop: 1,200 is one number
		spans := money.FindSpans(n)
		prevEnd := 0
		purposeEnd := -1  // where the purpose stated after the figure before ends (rule name-purpose-after)
		purposeSent := -1 // the sentence of the figure before, when its purpose came after it
		numbered := listMarkerRe.MatchString(n)
		style := markerStyle(listMarkerRe.FindString(n))
		for si, s := range spans {
			sentStart := lastStop(m[:s.Start], sentenceStops)
			c := &cand{span: s, line: u.line, loc: u.loc.String(), para: pi, heading: numbered && si == 0 && headingSentence(n, sentStart), marker: style}
			c.sent = sentStart
			c.list = listStartBefore(n[:s.Start])
			c.sentMarked = listMarkerRe.MatchString(strings.TrimLeft(n[sentStart:], " 　、，,"))
			c.detail = strings.HasPrefix(strings.TrimLeft(n[sentStart:], "、，, "), "其中")
			if last := len(out) - 1; !c.detail && last >= 0 && out[last].para == pi && (out[last].detail || out[last].detailCont) && out[last].span.End <= sentStart &&
				!strings.ContainsAny(n[out[last].span.End:sentStart], "。!！?？\n") && !detailEndsRe.MatchString(strings.TrimLeft(n[sentStart:], "；;、，, ")) {
				// 其中，甲资助50万元；乙资助36万元: the parts after a semicolon go on
				// with the 其中 list (rule detail-continues)
				c.detailCont = true
			}
			clauseStart := max(sentStart, lastStop(m[:s.Start], clauseStops), prevEnd, openParen(n[:s.Start]))
			c.detailAt = max(sentStart, lastStop(m[:s.Start], clauseStops))
			c.detailClause = strings.HasPrefix(n[c.detailAt:], "其中") // 8万元,其中甲8万元
			c.paren = openParen(n[:s.Start])
			c.inParen = c.paren > 0
			c.closed = strings.LastIndexAny(n[:s.Start], ")）")
			prefix := n[clauseStart:s.Start]
			if c.inParen && strings.TrimSpace(n[c.paren:s.Start]) == "" {
				// 甲项目（18万元）、乙项目（6.5万元）: a figure alone at the start of a
				// parenthesis is the amount of the words before it (rule name-paren-figure)
				open := c.paren - 1
				from := max(sentStart, lastStop(m[:open], clauseStops), lastStop(n[:open], "、)）"))
				if before := strings.TrimSpace(n[from:open]); utf8.RuneCountInString(before) >= 2 && len(money.FindSpans(before)) == 0 {
					prefix = before
				}
			}
			if strings.HasPrefix(prefix, "(") && prevEnd == clauseStart {
				// 甲30万元（乙中心运营）、丙20万元: an aside printed right after the
				// figure before is that figure's, no part of the next name
				if k := strings.Index(prefix, ")"); k > 0 && !strings.Contains(prefix[1:k], "(") {
					prefix = strings.TrimLeft(prefix[k+1:], "、,，;； ")
				}
			}
			if k := strings.IndexAny(prefix, ")）"); k >= 0 && !strings.ContainsAny(prefix[:k], "(（") {
				// 甲补贴（每人每月200元）120万元: the figure's words end a parenthesis
				// a figure before it was printed in, and name nothing after it
				// (乙（…）、丙40万元 is 丙's): the name is before the parenthesis
				_, w := utf8.DecodeRuneInString(prefix[k:])
				rest := strings.TrimSpace(prefix[k+w:])
				if open := strings.LastIndexAny(n[:clauseStart], "(（"); open >= 0 && (rest == "" || namesNothing(rest)) {
					prefix = n[max(sentStart, lastStop(m[:open], clauseStops)):open] + rest
				}
			}
			clauseEnd := s.End + nextStop(m[s.End:], sentenceStops+"，,")
			c.clause = strings.Trim(n[max(sentStart, prevEnd):clauseEnd], "、，,。；; ")
			after := n[s.End:clauseEnd]
			local := n[max(sentStart, prevEnd):s.Start] // the words since the figure before
			whoFrom := local                            // where who receives it may be named
			if lead := strings.TrimLeft(local, ")） "); prevEnd > sentStart && !strings.HasPrefix(lead, "、") && !strings.HasPrefix(lead, "及") && !strings.HasPrefix(lead, "和") {
				// 投入680万元建设甲照料中心34个，投入420万元…: the first clause after a
				// figure is that figure's; it names no one for the next (unless a
				// list's next part starts there: …5万元）、乙协会（项目：…）
				if k := nextStop(maskNumberCommas(local), clauseStops+sentenceStops); k < len(local) {
					whoFrom = local[k:]
				} else {
					whoFrom = ""
				}
			}
			if si+1 < len(spans) && spans[si+1].Start < clauseEnd {
				after = n[s.End:spans[si+1].Start] // a purpose ends at the next figure
			}
			purposeHere := names().purpose.MatchString(textfold.Han(after))
			if purposeEnd == s.Start && sentStart < prevEnd || purposeHere && purposeSent == sentStart && sentStart < prevEnd {
				// "5万元用于甲、3万元用于乙": the words since the figure before are its purpose;
				// in a sentence whose figures each come before their 用于 (rule
				// name-purpose-after), the words before one still belong to the one before
				prefix, local = "", ""
			}
			purposeEnd, purposeSent = -1, -1
			if purposeHere {
				purposeEnd, purposeSent = s.End+len(after), sentStart
			}
			prevEnd = s.End
			lead := s.Text[:max(0, strings.IndexFunc(s.Text, unicode.IsDigit))] // the words a span starts with (超过5万元: 超过)
			ahead := n[s.End:]                                                  // the words up to the next figure in the sentence
			if si+1 < len(spans) {
				ahead = n[s.End:spans[si+1].Start]
			}
			if k := strings.IndexAny(ahead, "。；;"); k >= 0 {
				ahead = ahead[:k]
			}
			if fr := strings.TrimSpace(n[clauseStart:s.Start]); utf8.RuneCountInString(fr) >= 2 {
				c.frame = lastRunes(fr, 4)
			}
			if rest, ok := strings.CutPrefix(n[clauseEnd:], ","); ok {
				c.share = shareRe.MatchString(textfold.Han(rest[:nextStop(maskNumberCommas(rest), sentenceStops+clauseStops)]))
			}
			c.reason = decoyReason(ctx, textfold.Han(n[sentStart:s.Start]), textfold.Han(prefix+lead), textfold.Han(after), textfold.Han(ahead))
			if c.reason == "" {
				for _, r := range ctx {
					if r.kind == "phase-part" && r.re.MatchString(textfold.Han(strings.TrimSpace(prefix))) {
						if last := len(out) - 1; last >= 0 && out[last].para == pi && out[last].reason == "" {
							c.reason = r.meaning[:strings.Index(r.meaning, " (")] + " of " + out[last].span.Text
						}
					}
				}
			}
			if u.title && c.reason == "" {
				c.keyword = true // 我市投入公益金3.12亿元 in the title: a total the document states about itself
			}
			tail := lastRunes(prefix, 6)
			if utf8.RuneCountInString(prefix) <= 16 {
				tail = prefix // 全年共安排公益金4.1亿多元
			}
			if strings.Trim(prefix, " ") == "" {
				tail = strings.TrimRight(local, ":： ") // 合计:73,500元: the label before the colon
			}
			clean, _ := textfold.Clean(tail) // 共計(jì): folded, without romanization debris
			for _, r := range ctx {
				if r.kind == "total" && r.re.MatchString(clean) {
					c.keyword = true
				}
			}
			if last := len(out) - 1; c.keyword && last >= 0 && out[last].para == pi && out[last].sent == c.sent && out[last].reason == perHeadReason && out[last].heads == 0 {
				c.keyword, c.eachTotal = false, true // 3个村,每村奖补2万元,共计6万元: the product of a per-unit amount, the item itself
			}
			if last := len(out) - 1; c.reason == "" && c.inParen && last >= 0 && out[last].para == pi && out[last].reason != "" && out[last].span.End < c.paren {
				c.reason = "inside a figure set aside (" + out[len(out)-1].span.Text + ")"
			}
			oneYear := oneYearRe.MatchString(textfold.Han(strings.TrimLeft(n[c.detailAt:s.Start], "，,、 ")))
			if last := len(out) - 1; c.reason == "" && c.detail && last >= 0 && out[last].para == pi && inherited(out[last].reason) &&
				!(oneYear && strings.HasPrefix(out[last].reason, "cumulative figure")) {
				// (not 累计投入1.5亿元。其中，2023年投入5600万元: the part of one year is that year's money)
				// 累计投入300万元。其中养老100万元、助残200万元: a breakdown of a figure set aside is set aside with it
				switch {
				case strings.HasPrefix(out[last].reason, breakdownReason):
					c.reason = out[last].reason
				case out[last].sent < c.sent:
					c.reason = breakdownReason + " of a figure set aside (" + out[last].span.Text + ", " + out[last].reason + ")"
				}
			}
			if last := len(out) - 1; c.reason == "" && last >= 0 && out[last].para == pi && out[last].reason != "" && out[last].span.End <= s.Start &&
				listedAfter(ctx, n[out[last].span.End:s.Start]) {
				// 上缴中央1200万元、省级3600万元: a figure listed right after one set aside
				// is set aside for the same reason (rule decoy-list-continues)
				c.reason = out[last].reason
			}
			if c.reason == "income or transfer" {
				c.reason, c.onlyTotal = "", c.reason
			}
			if last := len(out) - 1; c.reason == "" && c.onlyTotal == "" && last >= 0 && out[last].para == pi && out[last].onlyTotal != "" &&
				(c.detail || c.detailClause || out[last].sent == c.sent) && incomePart(ctx, prefix) {
				// 共获得公益金85万元,其中上级下达60万元,区本级25万元: the parts of an income are income
				c.onlyTotal, c.incomePart = out[last].onlyTotal, true
			}
			next := "" // the clause after, when a comma ends the figure's
			if rest, ok := strings.CutPrefix(n[clauseEnd:], ","); ok {
				next = rest[:nextStop(maskNumberCommas(rest), sentenceStops+clauseStops)]
			}
			c.name, c.org = nameOf(prefix, after, next, n[sentStart:s.Start], local, whoFrom)
			if last := len(out) - 1; c.org == "" && last >= 0 && out[last].para == pi && out[last].sent == c.sent && out[last].org != "" && elidedProvider(local) {
				// 甲中心为乙提供的“丙”项目50万元，为丁提供的“戊”项目40万元: the
				// second clause's provider is the first's, left unsaid (rule org-elided-provider)
				c.org = out[last].org
			}
			if w := strings.TrimSpace(namePrefix(prefix)); names().levelSource.MatchString(textfold.Han(w)) {
				// 乙项目，市级补助4万元，区级配套2万元: the next level's share is the same project's
				if last := len(out) - 1; c.name == w && last >= 0 && out[last].para == pi && out[last].sent == c.sent && out[last].levelOf != "" {
					c.name, c.org = out[last].levelOf+"（"+w+"）", out[last].org
				}
				if k := strings.LastIndex(c.name, "（"+w+"）"); k > 0 {
					c.levelOf = c.name[:k]
				}
			}
			if k := strings.IndexAny(local, ":："); k > 0 {
				// 东城街道：居家养老服务中心运营补助20万元: the place the line is for
				if place := strings.TrimSpace(listMarkerRe.ReplaceAllString(local[:k], "")); isPlace(textfold.Han(place)) || colonPlaceRe.MatchString(textfold.Han(place)) {
					c.region = place
				}
			}
			if rest, ok := strings.CutPrefix(n[clauseEnd:], ","); ok && c.org == "" {
				// 乙项目获资助2万元，承接单位为甲协会: who, in the field after
				c.org = labelledAfter(rest[:nextStop(maskNumberCommas(rest), sentenceStops+"，,")])
			}
			if q, fund := spacedFund(prefix, u.text); fund != "" {
				c.name, c.funding = q, fund // 养老服务体系建设    中央彩票公益金（省级）    3.1亿元: the fund is a field of its own (rule spaced-fund-field)
			}
			if q, o := spacedOrg(prefix, u.text); o != "" {
				c.name, c.org = q, o // 社区矫正帮扶项目 甲社工事务所 4万元: fields split by spaces, the organization last
			}
			c.fundOnly = onlyFund(namePrefix(prefix)) && c.name != purposeOf(after) // named by its purpose, it is more than its fund
			if rest, ok := strings.CutPrefix(n[clauseEnd:], "。"); ok && strings.Trim(after, " ") == "" {
				if q := purposeNextSentence(c.name, rest); q != "" {
					c.label, c.name = c.name, q // 老年人福利类31万元。用于甲改造: the category is its label
				}
			}
			if c.reason == perHeadReason && averageRe.MatchString(textfold.Han(n[sentStart:s.Start])) && sentenceHasFigure(out, pi, c.sent) {
				// 投入180万元为2000户家庭实施改造，户均900元: an average is the detail
				// of the figure its sentence states, never money of its own
			} else if c.reason == perHeadReason {
				if heads, text, at, each, ok := headCount(n[sentStart:s.Start], after); ok {
					c.heads, c.headText = heads, text
					c.name = perHeadName(n[sentStart:s.Start], at, each, after)
				} else if heads, text, clause, each, ok := headCountAround(n, sentStart, s.Start, s.End, s.End+nextStop(m[s.End:], sentenceStops)); ok {
					// 为困难老人每人发放慰问金500元，共慰问150人; 资助贫困大学生150名。每名学生资助3000元。
					c.heads, c.headText = heads, text
					if nm := aroundName(n[sentStart:s.Start], each, clause); nm != "" {
						c.name = nm
					}
				}
			}
			listLead := eachListed(ctx, listLeadRe.ReplaceAllString(textfold.Han(prefix), "")) // 以下项目每个资助3万元：甲、乙、丙
			if (c.reason == perHeadReason || c.reason == "" && !c.keyword) && (eachListed(ctx, prefix) || listLead) {
				var names []string
				if c.reason == perHeadReason && eachListed(ctx, prefix) {
					names = listedBefore(prevClause(local))
					if len(names) < 2 {
						names = quotedListed(prevClause(local), local)
					}
				}
				if len(names) < 2 {
					names = listedAfterColon(n[s.End:], prevClause(local))
				}
				if len(names) >= 2 {
					group++
					for _, nm := range names {
						d := *c
						d.reason, d.name, d.derived, d.group, d.heads, d.headText = "", nm, true, group, 0, "" // each name's, not a count's
						if q, o := parenOrg(nm); o != "" {
							d.name, d.org = q, o // “甲”（乙协会）: who carries it, in parentheses
						} else if q, o := quotedCarrier(nm); o != "" {
							d.name, d.org = q, o
						} else if quotedRe.MatchString(nm) {
							d.name = projectOf(nm) // “甲”入选: the quoted project, not the words after it
						}
						out = append(out, &d)
					}
					continue
				}
			}
			verb := sharedVerb(ctx, prefix, after)
			if c.reason == "" && !c.keyword && !figureFollows(after) && (sharedBefore(ctx, lastRunes(prefix, 4)) || verb >= 0 || sharedUnitBefore(prefix)) {
				trimmed := trimShared(prefix)
				if verb >= 0 {
					trimmed = prefix[:verb]
				}
				names := splitNames(trimmed)
				if len(names) >= 2 {
					group++
					for _, nm := range names {
						d := *c
						d.name, d.derived, d.group = nm, true, group
						if q, o := quotedCarrier(nm); o != "" {
							d.name, d.org = q, o // 甲社区“乙”项目、丙社区“丁”项目各…: each its own organization
						}
						out = append(out, &d)
					}
					continue
				}
				// "甲中心的“A”项目、乙中心的“B”项目获二等奖,各资助4万元": the items are in the clause before
				if len(names) == 0 {
					var parts []*cand
					for _, part := range splitList(prevClause(local)) {
						if quotedRe.MatchString(part) {
							d := *c
							d.name, d.derived = projectOf(part), true
							if loc := orgRe.FindStringIndex(foldedOr(part)); loc != nil {
								d.org = part[loc[0]:loc[1]] // 甲協會的“乙”項目: found folded, printed as it is
							}
							parts = append(parts, &d)
						}
					}
					if len(parts) >= 2 {
						group++
						for _, d := range parts {
							d.group = group
							out = append(out, d)
						}
						continue
					}
				}
				// "甲中心、乙中心:暑期托管项目各1.5万元": one project name, one amount per organization
				if orgs := orgList(local); len(orgs) >= 2 && len(names) == 1 {
					group++
					for _, o := range orgs {
						d := *c
						d.name, d.org, d.derived, d.group = names[0], o, true, group
						out = append(out, &d)
					}
					continue
				}
				if len(names) == 0 || strings.TrimSpace(names[0]) == "" {
					// B类项目20个,每个资助5万元: each one's of things only counted, named nowhere
					c.reason = perHeadReason
				}
			}
			out = append(out, c)
		}
	}
	out = tierAmounts(us, undertakeLists(us, leadLists(us, perHeadItems(out), ctx, &group), &group), &group)
	headingNames(us, out)
	respectively(us, out, ctx)
	cumulativeTotals(out)
	for _, c := range out {
		if c.reason == "" && names().totalOnly.MatchString(textfold.Han(strings.TrimSpace(c.name))) {
			c.activity = noticeActivity(us, c.para)
		}
	}
	return out
}

// cumulativeTotals makes a cumulative figure that is the sum of the
// figures before it in its paragraph (2021年投入150万元，2022年投入180万元，…
// 三年累计投入330万元) their stated total (rule cumulative-of-parts): a
// cumulative word over figures the text lists is a total, not money of
// earlier years left unsaid.
func cumulativeTotals(cands []*cand) {
	for i, c := range cands {
		if !strings.HasPrefix(c.reason, "cumulative figure") {
			continue
		}
		var sum int64
		n := 0
		for k := i - 1; k >= 0 && cands[k].para == c.para && cands[k].reason == "" && !cands[k].keyword; k-- {
			sum += cands[k].span.Yuan
			n++
		}
		if n >= 2 && matches(c.span, sum) {
			c.reason, c.keyword = "", true
		}
	}
}

// respectively pairs the names listed before 分别 with the figures listed
// after it, in order (甲县、乙县分别安排50万元、30万元: kind respectively of
// data/lexicon/amount_context.csv), when there are as many of each; the
// figures between are joined only by 、 和 及 or a comma.
func respectively(us []unit, cands []*cand, ctx []rule) {
	for i := 0; i < len(cands); i++ {
		c := cands[i]
		if c.reason != "" || c.derived || c.keyword {
			continue
		}
		n := fieldSlashes(us[c.para].norm)
		before := n[c.sent:c.span.Start]
		f := textfold.Han(before)
		if len(f) != len(before) {
			continue
		}
		at := -1
		for _, r := range ctx {
			if r.kind == "respectively" {
				if loc := r.re.FindStringIndex(f); loc != nil {
					at = loc[0]
				}
			}
		}
		if at < 0 {
			continue
		}
		listStart := lastStop(maskNumberCommas(before[:at]), clauseStops)
		names := splitNames(before[listStart:at])
		run := []*cand{c}
		for j := i + 1; j < len(cands) && len(run) < len(names); j++ {
			d := cands[j]
			gap := strings.Trim(n[run[len(run)-1].span.End:min(d.span.Start, len(n))], " ")
			if d.para != c.para || d.sent != c.sent || d.reason != "" || !(gap == "、" || gap == "和" || gap == "及" || gap == "，" || gap == ",") {
				break
			}
			run = append(run, d)
		}
		if len(names) < 2 || len(run) != len(names) {
			continue
		}
		for k, d := range run {
			q, o := quotedCarrier(names[k])
			d.name, d.derived, d.group = q, false, 0
			if o != "" {
				d.org = o
			}
		}
		i += len(run) - 1
	}
}

const perHeadReason = "per-head or per-unit amount"

// perHeadItems makes each per-head amount of counted people one item of
// count × amount, derived (rule per-head-times-count), unless a figure of
// its paragraph or the next states that product: then the per-head amount
// is that figure's detail and stays unread, saying so.
func perHeadItems(cands []*cand) []*cand {
	for _, c := range cands {
		if c.heads == 0 || c.reason != perHeadReason {
			continue
		}
		product := c.heads * c.span.Yuan
		var stated *cand
		for _, o := range cands {
			if o != c && (o.para == c.para || o.para == c.para+1) && o.span.Yuan == product {
				stated = o
				break
			}
		}
		if stated != nil {
			c.reason = fmt.Sprintf("%s: %s × %s is the figure %s", perHeadReason, c.headText, c.span.Text, stated.span.Text)
			if stated.para == c.para && stated.sent == c.sent {
				// 资助80名，每人5000元，共40万元: the total word states the product, the item's own amount
				stated.keyword, stated.product = false, c
			}
			continue
		}
		c.reason, c.span.Yuan, c.derived = "", product, true
	}
	return cands
}

// perHeadName names the item of a per-head amount: the thing paid after
// it (每人5000元的助学金 → 助学金), else the sentence's quoted name, else
// the clause that counts the people (资助30名学生).
func perHeadName(before string, at, each int, after string) string {
	if a, ok := strings.CutPrefix(after, "的"); ok {
		if a = strings.Trim(a, "、，,。；; "); utf8.RuneCountInString(a) >= 2 {
			return a
		}
	}
	if q := quotedRe.FindAllString(before, -1); len(q) > 0 {
		return q[len(q)-1]
	}
	m := maskNumberCommas(before)
	start := lastStop(m[:at], clauseStops)
	end := min(each, at+nextStop(m[at:], clauseStops)) // up to 每人: the per-head words are no part of it
	name := headClauseName(before[start:end])
	if utf8.RuneCountInString(name) < 2 && start > 0 {
		// 为老人发放高龄津贴，共计150人，每人300元: a clause that is only the
		// count names nothing; the clause before says what was paid
		name = headClauseName(before[lastStop(m[:start-1], clauseStops) : start-1])
	}
	return name
}

// headClauseName is the name a clause that counts people gives a per-head
// item: without its list marker and lead words, the fund it is paid from
// (rule name-fund-lead), and the count at its end (资助困难大学生20名 →
// 资助困难大学生; rule per-head-times-count): how many is the multiplier,
// no part of the name.
func headClauseName(clause string) string {
	name := strings.Trim(cutLead(listMarkerRe.ReplaceAllString(clause, "")), "、，,。；; ")
	f := textfold.Han(name)
	if m := names().fundLead.FindStringIndex(f); m != nil && len(f) == len(name) {
		if k := strings.LastIndex(f[:m[1]], "公益金"); k >= 0 && utf8.RuneCountInString(name[k+len("公益金"):]) >= 2 {
			// 我市使用福彩公益金资助困难大学生: the fund is cut, the verb that
			// says what was done for the people stays (rule name-fund-lead)
			name = strings.TrimPrefix(name[k+len("公益金"):], "的")
		}
	}
	if lx, err := perHeadRules(); err == nil {
		if m := lx.paid.FindStringSubmatchIndex(textfold.Han(name)); m != nil && len(textfold.Han(name)) == len(name) {
			name = name[m[2]:m[3]] // 为老人发放高龄津贴 → 高龄津贴 (rule per-head-name)
		}
	}
	f = textfold.Han(name)
	if loc := names().beneficiaryCount.FindStringIndex(f); loc != nil && len(f) == len(name) {
		name = cutTrail(name[:loc[0]])
	}
	name = strings.Trim(name, "、，,。；; ")
	if totalWordOnly(textfold.Han(name)) {
		return ""
	}
	return name
}

// averageRe: an average per head or household before a figure (户均900元,
// 人均补助1000元, 平均每户).
var averageRe = regexp.MustCompile(`(?:人均|户均|生均|平均每人|平均每户)\p{Han}{0,6}$`)

// sentenceHasFigure reports whether a figure before in the same sentence of
// paragraph pi was read.
func sentenceHasFigure(out []*cand, pi, sent int) bool {
	for k := len(out) - 1; k >= 0 && out[k].para == pi; k-- {
		if out[k].sent == sent {
			return true
		}
	}
	return false
}

// foldedOr is s folded to simplified script when folding keeps its byte
// offsets (traditional and simplified characters are three bytes each), so
// that a match on it slices s as printed; s itself otherwise.
func foldedOr(s string) string {
	if f := textfold.Han(s); len(f) == len(s) {
		return f
	}
	return s
}

// elidedProvider reports whether a clause says for whom a service is
// provided with no one before 为 (…，为全市165户家庭提供的“甲”项目): its
// provider is the one of the clause before.
func elidedProvider(local string) bool {
	f := textfold.Han(strings.TrimLeft(local, "，,、； "))
	return strings.HasPrefix(f, "为") && names().provider.MatchString(f) && orgRe.FindString(f) == ""
}

// aroundName names a per-head item whose count is not before it in its
// sentence: the words before the per-head words (为困难老人每人发放慰问金 →
// 困难老人) with what was paid (慰问金), else the clause of the sentence
// before that counts the people (资助贫困大学生150名 → 资助贫困大学生).
func aroundName(before string, each int, clause string) string {
	if nm := headClauseName(before[:each]); utf8.RuneCountInString(nm) >= 2 && !totalWordOnly(textfold.Han(nm)) {
		if m := paidThingRe.FindString(textfold.Han(before[each:])); m != "" && len(textfold.Han(before)) == len(before) {
			return nm + m // 困难老人 + 慰问金
		}
		return nm
	}
	if clause != "" {
		return headClauseName(clause)
	}
	return ""
}

// paidThingRe: what a per-head amount pays, at the end of its per-head
// words (每人发放慰问金, 每名学生资助助学金).
var paidThingRe = regexp.MustCompile(`(?:慰问金|补助金|助学金|生活费|津贴|补贴|救助金|奖学金)$`)

const breakdownReason = "breakdown (其中)"

// inherited reports whether the parts of a figure set aside for reason
// (其中 …) are set aside with it: the parts of a cumulative figure, a
// change, an income are no spending; the parts of sales or fund-raising
// figures are often what was spent (筹集公益金3亿元，其中用于养老1亿元).
func inherited(reason string) bool {
	for _, r := range []string{"cumulative figure", "change from a prior year", breakdownReason} {
		if strings.HasPrefix(reason, r) {
			return true
		}
	}
	return false
}

func decoyReason(ctx []rule, wide, prefix, after, ahead string) string {
	if strings.HasPrefix(after, "/") || strings.HasPrefix(after, "每") {
		return perHeadReason
	}
	for _, r := range ctx {
		// the words on both sides of the figure, # marking it (预算为800万元，实际支出…)
		if r.kind == "decoy-around" && r.re.MatchString(prefix+"#"+ahead) {
			return r.meaning
		}
		// the sentence up to the figure (按资金来源分：中央…600万元，省级…400万元)
		if r.kind == "decoy-sentence" && r.re.MatchString(wide) {
			return r.meaning
		}
	}
	for _, r := range ctx {
		if r.kind != "decoy" {
			continue
		}
		if r.re.MatchString(prefix) || r.meaning == "cumulative figure" && r.re.MatchString(wide) {
			if r.meaning == "cumulative figure" && withinTheYear(ctx, wide) {
				continue // 今年以来累计使用85.6万元: the year's figure
			}
			return r.meaning
		}
	}
	for _, r := range ctx {
		if r.kind == "standard" && r.re.MatchString(after) {
			return r.meaning // 按照每个站点2万元的标准: what each unit gets, not what was paid
		}
	}
	return ""
}

// eachListed: the words before a figure say it is each one's of a list
// (每个项目资助: kind each-listed of data/lexicon/amount_context.csv).
func eachListed(ctx []rule, prefix string) bool {
	f := textfold.Han(strings.Trim(prefix, "、，,:： "))
	for _, r := range ctx {
		if r.kind == "each-listed" && r.re.MatchString(f) {
			return true
		}
	}
	return false
}

// listedCountRe is the count that closes a list of names (等5个项目).
// headingSentence reports whether the sentence starting at sentStart is the
// numbered paragraph's heading: its first sentence ((一)养老服务类120万元。
// …), not one after a heading that states no figure ((一)老年人福利类。使用
// 中央公益金600万元…；使用省级公益金300万元…: two uses, neither the other's part).
func headingSentence(n string, sentStart int) bool {
	return !strings.ContainsAny(n[:sentStart], "。!！?？")
}

// detailEndsRe: words that start a sentence of its own after a 其中 list
// (另外, 此外, 同时, 全年, 合计 …): no part of the list.
var detailEndsRe = regexp.MustCompile(`^(?:另外|另|此外|同时|全年|本年|今年|合计|共计|总计|以上|上述)`)

// listedAfterColon lists the names a colon right after a per-project
// figure introduces (一等奖项目3个，每个资助8万元：甲、乙、丙。; rule
// each-listed-after): up to the end of the sentence, at least two, as
// many as the clause before counts when it counts them (项目3个, 3个项目).
func listedAfterColon(rest, counted string) []string {
	list, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), ":")
	if !ok {
		if list, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), "："); !ok {
			return nil
		}
	}
	list = list[:nextStop(maskNumberCommas(list), sentenceStops)]
	if money.FindSpans(list) != nil || !strings.ContainsAny(list, "、,，") {
		return nil
	}
	names := splitNames(list)
	if len(names) < 2 {
		return nil
	}
	if m := countedProjectsRe.FindStringSubmatch(textfold.Han(counted)); m != nil {
		if n, ok := countValue(m[1] + m[2]); ok && n != int64(len(names)) {
			return nil
		}
	}
	return names
}

// listLeadRe is the words that say a list follows, before a per-project
// amount (以下项目每个…, 下列3个单位各…).
var listLeadRe = regexp.MustCompile(`^(?:以下|下列|如下)(?:(?:\d+|[一二三四五六七八九十两]+)(?:个|项|家))?(?:项目|单位|组织)?`)

// countedProjectsRe is how many projects a clause counts (项目3个, 3个项目).
var countedProjectsRe = regexp.MustCompile(`项目(\d+|[一二三四五六七八九十两]+)个|(\d+|[一二三四五六七八九十两]+)个项目`)

var listedCountRe = regexp.MustCompile(`(?:等|共|计)?(\d+|[一二三四五六七八九十两]+)(?:个|项)(?:项目|单位|组织|社区)?$`)

// listedBefore is the names a clause lists when it closes with their count
// (甲、乙、丙等3个项目) and the count is theirs; nil otherwise.
func listedBefore(clause string) []string {
	f := textfold.Han(clause)
	m := listedCountRe.FindStringSubmatchIndex(f)
	if m == nil || len(f) != len(clause) {
		return nil
	}
	names := splitList(strings.TrimSpace(clause[:m[0]]))
	if n, ok := countValue(f[m[2]:m[3]]); !ok || n != int64(len(names)) {
		return nil
	}
	for _, nm := range names {
		if utf8.RuneCountInString(nm) < 2 {
			return nil
		}
	}
	return names
}

// quotedListCountRe is how many a list's label says it holds (一等奖（2个）：).
var quotedListCountRe = regexp.MustCompile(`[(（](\d+|[一二三四五六七八九十两]+)(?:个|项)[)）]\s*[:：]$`)

// quotedListed is the quoted projects a clause lists (“甲”（乙协会）、“丙”),
// each part holding one, when the label before the list does not count
// otherwise (一等奖（2个）：…); nil when a part quotes nothing (rule
// each-listed-quoted).
func quotedListed(clause, local string) []string {
	parts := splitNames(clause)
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		if len(quotedRe.FindAllString(p, -1)) != 1 {
			return nil
		}
	}
	if i := strings.LastIndex(local, clause); i > 0 {
		if m := quotedListCountRe.FindStringSubmatch(textfold.Han(local[:i])); m != nil {
			if n, ok := countValue(m[1]); ok && n != int64(len(parts)) {
				return nil
			}
		}
	}
	return parts
}

// withinTheYear: the words before a figure put its period inside this year
// (今年以来, 本年度至今: kind year-to-date of data/lexicon/amount_context.csv).
func withinTheYear(ctx []rule, wide string) bool {
	for _, r := range ctx {
		if r.kind == "year-to-date" && r.re.MatchString(wide) {
			return true
		}
	}
	return false
}

func sharedBefore(ctx []rule, tail string) bool {
	tail = textfold.Han(tail) // 每個 as 每个
	for _, r := range ctx {
		if r.kind == "shared" {
			if loc := r.re.FindStringIndex(tail); loc != nil && loc[1] >= len(tail)-len("每个社区") {
				return true
			}
		}
	}
	return false
}

// sharedVerb is where the words that say one amount is each one's begin
// at the end of the words before a figure, however far the distributive
// word sits from it (甲、乙各获得资助资金: kind shared-verb of
// data/lexicon/amount_context.csv), -1 when none or when another figure
// follows at once (甲、乙分别获得3万元、2万元: each its own).
func sharedVerb(ctx []rule, prefix, after string) int {
	if figureFollows(after) {
		return -1
	}
	f := textfold.Han(prefix)
	if len(f) != len(prefix) {
		return -1
	}
	for _, r := range ctx {
		if r.kind != "shared-verb" {
			continue
		}
		if loc := r.re.FindStringIndex(f); loc != nil {
			return loc[0]
		}
	}
	return -1
}

// listOpenRe is the words that open a list of parts split by ；
// (其中：, 具体如下：, 分配如下:, 主要支出情况：).
var listOpenRe = regexp.MustCompile(`(?:其中|如下|具体为|具体是|分别为|分别是|包括|主要有|用于|情况|明细|清单|名单)[:：]`)

// listStartBefore is the offset just after the colon that opens the list of
// ；-separated parts the text before a figure ends in, 0 when none: no
// full stop between the colon and the figure.
func listStartBefore(before string) int {
	f := textfold.Han(before)
	if len(f) != len(before) {
		return 0
	}
	locs := listOpenRe.FindAllStringIndex(f, -1)
	if len(locs) == 0 {
		return 0
	}
	at := locs[len(locs)-1][1]
	if strings.ContainsAny(f[at:], "。\n") {
		return 0
	}
	return at
}

// recipientOnlyRe: the words after a figure only say where it goes (至各街道,
// 到乙社区, 给丙中心): its purpose may follow in the next clause.
var recipientOnlyRe = regexp.MustCompile(`^(?:至|到|给|拨给|下达至|下达给)[^，,。；;用]{1,20}$`)

// countLedRe: words that start with how many (3家敬老院, 十二个社区), after a
// scope at most (全区12家农村敬老院, 辖区内5个社区), count facilities or
// places; no organization's name starts so.
var countLedRe = regexp.MustCompile(`^(?:(?:全|本|我|辖)(?:省|市|区|县|镇|乡|街道|区内|市内|县内)?(?:内|范围内)?的?)?(?:\d+|[一二三四五六七八九十两]+)(?:个|家|所|处|座|名|户|类|项)`)

// colonPlaceRe is a place alone before a line's colon (甲县：, 东城街道：, 南湖镇：).
var colonPlaceRe = regexp.MustCompile(`^\p{Han}{1,6}?(?:街道|镇|乡|社区|村|县|区|市|旗)$`)

// whoLabelRe is a field label that says who (资助单位, 捐赠单位, 主办机构): it
// names no project.
var whoLabelRe = regexp.MustCompile(`^\p{Han}{1,6}(?:单位|机构|主体|方)$`)

// oneYearRe: a part that names one year of a cumulative figure (其中，2023年投入…),
// not a span of years (2021年至2023年).
var oneYearRe = regexp.MustCompile(`^(?:其中[，,]?)?(?:19|20)\d{2}年(?:度)?(?:[^至到\-—~～\d]|$)`)

// shareRe is a clause that states a figure's share of a whole (占57.1%,
// 约占全年支出的21.5%).
var shareRe = regexp.MustCompile(`^(?:约)?占(?:比|比例)?(?:\p{Han}{0,8}的)?(?:\d+(?:\.\d+)?)%$`)

// figureFollows: the words after a figure, up to the next in its clause,
// only join it to that next figure (3万元、2万元): a list of figures, each
// its own, never one amount shared.
func figureFollows(after string) bool {
	a := strings.TrimSpace(after)
	return a == "、" || a == "和" || a == "及"
}

// listedAfter: the words between two figures only list the second after
// the first (、 alone, or 、 and a level or source: 上缴中央1200万元、省级3600万元).
func listedAfter(ctx []rule, gap string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(gap), "、")
	return ok && (strings.TrimSpace(rest) == "" || incomePart(ctx, rest))
}

var sharedTrailRe = regexp.MustCompile(`(?:各|分别|每个|每家|每所|每处|每座|每村|每社区)(?:社区|村|站点|点位|单位|中心)?(?:获得|安排|补助|资助|给予|奖补)?(?:补助|资助)?(?:资金|经费)?$`)

func trimShared(prefix string) string {
	return cutFolded(sharedTrailRe, prefix) // 各補助 as 各补助
}

// markerStyle is the kind of a list marker: paragraphs with markers of one
// kind (2. and 3.) are siblings, never a section and its part.
func markerStyle(m string) string {
	if m == "" {
		return ""
	}
	r := []rune(m)
	paren := r[0] == '(' || r[0] == '（'
	if paren {
		r = r[1:]
	}
	kind := "d"
	switch {
	case len(r) > 0 && strings.ContainsRune("一二三四五六七八九十百", r[0]):
		kind = "cn"
	case len(r) > 0 && r[0] >= '①' && r[0] <= '⑳':
		kind = "circled"
	}
	if paren {
		return "(" + kind + ")"
	}
	return kind
}

var (
	// awardRe: an award the clause names after the project (获一等奖, 获评优秀项目)
	awardRe = regexp.MustCompile(`(?:获得?|荣获|获评|评为)[\p{Han}]{0,6}(?:奖|项目|等次)$`)
)

// cutFolded removes what re matches in s, matched on s folded to simplified
// characters (用於 is 用于), so that a rule reads traditional script as it
// reads simplified; s as printed otherwise.
// cutLead cuts the words a name never starts with (leadRe), keeping the
// words of a term that begins with one (为老服务: kind lead-keep of
// data/lexicon/naming.csv).
func cutLead(s string) string {
	f := textfold.Han(s)
	if m := leadRe.FindStringIndex(f); m != nil && len(f) == len(s) {
		if k := names().leadKeep.FindStringIndex(f); k != nil && k[0] < m[1] {
			return s[k[0]:] // 为老服务类: the lead stops where the kept term starts
		}
	}
	return cutFolded(leadRe, s)
}

func cutFolded(re *regexp.Regexp, s string) string {
	f := textfold.Han(s)
	if len(f) != len(s) {
		return re.ReplaceAllString(s, "")
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(f, -1) {
		b.WriteString(s[last:m[0]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// clausesOf splits local into its clauses (1,200 stops none).
func clausesOf(local string) []string {
	m := maskNumberCommas(local)
	var out []string
	start := -1
	for i, r := range m {
		stop := strings.ContainsRune(clauseStops+sentenceStops, r)
		switch {
		case stop && start >= 0:
			out = append(out, local[start:i])
			start = -1
		case !stop && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, local[start:])
	}
	return out
}

// nameBefore is the project named by the clauses before the last one of
// local, walking back over those that say who (an organization alone, or
// its field label: 承接单位：甲中心) to the one that says what; "" when a
// clause of when or on what grounds (rule name-from-clause-before, kind
// no-name) or nothing comes first. org is the organization passed over.
func nameBefore(local string) (name, org string) {
	cl := clausesOf(local)
	cols, _, _ := lexicons()
	for k := len(cl) - 2; k >= 0 && k >= len(cl)-5; k-- {
		f := textfold.Han(strings.TrimSpace(cl[k]))
		switch {
		case names().noName.MatchString(f) || strings.HasPrefix(f, "的"):
			return "", org // when or on what grounds; or the tail of a figure's clause (…2000元的资助)
		case orgRe.FindString(f) == f:
			if org == "" {
				org = strings.TrimSpace(cl[k])
			}
			continue
		case roleOf(cols, f) == roleOrg && utf8.RuneCountInString(f) <= 8 || whoLabelRe.MatchString(f):
			continue // the label before its organization (承接单位, 资助单位)
		case undertakeWhole(f):
			if m := undertakeRe.FindStringSubmatch(strings.TrimSpace(cl[k])); m != nil && org == "" {
				org = m[1] // 由甲中心承接: who, not what
			}
			continue
		}
		part := cl[k]
		if q := strings.TrimSpace(asideRe.ReplaceAllString(part, "")); q != "" && q != part && labelledOrg(part) != "" {
			part = q // 甲项目（实施单位：乙中心）: the aside names who, not what
		}
		if openParen(part) > 0 {
			if before := part[:strings.LastIndexAny(part, "(（")]; strings.TrimSpace(before) != "" {
				part = before // 为老服务类（8个，资助金额62万元）: the name before the parenthesis the figure is printed in
			}
		}
		name, o := projectAndOrg(part)
		if org == "" {
			org = o
		}
		if org == "" && k > 0 && quotedRe.MatchString(part) {
			// 甲县东门社区：“乙”项目，资助2万元: who carries it, in the clause before what
			if w := strings.TrimSpace(listMarkerRe.ReplaceAllString(cl[k-1], "")); carrierBeforeQuote(w) == w || orgRe.FindString(textfold.Han(w)) == textfold.Han(w) {
				org = w
			}
		} else if k > 0 && !quotedRe.MatchString(part) {
			// 县福利院：改造提升项目，补助资金60万元: a site before the colon is
			// where the project is done, part of its name (rule name-site-colon)
			w := strings.TrimSpace(listMarkerRe.ReplaceAllString(cl[k-1], ""))
			fw := textfold.Han(w)
			if (strings.Contains(local, w+":") || strings.Contains(local, w+"：")) && orgLexicon() == nil && orgSite.MatchString(fw) && utf8.RuneCountInString(w) <= 12 && !strings.Contains(name, w) {
				name = w + name
			}
		}
		return name, org
	}
	return "", org
}

// undertakeWhole: the clause only says who carries the project out
// (由甲中心承接, 甲协会负责实施).
func undertakeWhole(f string) bool {
	m := undertakeRe.FindStringIndex(f)
	return m != nil && m[0] == 0 && m[1] == len(f)
}

// incomePart: the words before a figure name only where money came from
// (上级下达, 区本级: kind income-part in data/lexicon/amount_context.csv).
func incomePart(ctx []rule, prefix string) bool {
	clean, _ := textfold.Clean(strings.Trim(prefix, "、，,:： "))
	for _, r := range ctx {
		if r.kind == "income-part" && r.re.MatchString(clean) {
			return true
		}
	}
	return false
}

// lastClause is the last clause of local, "" when none.
func lastClause(local string) string {
	cl := clausesOf(local)
	if len(cl) == 0 {
		return ""
	}
	return namePrefix(cl[len(cl)-1])
}

// prevClause is the clause before the last one of local, "" when none.
func prevClause(local string) string {
	m := maskNumberCommas(local)
	var bounds [][2]int // the clauses of local, by offset (1,200 stops none)
	start := -1
	for i, r := range m {
		stop := strings.ContainsRune(clauseStops+sentenceStops, r)
		switch {
		case stop && start >= 0:
			bounds = append(bounds, [2]int{start, i})
			start = -1
		case !stop && start < 0:
			start = i
		}
	}
	if start >= 0 {
		bounds = append(bounds, [2]int{start, len(m)})
	}
	if len(bounds) < 2 {
		return ""
	}
	b := bounds[len(bounds)-2]
	return local[b[0]:b[1]]
}

// projectOf is the project a clause names: its quoted name (with the 项目
// after it), else the clause without its list marker, lead words and an
// award (获一等奖).
func projectOf(clause string) string {
	name, _ := projectAndOrg(clause)
	return name
}

// projectAndOrg is projectOf with the organization that stands before a
// quoted project (rule org-before-quote), "" when none.
func projectAndOrg(clause string) (string, string) {
	if loc := quotedRe.FindStringIndex(clause); loc != nil {
		name := clause[loc[0]:loc[1]]
		rest := asideRe.ReplaceAllString(clause[loc[1]:], "")
		if m := quotedTailRe.FindStringIndex(textfold.Han(rest)); m != nil && len(textfold.Han(rest)) == len(rest) {
			name += rest[:m[1]] // “甲”助餐服务项目: the words after the quote up to 项目 (項目 as printed)
		}
		before := listMarkerRe.ReplaceAllString(clause[:loc[0]], "")
		org := orgBeforeQuote(cutFolded(orgLeadRe, before))
		if b := strings.TrimSpace(cutLead(before)); org == "" && qualifierBefore(b) {
			name = b + name // 困境儿童“护苗”行动: words that qualify the quoted name are part of it (rule name-quote-qualifier)
		}
		return name, org
	}
	p := listMarkerRe.ReplaceAllString(clause, "")
	p = cutFolded(awardRe, cutLead(p))
	p = cutCount(cutFolded(trailRe, p))
	if utf8.RuneCountInString(p) < 2 {
		return "", ""
	}
	return p, ""
}

// quotedCarrier is the quoted project of a name printed who-then-what with
// no verb between (甲社区“乙”项目) and who carries it (rule
// org-name-run-quoted); org is "" when no carrier stands before the quote.
func quotedCarrier(name string) (project, org string) {
	loc := quotedRe.FindStringIndex(name)
	if loc == nil {
		return name, ""
	}
	q, _ := projectAndOrg(name)
	before := listMarkerRe.ReplaceAllString(name[:loc[0]], "")
	if maskRe.MatchString(before) && q != "" && !strings.ContainsAny(before, "，,。；;：:") {
		// 乙县颐养(略)中心“长者食堂”项目: who carries it was masked by the page
		// that copied the notice (rule org-masked): the project, no organization
		return q, maskedOrg
	}
	if o := carrierBeforeQuote(cutFolded(orgLeadRe, before)); o != "" && q != "" {
		return q, o
	}
	return name, ""
}

// qualifierBefore: the words before a quoted name qualify it (困境儿童, 社区,
// 高龄老人) rather than say who carries it or what happened: a few
// characters, none of a verb, an award, a possessive or punctuation, and
// no organization's or place's name.
func qualifierBefore(b string) bool {
	n := utf8.RuneCountInString(b)
	if n < 2 || n > 8 || strings.ContainsAny(b, "的，,、：:；;（）()“”") {
		return false
	}
	f := textfold.Han(b)
	if orgRe.MatchString(f) || isPlace(b) || namesNothing(b) || qualifierNotRe.MatchString(f) {
		return false
	}
	return true
}

// qualifierNotRe is a word that makes the words before a quote a clause,
// not a qualifier of the name (开展, 实施, 获, 评为 …).
var qualifierNotRe = regexp.MustCompile(`(?:开展|实施|举办|承接|承办|获|评|荣|入选|推出|启动|开启|组织|参与|参加|资助|补助|扶持|支持|安排|投入|使用|拨付|下达|用于|其中|经|由|在|对|向|为|将|已|并|和|与|及|年|月|日|局|委|办|政府|街道|镇|乡|县|区|市|省|村|社区)`)

// maskRe is a mask a page that copies notices prints over words it hides
// ((略), ***, ×××: rule org-masked).
var maskRe = regexp.MustCompile(`[(（]\s*略\s*[)）]|\*{3,}|×{3,}`)

// maskedOrg stands for an organization a mask hid: known to be there, not
// known who; cleared to "" before the item is loaded.
const maskedOrg = "\x00masked"

// orgList is the organizations a list item names before its colon
// (甲中心、乙协会:项目…): nil unless every part is an organization's name.
func orgList(local string) []string {
	i := strings.LastIndexAny(local, ":：")
	if i < 0 {
		return nil
	}
	parts := splitNames(local[:i])
	for _, p := range parts {
		if orgRe.FindString(p) != p {
			return nil
		}
	}
	return parts
}

// splitNames splits "甲县殡仪馆和太和县殡仪馆" or "A、B、C" into names.
func splitNames(s string) []string {
	s = cutLead(listMarkerRe.ReplaceAllString(s, ""))
	var out []string
	for _, p := range splitList(s) {
		if p = strings.TrimSpace(p); utf8.RuneCountInString(p) >= 2 {
			out = append(out, p)
		}
	}
	return out
}

// labelWordRe: 承接/实施 followed by these is a field label (承接单位), not the verb.
var labelWordRe = regexp.MustCompile(`^(?:单位|主体|机构|方|人)`)

// asideRe is a parenthesized aside of "label:value" fields ((承接单位:甲中心),
// (实施单位：乙协会，统一社会信用代码：…)).
var asideRe = regexp.MustCompile(`[(（]([\p{Han}]{2,8}[:：][^()（）]{2,80})[)）]`)

var asideSepRe = regexp.MustCompile(`[,，;；]`)

// labelledAfter is the organization the clause after a figure names under
// an organization's field label (承接单位为甲协会, 实施单位：乙中心; rule
// org-label-after), "" when it names none.
func labelledAfter(next string) string {
	cols, _, _ := lexicons()
	next = strings.TrimSpace(next)
	fn := foldedOr(next) // 為 as 为
	for _, sep := range []string{"为", "是", ":", "："} {
		k := strings.Index(fn, sep)
		if k < 0 {
			continue
		}
		label, value, ok := next[:k], next[k+len(sep):], true
		if !ok || utf8.RuneCountInString(label) > 8 || roleOf(cols, textfold.Han(strings.TrimSpace(label))) != roleOrg {
			continue
		}
		value = strings.Trim(value, "、，,。；; ")
		if f := textfold.Han(value); value != "" && (orgRe.FindString(f) == f || carrierBeforeQuote(value) == value) {
			return value
		}
	}
	return ""
}

// spacedOrg splits the words before a figure, printed as fields split by
// spaces (社区矫正帮扶项目 甲县启航社工事务所 4万元), into the project and the
// organization that is its last field (rule org-space-field). prefix is as
// normalized (no spaces), raw the paragraph as printed; org is "" unless the
// printed text has a space between a project's name and a registered name
// that ends the words.
// spacedFund reads a line of fields split by spaces whose field before the
// figure is only the fund it is paid from (养老服务体系建设    中央彩票公益金
// （省级）    3.1亿元): the fields before it name the item, the fund is its
// funding source and no part of its name. prefix is the words before the
// figure as the readers see them, raw the line as printed.
func spacedFund(prefix, raw string) (name, fund string) {
	if !strings.ContainsAny(raw, " \t\u3000") {
		return "", ""
	}
	joined := func(s string) string { return strings.Join(strings.Fields(s), "") }
	p := joined(listMarkerRe.ReplaceAllString(strings.TrimSpace(prefix), ""))
	fields := strings.Fields(strings.ReplaceAll(listMarkerRe.ReplaceAllString(strings.TrimSpace(raw), ""), "\u3000", " "))
	for i := 1; i < len(fields); i++ {
		f := norm(fields[i])
		before := norm(strings.Join(fields[:i], ""))
		if utf8.RuneCountInString(before) < 2 || !onlyFund(f) || joined(before+f) != p {
			continue
		}
		return before, f
	}
	return "", ""
}

func spacedOrg(prefix, raw string) (name, org string) {
	p := listMarkerRe.ReplaceAllString(strings.TrimSpace(prefix), "")
	f := textfold.Han(p)
	if len(f) != len(p) || !strings.ContainsAny(raw, " \t\u3000") {
		return "", ""
	}
	for _, loc := range names().projectWord.FindAllStringIndex(f, -1) {
		before, last := p[:loc[1]], p[loc[1]:]
		fl := textfold.Han(last)
		if utf8.RuneCountInString(before) < 4 || utf8.RuneCountInString(last) < minOrganizationRune || orgRe.FindString(fl) != fl || orgLexicon() != nil || orgNotName.MatchString(fl) {
			continue
		}
		if regexp.MustCompile(regexp.QuoteMeta(lastRunes(before, 4)) + `[ \t\x{3000}]+` + regexp.QuoteMeta(last)).MatchString(raw) {
			return before, last
		}
	}
	return "", ""
}

// labelledOrg is the organization a parenthesized aside names under an
// organization's field label of the column lexicon; "" when none.
func labelledOrg(s string) string {
	cols, _, _ := lexicons()
	for _, m := range asideRe.FindAllStringSubmatch(s, -1) {
		for _, field := range asideSepRe.Split(m[1], -1) {
			label, value, ok := strings.Cut(strings.Replace(field, "：", ":", 1), ":")
			if ok && roleOf(cols, textfold.Han(strings.TrimSpace(label))) == roleOrg && strings.TrimSpace(value) != "" {
				return strings.TrimSpace(value)
			}
		}
	}
	return ""
}

// namePrefix is the words before a figure with what is no part of a name
// cut: the list marker, lead words, the trail before the figure (rules
// name-lead-verb, name-price-trail, name-after-provider, name-fund-use).
func namePrefix(prefix string) string {
	p := listMarkerRe.ReplaceAllString(prefix, "")
	p = cutLead(p)
	return trimName(cutTrail(p))
}

// nameOf reads the name of the thing an amount is for: the words before it
// in its clause, else what follows 用于, else the sentence's quoted name.
// next is the clause after the figure's, when a comma ends the figure's.
func nameOf(prefix, after, next, sentence, local, whoFrom string) (name, org string) {
	p := namePrefix(prefix)
	local = listMarkerRe.ReplaceAllString(strings.TrimLeft(local, "，,；;。 "), "")
	whoFrom = listMarkerRe.ReplaceAllString(strings.TrimLeft(whoFrom, "，,；;。 "), "") // （一）甲院…: the marker is no part of a name
	if o := labelledOrg(local); o != "" {
		org = o // (承接单位:甲中心)
		if q := namePrefix(asideRe.ReplaceAllString(prefix, "")); q != p && utf8.RuneCountInString(q) >= 2 {
			if quotedRe.MatchString(q) {
				q = projectOf(q) // “甲”项目（申报单位：乙社区）资助1万元: the quoted project
			}
			p = q // 甲项目（实施单位：乙中心），资助6万元: the aside is the organization's, no part of the name
		}
	} else if m := undertakeRe.FindStringSubmatchIndex(whoFrom); m != nil && !labelWordRe.MatchString(whoFrom[m[1]:]) {
		org = whoFrom[m[2]:m[3]]
	} else if loc := orgRe.FindStringIndex(foldedOr(whoFrom)); loc != nil && !orgIsObject(whoFrom[loc[1]:]) && !orgIsBuilt(whoFrom[:loc[0]], whoFrom[loc[0]:loc[1]]) {
		org = whoFrom[loc[0]:loc[1]]
	}
	if org == "" && strings.HasPrefix(strings.TrimLeft(next, "）)，, "), "由") {
		// 甲项目（50万元），由乙中心承接: who carries it out, in the clause after
		rest := strings.TrimLeft(next, "）)，, ")
		if m := undertakeRe.FindStringSubmatchIndex(textfold.Han(rest)); m != nil && m[0] == 0 {
			org = rest[m[2]:m[3]] // folded for the verb (實施), printed as it is
		}
	}
	// an organization is a name, not a clause: no verbs of spending inside,
	// and no parenthesis it was printed in
	org = strings.Trim(cutFolded(orgLeadRe, org), "()（） ")
	if orgLexicon() == nil {
		if loc := orgLead.FindStringIndex(textfold.Han(org)); loc != nil {
			org = org[loc[1]:] // 资助甲福利院: the verb of giving is no part of the name
		}
	}
	if fo := textfold.Han(org); utf8.RuneCountInString(org) > 24 || strings.Contains(fo, "用于") || strings.Contains(fo, "资金") || strings.Contains(fo, "公益金") || countLedRe.MatchString(fo) {
		org = ""
	}

	if q := parenProject(after); q != "" {
		return q, org // 助残类项目20万元（康复行动）: the project in parentheses
	}
	if q, o, ok := recipientPurpose(strings.TrimSpace(prefix), after, next); ok {
		return q, o // 向甲社区拨付5万元，用于乙: named by its purpose, the recipient its organization (never the giver)
	}
	if lx := names(); lx.levelSource.MatchString(textfold.Han(p)) || lx.phaseLead.MatchString(textfold.Han(p)) {
		// 乙项目，市级补助4万元，区级配套2万元; 甲项目，首期拨付3万元: the level,
		// source or phase names no project; the clause before does, and the
		// level or phase is said in parentheses (rules name-level-source, name-phase-lead)
		if name, o := nameBefore(local); name != "" {
			if org == "" {
				org = o
			}
			return name + "（" + strings.TrimSpace(p) + "）", org
		}
	}
	if namesNothing(p) || p == "" && namesNothing(lastClause(local)) { // 资助资金:30,000元: the label names nothing either
		// "甲项目30个,资金130万元", "甲中心的“乙”项目获一等奖,资助5万元": the name is
		// in the clause before the money word or the verb
		if q := copulaOf(next); q != "" {
			return q, org
		}
		if name, o := nameBefore(local); name != "" {
			if org == "" {
				org = o
			}
			return name, org
		}
		if q := purposeOf(after); utf8.RuneCountInString(q) >= 2 {
			return q, org // 甲区民政局下达2023年度中央福彩公益金1万元至乙街道用于丙: only the fund before, its purpose after
		}
		if strings.Trim(after, " ") == "" || recipientOnlyRe.MatchString(textfold.Han(strings.TrimSpace(after))) {
			if q := purposeClauseOf(next); q != "" {
				return q, org // 一是投入426,000元,用于甲运营补贴; 下拨…40万元至各街道，用于乙
			}
		}
	}
	if utf8.RuneCountInString(p) >= 2 {
		if q, o := parenOrg(p); o != "" && utf8.RuneCountInString(q) >= 2 {
			return q, o // “甲”项目（乙协会）5万元: who carries it, in parentheses after it (rule org-in-parens)
		}
		if q, o := quotedCarrier(p); o != "" {
			// 甲社区“乙”项目获得资助3万元: the quoted project, who carries it before it (rule org-before-quote)
			if org == "" || o == maskedOrg || strings.Contains(o, org) {
				org = o
			}
			return q, org
		}
		return p, org
	}
	if q := purposeOf(after); q != "" {
		return q, org
	}
	if i := strings.Index(after, "用于"); i >= 0 {
		return strings.Trim(after[i+len("用于"):], "、，,。；; "), org
	}
	if a := strings.Trim(after, "、，,。；; "); utf8.RuneCountInString(a) >= 2 {
		return a, org
	}
	if name, o := nameBefore(local); name != "" {
		// 一是养老服务,投入180万元: nothing before the figure but a verb cut as its trail
		if org == "" {
			org = o
		}
		return name, org
	}
	if q := purposeClauseOf(next); q != "" && strings.Trim(after, " ") == "" {
		return q, org // 一是投入426,000元,用于甲运营补贴
	}
	if q := quotedRe.FindAllString(sentence, -1); len(q) > 0 {
		return q[len(q)-1], org
	}
	if q := nameBeforeFigures(sentence); q != "" {
		return q, org // 甲县:5个社区,每个社区补助8万元,计40万元: the clause before the count and the per-unit figure
	}
	s := cutFolded(trailRe, cutLead(listMarkerRe.ReplaceAllString(sentence, "")))
	return lastRunes(s, 30), org
}

// splitList separates names in a list at 、 及 与, and at 和 unless it is
// part of a place name (太和县).
func splitList(s string) []string {
	var out []string
	r := []rune(s)
	from := 0
	quoted := len(quotedRe.FindAllString(s, 2)) == 2 // a list of quoted projects
	for i, c := range r {
		sep := c == '、' || c == '及' || c == '与'
		if c == '和' && i > 0 && i+1 < len(r) && !strings.ContainsRune("县区市镇乡村街路", r[i+1]) {
			// in a list of quoted projects 和 separates only after a name's
			// end (“甲”项目和乙社区“丙”项目), never inside 戊镇和美社区
			sep = !quoted || r[i-1] == '”' || r[i-1] == '目'
		}
		if sep {
			out = append(out, string(r[from:i]))
			from = i + 1
		}
	}
	return append(out, string(r[from:]))
}

// openParen is the offset after a parenthesis still open at the end of s
// (the amount is printed inside it), else 0.
func openParen(s string) int {
	open, close := strings.LastIndexAny(s, "(（"), strings.LastIndexAny(s, ")）")
	if open > close {
		_, w := utf8.DecodeRuneInString(s[open:])
		return open + w
	}
	return 0
}

func lastStop(s, stops string) int {
	if i := strings.LastIndexAny(s, stops); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return i + w
	}
	return 0
}

func nextStop(s, stops string) int {
	if i := strings.IndexAny(s, stops); i >= 0 {
		return i
	}
	return len(s)
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[len(r)-n:])
	}
	return s
}

// fieldSlashes is s with every slash that separates a line's fields
// (甲项目/乙协会/3万元, rule field-slash in amount_context.csv) made a
// comma, so that each field is a clause of its own; the same number of
// bytes, so offsets hold. A slash between numbers (200/300元, 2023/5/1), after
// 元 (50元/人) or before a counter or a period (次/人, 元/月) stays.
func fieldSlashes(s string) string {
	if strings.Contains(s, "——") {
		// 甲项目——实施单位：乙中心，资助金额：3万元: a dash between fields
		// separates them like a comma (the same bytes: two commas); inside a
		// quoted title (“邻里萤火——楼栋里的精灵”) it is the title's
		var b strings.Builder
		quoted := false
		for i := 0; i < len(s); {
			switch {
			case strings.HasPrefix(s[i:], "“"):
				quoted = true
			case strings.HasPrefix(s[i:], "”"):
				quoted = false
			case !quoted && strings.HasPrefix(s[i:], "——"):
				b.WriteString("，，")
				i += len("——")
				continue
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+w])
			i += w
		}
		s = b.String()
	}
	if !strings.Contains(s, "/") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] != '/' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		if !unicode.Is(unicode.Han, before) && !strings.ContainsRune("”」』)）", before) || before == '元' {
			continue
		}
		if !unicode.Is(unicode.Han, after) && !(after >= '0' && after <= '9') && !strings.ContainsRune("“「『(（", after) || strings.ContainsRune(slashCounters, after) {
			continue
		}
		b[i] = ','
	}
	return string(b)
}

// slashCounters after a slash make it "per" (次/人, 元/月, 3次/周), not a
// field separator.
const slashCounters = "人名个户次件月年天日周季期班床间"

// maskNumberCommas is s with every comma between two digits (1,200) made an
// underscore, so that clause stops are found where the text has them.
func maskNumberCommas(s string) string {
	if !strings.Contains(s, ",") && !strings.Contains(s, ":") {
		return s
	}
	b := []byte(s)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == ',' && b[i-1] >= '0' && b[i-1] <= '9' && b[i+1] >= '0' && b[i+1] <= '9' {
			b[i] = '_'
		}
	}
	// an aside in parentheses that states no amount ((承接单位:甲中心,统一社会信用代码:…))
	// is no clause: its colons and commas stop nothing
	open := -1
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '(':
			open = i
		case ')':
			if open >= 0 && len(money.FindSpans(s[open:i])) == 0 {
				for k := open; k < i; k++ {
					if b[k] == ':' || b[k] == ',' {
						b[k] = '_'
					}
				}
			}
			open = -1
		}
	}
	return string(b)
}

// sharedUnitBefore: the words before a figure are 每个 and the unit it is
// each one's (每个社区补助, 每村奖补): one amount per unit.
func sharedUnitBefore(prefix string) bool {
	f := textfold.Han(lastRunes(prefix, 8))
	return sharedUnitRe.MatchString(f)
}

var sharedUnitRe = regexp.MustCompile(`(?:每个|每)(?:社区|村|站点|点位|中心)(?:获得|安排|补助|资助|给予|奖补)?(?:补助|资助)?(?:资金|经费)?$`)

// countOnlyRe is a clause that only counts (5个社区, 10所).
var countOnlyRe = regexp.MustCompile(`^(?:共|计|涉及|覆盖|资助|补助|扶持|建设|新建|改造|支持|安排)?(?:\d+|[一二三四五六七八九十百两]+)(?:个|所|家|处|项|名|户|人)\p{Han}{0,4}$`)

// nameBeforeFigures is the nearest clause of the sentence before a figure
// that is neither a figure of its own nor a count (甲县 in 甲县:5个社区,
// 每个社区补助8万元,计): "" when the sentence has none, or when its last
// clause names something itself.
func nameBeforeFigures(sentence string) string {
	cl := clausesOf(sentence)
	if len(cl) < 3 {
		return ""
	}
	if last := textfold.Han(strings.TrimSpace(cl[len(cl)-1])); !totalWordOnly(last) {
		return ""
	}
	for k := len(cl) - 2; k >= 0; k-- {
		part := strings.TrimSpace(cl[k])
		f := textfold.Han(part)
		if part == "" || len(money.FindSpans(f)) > 0 || countOnlyRe.MatchString(f) {
			continue
		}
		if utf8.RuneCountInString(part) < 2 || utf8.RuneCountInString(part) > 20 {
			return ""
		}
		return cutLead(listMarkerRe.ReplaceAllString(part, ""))
	}
	return ""
}

// totalWordOnly: the clause right before a figure is only a total word (计, 共计, 合计).
func totalWordOnly(f string) bool {
	return f == "计" || f == "共计" || f == "合计" || f == "共" || f == "小计" || f == "总计"
}
