package generic

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"fundscope/money"
	"fundscope/textfold"
)

// perHeadLexicon is data/lexicon/per_head.csv (rule per-head-times-count).
type perHeadLexicon struct {
	each, count, rate *regexp.Regexp
	paid              *regexp.Regexp // 为老人发放高龄津贴: what was paid names the item (rule per-head-name)
}

var (
	perHeadOnce sync.Once
	perHeadLex  perHeadLexicon
	perHeadErr  error
)

func perHeadRules() (*perHeadLexicon, error) {
	perHeadOnce.Do(func() {
		rows, err := lexiconRows("lexicon/per_head.csv")
		if err != nil {
			perHeadErr = err
			return
		}
		slots := map[string]**regexp.Regexp{"each": &perHeadLex.each, "count": &perHeadLex.count, "rate": &perHeadLex.rate, "paid": &perHeadLex.paid}
		for i, r := range rows {
			slot, ok := slots[r[1]]
			if !ok {
				perHeadErr = fmt.Errorf("data/lexicon/per_head.csv row %d: kind %q is not each, count, rate or paid", i+2, r[1])
				return
			}
			if *slot, err = regexp.Compile(r[2]); err != nil {
				perHeadErr = fmt.Errorf("data/lexicon/per_head.csv row %d: %w", i+2, err)
				return
			}
		}
		for k, s := range slots {
			if *s == nil {
				perHeadErr = fmt.Errorf("data/lexicon/per_head.csv: no %s row", k)
			}
		}
	})
	return &perHeadLex, perHeadErr
}

// headCount reads the people a per-head figure is paid to: before is its
// sentence up to the figure, after the words after it in its clause. It
// gives the count, the count as printed, where it starts in before and
// where the per-head words (每人) start; ok
// is false when the figure is no per-head amount of counted people, or is
// a rate per period.
func headCount(before, after string) (n int64, text string, at, each int, ok bool) {
	lx, err := perHeadRules()
	if err != nil {
		return 0, "", 0, 0, false
	}
	f := textfold.Han(before)
	e := lx.each.FindStringIndex(f)
	if e == nil && perUnitAfterRe.MatchString(textfold.Han(after)) {
		e = []int{len(f), len(f)} // 为150名老人发放慰问金300元/人: the per-head unit after the figure
	}
	if len(f) != len(before) || e == nil || lx.rate.MatchString(lastRunes(f, 8)) || lx.rate.MatchString(textfold.Han(firstRunes(after, 3))) {
		return 0, "", 0, 0, false
	}
	locs := lx.count.FindAllStringSubmatchIndex(f[:e[0]], -1)
	if len(locs) == 0 {
		return 0, "", 0, 0, false
	}
	l := locs[len(locs)-1]
	n, ok = countValue(f[l[2]:l[3]])
	if !ok || n < 2 {
		return 0, "", 0, 0, false
	}
	return n, before[l[0]:l[1]], l[0], e[0], true
}

// headCountAround reads the people a per-head amount is paid to when its
// sentence does not count them before it (rule per-head-count-around): the
// count after it in its sentence (每人发放慰问金500元，共慰问150人), else the
// one count of the sentence before in its paragraph (资助贫困大学生150名。每名
// 学生资助3000元。). The per-head words are before the figure (每人, 人均, 户均)
// or right after it (500元/户). n is the paragraph, [start, end) the figure,
// sentStart where its sentence starts, sentEnd where it ends. It gives the
// count, the count as printed, the clause of the sentence before that holds
// it ("" when it follows the figure), and where the per-head words start.
func headCountAround(n string, sentStart, start, end, sentEnd int) (heads int64, text, clause string, each int, ok bool) {
	lx, err := perHeadRules()
	if err != nil {
		return 0, "", "", 0, false
	}
	before, after := textfold.Han(n[sentStart:start]), textfold.Han(n[end:sentEnd])
	if len(before) != start-sentStart || len(after) != sentEnd-end {
		return 0, "", "", 0, false
	}
	each = len(before)
	if e := lx.each.FindStringIndex(before); e != nil {
		each = e[0]
	} else if !perUnitAfterRe.MatchString(after) {
		return 0, "", "", 0, false
	}
	if lx.rate.MatchString(lastRunes(before, 8)) || lx.rate.MatchString(firstRunes(after, 3)) || lx.count.MatchString(before) {
		return 0, "", "", 0, false // a rate per period; or counted before it (headCount's, or a count of something else)
	}
	// one is the one count of folded (printed: the same text as printed,
	// byte for byte where folded), its text and its clause as printed
	one := func(folded, printed string) (int64, string, string, bool) {
		locs := lx.count.FindAllStringSubmatchIndex(folded, -1)
		if len(locs) != 1 {
			return 0, "", "", false // none, or several: which one is paid is not said
		}
		l := locs[0]
		v, ok := countValue(folded[l[2]:l[3]])
		m := maskNumberCommas(printed)
		from, to := lastStop(m[:l[0]], clauseStops), l[1]+nextStop(m[l[1]:], clauseStops+sentenceStops)
		return v, printed[l[0]:l[1]], printed[from:to], ok && v >= 2
	}
	if v, t, _, ok := one(after, n[end:sentEnd]); ok {
		return v, t, "", each, true
	}
	if sentStart == 0 {
		return 0, "", "", 0, false
	}
	from := lastStop(n[:sentStart-1], sentenceStops)
	prev := textfold.Han(n[from:sentStart])
	if len(prev) != sentStart-from || money.FindSpans(prev) != nil {
		return 0, "", "", 0, false // the sentence before states money of its own
	}
	v, t, cl, ok := one(prev, n[from:sentStart])
	return v, t, cl, each, ok
}

// perUnitAfterRe: a per-head unit right after the figure (500元/户, 3000元/人)
var perUnitAfterRe = regexp.MustCompile(`^\s*/\s*(?:人|户|名|生|位)`)

// countValue reads a count as printed: 15, 十五, 一百五十, 两千零八 (up to
// 9999, a count of people or households in a sentence).
func countValue(s string) (int64, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	digit := func(r rune) int64 { return int64(slices.Index([]rune("零一二三四五六七八九"), r)) }
	var v, d int64
	last := int64(10000) // the unit of the part before: each unit must be smaller than the one before it
	pending := false
	for i, r := range []rune(strings.NewReplacer("两", "二", "〇", "零").Replace(s)) {
		unit := map[rune]int64{'十': 10, '百': 100, '千': 1000}[r]
		switch {
		case r == '零':
			if pending {
				return 0, false
			}
		case unit > 0:
			if unit >= last || !pending && !(r == '十' && i == 0) {
				return 0, false
			}
			if !pending {
				d = 1 // 十五: the ten alone
			}
			v, last, d, pending = v+d*unit, unit, 0, false
		default:
			k := digit(r)
			if k < 0 || pending {
				return 0, false
			}
			d, pending = k, true
		}
	}
	if pending {
		v += d
	}
	return v, v > 0
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
