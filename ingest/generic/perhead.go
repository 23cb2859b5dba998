package generic

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

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

// countValue reads 15 or 十五 (up to 99: a count of people in a sentence).
func countValue(s string) (int64, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	digit := func(r rune) int64 { return int64(slices.Index([]rune("零一二三四五六七八九"), r)) }
	r := []rune(strings.ReplaceAll(s, "两", "二"))
	var v int64
	switch {
	case len(r) == 1 && r[0] == '十':
		v = 10
	case len(r) == 1:
		v = digit(r[0])
	case len(r) == 2 && r[0] == '十':
		v = 10 + digit(r[1])
	case len(r) == 2 && r[1] == '十':
		v = digit(r[0]) * 10
	case len(r) == 3 && r[1] == '十':
		v = digit(r[0])*10 + digit(r[2])
	default:
		return 0, false
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
