package generic

import (
	"strings"
	"unicode/utf8"

	"fundscope/money"
	"fundscope/textfold"
)

// Numbered headings that name the money of their paragraph (rule
// name-heading). A notice often prints each project as a numbered heading
// and then says what was paid and done:
//
//	（一）“甲乙助学”项目。资助大学新生120名，每人每年1万元，共计120万元。
//	2.精神障碍患者社区康复项目
//	投入公益金45万元，在全市建设6个社区康复站点。
//
// The words around the figure then say who benefits or what was built; the
// heading says what the project is. A heading that names a project (quoted,
// or ending in 项目, 工程, 计划, 行动, 活动) names the one amount of its
// paragraph; any other heading (3.慈善超市运营补助) names it only when the
// figure's own words name nothing (安排资金20万元) or only say how many
// were served or built (新建书屋12个: kind count-name). A heading that is only
// the document's structure (二、资金使用情况: kind heading-structure in
// data/lexicon/naming.csv) names nothing, and an area heading's 方面 or 领域
// (养老服务方面) is cut (kind heading-area).

// headingOf is the heading that paragraph pi is printed under: its own first
// sentence when the paragraph is numbered and that sentence states no
// figure, or the numbered line alone just before an unnumbered paragraph;
// "" when none.
//
// In a numbered paragraph whose first sentence runs on after a comma
// (1.甲改造项目，项目总投资500万元，其中福彩公益金补助200万元), its first
// clause is the heading when it names a project; clause is then true, and
// it names only a figure whose own words name nothing.
func headingOf(us []unit, pi int) (h string, clause bool) {
	n := us[pi].norm
	if listMarkerRe.MatchString(n) {
		body := strings.TrimSpace(listMarkerRe.ReplaceAllString(n, ""))
		mb := maskNumberCommas(body) // an aside's colon ((申报单位:甲社区)) ends no heading
		k := strings.IndexAny(mb, "。：:")
		if k <= 0 {
			return "", false
		}
		if c := strings.IndexAny(mb[:k], "，,；;、"); c >= 0 {
			// 1.“甲”互助站，承接单位：…: a list item's first clause, a heading only when a project
			if h := headingText(body[:c]); h != "" && projectHeading(h) {
				return h, true
			}
			return "", false
		}
		return headingText(body[:k]), false
	}
	if pi == 0 {
		return "", false
	}
	prev := us[pi-1]
	if prev.line != us[pi].line-1 || !listMarkerRe.MatchString(prev.norm) {
		return "", false
	}
	body := strings.TrimSpace(listMarkerRe.ReplaceAllString(prev.norm, ""))
	if strings.ContainsAny(strings.TrimRight(body, "。：:"), "。；;，,：:") {
		return "", false
	}
	return headingText(strings.TrimRight(body, "。：:")), false
}

// headingText is a heading's words when they can name an item: a few words,
// no figure, no digit, not only the document's structure.
func headingText(h string) string {
	h = strings.TrimSpace(h)
	if n := utf8.RuneCountInString(h); n < 3 || n > 30 || strings.ContainsAny(h, "0123456789") || len(money.FindSpans(h)) > 0 {
		return ""
	}
	f := textfold.Han(h)
	if names().headingStructure.MatchString(f) {
		return ""
	}
	if loc := names().headingArea.FindStringIndex(f); loc != nil && loc[0] > 0 {
		h = h[:loc[0]] // textfold.Han keeps byte offsets
	}
	return h
}

// projectHeading: a heading that names a project, not a category or a use.
func projectHeading(h string) bool {
	return quotedRe.MatchString(h) || names().projectWord.MatchString(textfold.Han(lastRunes(h, 2)))
}

// headingNames names the one amount of a paragraph by its heading.
func headingNames(us []unit, cands []*cand) {
	byPara := map[int][]*cand{}
	for _, c := range cands {
		if c.reason == "" && c.onlyTotal == "" && !c.derived && c.group == 0 && c.poolOf == nil && !c.pool {
			byPara[c.para] = append(byPara[c.para], c)
		}
	}
	for pi, cs := range byPara {
		if len(cs) != 1 {
			continue
		}
		h, clause := headingOf(us, pi)
		if h == "" {
			continue
		}
		c := cs[0]
		weak := strings.TrimSpace(c.name) == "" || namesNothing(c.name) || names().countName.MatchString(textfold.Han(c.name))
		if clause && !(weak || c.fundOnly) || !weak && !projectHeading(h) {
			continue
		}
		if strings.Contains(c.name, h) || c.name != "" && strings.Contains(h, c.name) {
			continue // the name is the heading's, or a part of it
		}
		c.name = h
	}
}
