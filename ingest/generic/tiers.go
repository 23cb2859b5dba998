package generic

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/money"
	"fundscope/textfold"
)

// Amounts set by an award tier stated elsewhere (data/lexicon/tiers.csv).
// A competition notice names the projects of each tier in one place
// (甲、乙等5个项目获得一等奖) and the amount of a tier in another (一等奖项目获得
// 6000元): each named project of the tier is an item of that amount, derived
// (rule tier-award). Projects mentioned only by their count (另有12个项目获
// 三等奖, 还有15个项目也将得到3000元) are a count: the amount is listed as
// unread, never spread over invented items (rule tier-counted).

type tierLexicon struct {
	tier, verb, count, lead, counted, eachCount *regexp.Regexp
}

var (
	tierOnce sync.Once
	tierLex  tierLexicon
	tierErr  error
)

func tierRules() (*tierLexicon, error) {
	tierOnce.Do(func() {
		rows, err := lexiconRows("lexicon/tiers.csv")
		if err != nil {
			tierErr = err
			return
		}
		slots := map[string]**regexp.Regexp{"tier": &tierLex.tier, "verb": &tierLex.verb, "count": &tierLex.count, "lead": &tierLex.lead, "counted": &tierLex.counted, "each-count": &tierLex.eachCount}
		for i, r := range rows {
			slot, ok := slots[r[1]]
			if !ok {
				tierErr = fmt.Errorf("data/lexicon/tiers.csv row %d: kind %q is not tier, verb, count, lead, counted or each-count", i+2, r[1])
				return
			}
			if *slot, err = regexp.Compile(r[2]); err != nil {
				tierErr = fmt.Errorf("data/lexicon/tiers.csv row %d: %w", i+2, err)
				return
			}
		}
		for k, s := range slots {
			if *s == nil {
				tierErr = fmt.Errorf("data/lexicon/tiers.csv: no %s row", k)
			}
		}
	})
	return &tierLex, tierErr
}

// tierNames is the projects each tier names in the document (of two
// statements of one tier, the one naming more projects), and the tiers
// stated only by a count of projects (其余8个项目获优秀奖).
func tierNames(us []unit, lx *tierLexicon) (named map[string][]string, counted map[string]bool) {
	named, counted = map[string][]string{}, map[string]bool{}
	for _, u := range us {
		if u.norm == "" || u.table != nil {
			continue
		}
		n := u.norm
		f := textfold.Han(n) // same byte offsets as n
		// a line that lists a tier's projects after it: 一等奖:“甲”(乙中心)、“丙”
		if m := lx.tier.FindStringIndex(f); m != nil && len(f) == len(n) {
			head := strings.TrimSpace(listMarkerRe.ReplaceAllString(f[:m[0]], ""))
			if rest, ok := strings.CutPrefix(f[m[1]:], ":"); ok && (head == "" || head == "获得" || head == "荣获") && len(money.FindSpans(rest)) == 0 {
				tier := f[m[0]:m[1]]
				var list []string
				for _, nm := range splitTopLevel(n[len(n)-len(rest):], "、，,；;") {
					if nm = strings.Trim(nm, " 。"); utf8.RuneCountInString(nm) >= 2 {
						list = append(list, nm)
					}
				}
				if len(list) > len(named[tier]) {
					named[tier] = list
				}
				continue
			}
		}
		for _, m := range lx.tier.FindAllStringIndex(f, -1) {
			start := lastStop(f[:m[0]], sentenceStops+"，,")
			seg := f[start:m[0]]
			v := lx.verb.FindStringIndex(seg)
			if v == nil || v[0] == 0 {
				continue
			}
			names := n[start : start+v[0]]
			tier := f[m[0]:m[1]]
			if lx.counted.MatchString(textfold.Han(strings.Trim(names, " ，,"))) {
				counted[tier] = true
				continue
			}
			if c := lx.count.FindStringIndex(textfold.Han(names)); c != nil {
				names = names[:c[0]]
			}
			if l := lx.lead.FindStringIndex(textfold.Han(names)); l != nil {
				names = names[l[1]:]
			}
			var list []string
			for _, nm := range strings.Split(names, "、") {
				if nm = strings.Trim(nm, " ，,"); utf8.RuneCountInString(nm) >= 2 && !lx.counted.MatchString(textfold.Han(nm)) {
					list = append(list, nm)
				}
			}
			if len(list) > len(named[tier]) {
				named[tier] = list
			}
		}
	}
	return named, counted
}

