package generic

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"fundscope/money"
	"fundscope/textfold"
)

// A result sentence names the projects awarded and who undertakes each,
// with no figure of its own (最终评定结果为：甲中心承接“乙项目”、丙协会承接“丁项目”),
// after a sentence of its paragraph that states the money for them all
// (投入189.91万元用于开展政府购买服务项目): each quoted project is an item
// with no amount (NULL, never a share), its undertaker the organization,
// and the figure a pool total over them (rule undertake-list-pool, kind
// undertake-list of data/lexicon/amount_context.csv).

// undertakeLists turns each such figure into a pool over the projects the
// later sentences of its paragraph award.
func undertakeLists(us []unit, cands []*cand, group *int) []*cand {
	var out []*cand
	for i, c := range cands {
		out = append(out, c)
		if c.reason != "" || c.derived || c.pool || c.poolOf != nil || c.keyword && c.children != nil {
			continue
		}
		if i+1 < len(cands) && cands[i+1].para == c.para {
			continue // a figure after it in its paragraph: no list of unpriced projects
		}
		n := fieldSlashes(us[c.para].norm)
		rest := n[c.span.End:]
		end := strings.IndexAny(rest, "。；;")
		if end < 0 {
			continue
		}
		rest = rest[end:] // the sentences after the figure's
		if len(money.FindSpans(rest)) > 0 {
			continue
		}
		awards := undertaken(rest)
		if len(awards) < 2 {
			continue
		}
		*group++
		c.pool, c.poolText, c.poolRule = true, n[c.sent:], "undertake-list-pool"
		for _, a := range awards {
			d := *c
			d.name, d.org = a[0], a[1]
			d.clause = money.Clip(c.clause, 40) + " → " + a[2]
			d.reason, d.derived, d.group, d.heading, d.keyword, d.pool = "", true, *group, false, false, false
			d.poolOf, d.poolRule = c, ""
			out = append(out, &d)
		}
	}
	return out
}

// undertakeRunRe is who undertakes a quoted project: the words before the
// verb back to the last stop, the verb, the quoted name.
var undertakeRunRe = regexp.MustCompile(`([^、，,。；;：:“”]{0,40}?)(?:承接|承办|负责实施|中标)(?:了|的)?“([^“”]{2,60})”`)

// undertaken is each quoted project a text awards with who undertakes it
// (name, organization, the words as printed); the organization is "" when
// the words before the verb are no organization's name (a mask, a clause).
func undertaken(text string) [][3]string {
	f := textfold.Han(text)
	if len(f) != len(text) {
		return nil
	}
	var out [][3]string
	for _, m := range undertakeRunRe.FindAllStringSubmatchIndex(f, -1) {
		who := text[m[2]:m[3]]
		if k := strings.LastIndexAny(who, ")）"); k >= 0 {
			_, w := utf8.DecodeRuneInString(who[k:])
			who = who[k+w:] // (略) 甲中心: what a mask left before the name
		}
		who = strings.TrimSpace(who)
		org := ""
		if fw := textfold.Han(who); fw != "" && (orgRe.FindString(fw) == fw || carrierBeforeQuote(who) == who) {
			org = who
		}
		out = append(out, [3]string{text[m[4]:m[5]], org, text[m[0]:m[1]]})
	}
	return out
}
