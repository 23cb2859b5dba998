package generic

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/money"
	"fundscope/textfold"
)

// A lead sentence states one amount for each line of the list that follows
// (拟给予以下3个项目每个5万元资金支持: / 每个项目补助3万元,名单如下:), and the
// lines have no amount of their own: each line is an item of that amount,
// derived from the lead (rule lead-list-each, kind lead in
// data/lexicon/amount_context.csv). A list line "组织:项目" names its
// organization before the colon.

// leadLists replaces each such lead figure by the items of its list. A
// lead that says no amount is each one's (共安排20万元用于以下3个项目:) is a
// pool (rule lead-list-pool): its lines are items with no amount (NULL,
// never a share of it), and the figure is a pool total over them.
func leadLists(us []unit, cands []*cand, ctx []rule, group *int) []*cand {
	var out []*cand
	for _, c := range cands {
		lines, pool := c.leadList(us, ctx)
		if len(lines) == 0 {
			out = append(out, c)
			continue
		}
		*group++
		if pool {
			c.pool, c.poolText = true, us[c.para].norm[c.sent:]
			out = append(out, c)
		}
		for _, pi := range lines {
			l := us[pi]
			d := *c
			d.name, d.org = listLine(l.norm)
			d.line, d.loc, d.para, d.sent = l.line, l.loc.String(), pi, 0
			d.clause = money.Clip(c.clause, 40) + " → " + strings.TrimSpace(l.norm)
			d.reason, d.derived, d.group, d.heading, d.keyword = "", true, *group, false, false
			d.marker = markerStyle(listMarkerRe.FindString(l.norm))
			d.pool = false
			if pool {
				d.poolOf = c // an item of the pool: its amount is not printed
			}
			out = append(out, &d)
		}
	}
	return out
}

// leadList is the paragraphs of the list a figure is stated for, one
// amount each, or nil when the figure is no such lead: its sentence refers
// forward (以下, 如下), says the amount is each one's (每个, 各, or a
// per-project amount), ends the paragraph with a colon, and the numbered
// lines after it state no amount. A numbered section heading that says the
// amount is each one's (一、一等奖（2个，每个资助5万元）) leads the lines
// under it numbered another way, up to the next heading.
func (c *cand) leadList(us []unit, ctx []rule) (lines []int, pool bool) {
	if c.reason != "" && c.reason != perHeadReason || c.derived {
		return nil, false
	}
	n := us[c.para].norm
	before, after := textfold.Han(n[c.sent:c.span.Start]), textfold.Han(n[c.span.End:])
	rest := strings.TrimRight(after, " ")
	colon := strings.HasSuffix(rest, ":") || strings.HasSuffix(rest, "：")
	// a numbered section heading that states each one's amount
	// (一、一等奖（2个，每个资助5万元）) leads the sub-list under it
	heading := c.heading && c.marker != "" && c.sent == 0
	if !colon && !heading || len(money.FindSpans(after)) > 0 {
		return nil, false
	}
	forward, each := heading, c.reason != ""
	for _, r := range ctx {
		switch r.kind {
		case "lead":
			forward = forward || r.re.MatchString(before) || r.re.MatchString(after)
		case "shared":
			each = each || r.re.MatchString(lastRunes(before, 4))
		}
	}
	if !forward || c.keyword && each {
		return nil, false
	}
	pool = !each // 共安排20万元用于以下3个项目: one figure for them all
	if pool && (!colon || c.reason != "" || strings.ContainsAny(strings.TrimRight(rest, ":："), sentenceStops)) {
		return nil, false // a pool's colon ends the figure's own sentence (…2420645元。现要求如下: is no pool)
	}
	next := 0 // the number the next line should carry, 0 when not known
	for pi := c.para + 1; pi < len(us); pi++ {
		u := us[pi]
		if u.kind == document.TableKind || u.norm == "" {
			break
		}
		m := listMarkerRe.FindString(u.norm)
		if m == "" {
			// a caption between two lines of the list ((图片仅供参考)): skipped
			// when the line after it carries the next number
			if pi+1 < len(us) && next > 0 && markerNumber(listMarkerRe.FindString(us[pi+1].norm)) == next {
				continue
			}
			break
		}
		if heading && markerStyle(m) == c.marker {
			break // the next section's heading
		}
		if len(money.FindSpans(u.norm)) > 0 {
			return nil, false // the lines state their own amounts
		}
		if pool && (utf8.RuneCountInString(u.norm) > 40 || strings.ContainsAny(strings.TrimRight(u.norm, "。；;"), "。；;")) {
			return nil, false // sentences (加强组织领导。…), not the names of what the pool is for
		}
		k := markerNumber(m)
		if next > 0 && k != next {
			break
		}
		lines = append(lines, pi)
		if k > 0 {
			next = k + 1
		}
	}
	if len(lines) < 2 && !heading {
		return nil, false // a lead sentence speaks of several lines; a heading may head one
	}
	return lines, pool
}

// markerNumber is the number an arabic list marker carries (3. 3、 (3)), 0
// for any other marker.
func markerNumber(m string) int {
	k, _ := strconv.Atoi(strings.Trim(m, "()（）.．、 "))
	return k
}

// listLine is the project a list line names and the organization it names
// before a colon ("甲协会:乙项目"), "" when the part before the colon is no
// organization's name.
func listLine(line string) (name, org string) {
	s := strings.Trim(listMarkerRe.ReplaceAllString(strings.TrimSpace(line), ""), "；;。，, ")
	if i := strings.IndexAny(s, ":："); i > 0 {
		before, after := s[:i], strings.TrimLeft(s[i:], ":： ")
		if f := textfold.Han(before); (orgRe.FindString(f) == f || carrierBeforeQuote(before) == before && quotedRe.MatchString(after)) && after != "" {
			return after, before
		}
	}
	if name, org := parenOrg(s); org != "" {
		return name, org
	}
	if name, org := quotedCarrier(s); org != "" {
		return name, org // 东湖社区“银发食堂”: who carries the quoted project (rule org-name-run-quoted)
	}
	return s, ""
}

// parenOrg splits "“甲”项目（乙服务中心）" into the project and the
// organization in the parentheses that end it (rule org-in-parens); org is
// "" when the parentheses hold no organization's name.
func parenOrg(s string) (name, org string) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return s, ""
	}
	open := strings.LastIndexAny(s, "(（")
	if open <= 0 {
		return s, ""
	}
	_, w := utf8.DecodeRuneInString(s[open:])
	inner := strings.TrimSpace(strings.TrimRight(s[open+w:], ")）"))
	f := textfold.Han(inner)
	if f == "" || strings.ContainsAny(inner, "(（") {
		return s, ""
	}
	if orgRe.FindString(f) == f || carrierBeforeQuote(inner) == inner {
		return strings.TrimSpace(s[:open]), inner
	}
	return s, ""
}
