package money

import (
	"regexp"
	"sort"
	"strings"
)

// A figure printed in two magnitudes, the larger first (3亿5000万元,
// 1亿2千万元, 1万5千元, 2万3000元), is one amount: one span with the sum
// of its parts, never two figures read apart.

var compoundRe = regexp.MustCompile(`(约|約|近|逾|超过|超過)?(\d+(?:\.\d+)?)(亿|億|万|萬)零?(\d+(?:\.\d+)?)(千万|万|萬|千)?(余|多)?(元|圆)?`)

// compoundSpans is the figures of text printed in two magnitudes, and the
// counts printed so (1亿3000万人次), which are no money at all.
func compoundSpans(text string) (out, counts []Span) {
	for _, m := range compoundRe.FindAllStringSubmatchIndex(text, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		big, small, yuan := g(3), g(5), g(7)
		var hiScale, loScale, unit string
		switch {
		case (big == "亿" || big == "億") && (small == "万" || small == "萬"):
			hiScale, loScale, unit = "亿元", "万元", "亿元"
		case (big == "亿" || big == "億") && small == "千万":
			hiScale, loScale, unit = "亿元", "千万元", "亿元"
		case (big == "万" || big == "萬") && small == "千":
			hiScale, loScale, unit = "万元", "千元", "万元"
		case (big == "万" || big == "萬") && small == "" && yuan != "" && !strings.Contains(g(4), "."):
			hiScale, loScale, unit = "万元", "元", "万元" // 2万3000元
		default:
			continue
		}
		if yuan == "" && m[1] < len(text) && strings.ContainsRune(counters, []rune(text[m[1]:])[0]) {
			counts = append(counts, Span{Start: m[0], End: m[1]}) // 1亿3000万人次: a count of people
			continue
		}
		if small == "" && yuan == "" || small == "千" && yuan == "" && big != "亿" {
			continue
		}
		hi, err1 := toYuan(g(2), hiScale)
		lo, err2 := toYuan(g(4), loScale)
		if err1 != nil || err2 != nil {
			continue
		}
		unitOf, _ := toYuan("1", hiScale)
		if lo >= unitOf {
			continue // 3万12000元: the second part is no part of the first magnitude
		}
		if start := m[0]; start > 0 {
			if prev := text[start-1]; prev >= '0' && prev <= '9' || prev == '.' {
				continue
			}
		}
		out = append(out, Span{
			Start: m[0], End: m[1], Text: text[m[0]:m[1]], Yuan: hi + lo, Unit: unit,
			Approx: g(1) != "" || g(6) != "",
		})
	}
	return out, counts
}

// withCompounds puts each two-magnitude figure in place of the spans its
// parts were read as.
func withCompounds(text string, spans []Span) []Span {
	comp, counts := compoundSpans(text)
	if len(comp) == 0 && len(counts) == 0 {
		return spans
	}
	kept := spans[:0:0]
	for _, s := range spans {
		inside := false
		for _, c := range append(comp[:len(comp):len(comp)], counts...) {
			inside = inside || s.Start < c.End && c.Start < s.End
		}
		if !inside {
			kept = append(kept, s)
		}
	}
	kept = append(kept, comp...)
	sort.SliceStable(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}