// countIs reports whether a printed count (2, 两) is n.
func countIs(s string, n int) bool {
	v, ok := countValue(s)
	return ok && v == int64(n)
}

// splitTopLevel splits s at any of seps outside parentheses.
func splitTopLevel(s, seps string) []string {
	var out []string
	depth, from := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, s[from:i])
			from = i + utf8.RuneLen(r)
		}
	}
	return append(out, s[from:])
}

// tierAmounts replaces a figure stated for a tier by the items of the
// tier's named projects, and sets aside a figure stated for projects
// mentioned only by their count.
func tierAmounts(us []unit, cands []*cand, group *int) []*cand {
	lx, err := tierRules()
	if err != nil {
		return cands
	}
	named, counted := tierNames(us, lx)
	var out []*cand
	for _, c := range cands {
		if c.reason == perHeadReason && !c.derived && !c.pool {
			// 一等奖2个，每个资助8万元: each project of a tier the document names
			// elsewhere (一等奖：“甲”、“乙”) gets the amount (rule tier-each)
			n := us[c.para].norm
			part := textfold.Han(n[lastStop(n[:c.span.Start], sentenceStops):c.span.Start])
			if ts := lx.tier.FindAllStringIndex(part, -1); len(ts) > 0 && strings.ContainsAny(part[ts[len(ts)-1][1]:], "各每") {
				t := part[ts[len(ts)-1][0]:ts[len(ts)-1][1]]
				names := named[t]
				if m := lx.eachCount.FindStringSubmatch(part[ts[len(ts)-1][1]:]); m != nil && len(names) > 0 && !countIs(m[1], len(names)) {
					names = nil // the tier's count is not its names' count: which are they?
				}
				if len(names) > 0 {
					*group++
					for _, nm := range names {
						d := *c
						d.name, d.org = listLine(nm)
						d.reason, d.derived, d.group, d.keyword = "", true, *group, false
						out = append(out, &d)
					}
					continue
				}
			}
		}
		if c.reason != "" || c.derived || c.pool {
			out = append(out, c)
			continue
		}
		n := us[c.para].norm
		clause := n[lastStop(n[:c.span.Start], sentenceStops+"，,"):c.span.Start]
		f := textfold.Han(clause)
		if t := lx.tier.FindString(f); t != "" && !strings.ContainsAny(clause, "、“\"") && lx.verb.FindStringIndex(f[:strings.Index(f, t)]) == nil {
			// 一等奖项目获得8000元: the tier is the subject, its projects are named elsewhere
			if names := named[t]; len(names) > 0 {
				*group++
				for _, nm := range names {
					d := *c
					d.name, d.org = listLine(nm) // “甲”项目（乙中心）: the organization in parentheses
					d.derived, d.group, d.keyword = true, *group, false
					out = append(out, &d)
				}
				continue
			}
			if counted[t] {
				c.reason = "an amount for each of projects mentioned only by their count"
			} else if strings.ContainsAny(f[strings.Index(f, t):], "各每") {
				c.reason = "an amount for each project of a tier the document does not name" // 三等奖项目各资助1万元 (三等奖:略)
			}
		}
		if lx.counted.MatchString(textfold.Han(strings.Trim(c.name, " ，,"))) {
			c.reason = "an amount for each of projects mentioned only by their count"
		}
		out = append(out, c)
	}
	return out
}
