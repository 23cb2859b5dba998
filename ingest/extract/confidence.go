package extract

import (
	"encoding/csv"
	"fmt"
	"io/fs"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"fundscope/data"
	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// A confidence rule is one row of data/lexicon/confidence.csv: a signal that
// a reading may be wrong (factor below 1) or is cross-checked (the
// total-word row). applies says what it is matched against: an item's
// name, the document's text, a stated total's label, or code (a mechanism
// named by the rule id, its pattern a parameter).
type confRule struct {
	id, applies string
	pattern     string
	re          *regexp.Regexp
	factor      float64
	note        string
}

var (
	confOnce  sync.Once
	confRules []confRule
	confErr   error
)

// ConfidenceRules reads data/lexicon/confidence.csv from fsys, checking
// every row: a known applies, a pattern that compiles, a factor in (0, 1].
func ConfidenceRules(fsys fs.FS) ([]confRule, error) {
	f, err := fsys.Open("lexicon/confidence.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("data/lexicon/confidence.csv: %w", err)
	}
	var out []confRule
	seen := map[string]bool{}
	for i, r := range rows[1:] {
		where := fmt.Sprintf("data/lexicon/confidence.csv row %d", i+2)
		if len(r) != 5 {
			return nil, fmt.Errorf("%s: want rule,applies,pattern,factor,note", where)
		}
		c := confRule{id: r[0], applies: r[1], pattern: r[2], note: r[4]}
		if seen[c.id] {
			return nil, fmt.Errorf("%s: rule %s twice", where, c.id)
		}
		seen[c.id] = true
		if c.factor, err = strconv.ParseFloat(r[3], 64); err != nil || c.factor <= 0 || c.factor > 1 {
			return nil, fmt.Errorf("%s: factor %q: want a number in (0, 1]", where, r[3])
		}
		switch c.applies {
		case "name", "document", "total":
			if c.re, err = regexp.Compile(c.pattern); err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
		case "code":
			if _, ok := codeSignals[c.id]; !ok {
				return nil, fmt.Errorf("%s: no mechanism for code rule %s", where, c.id)
			}
		default:
			return nil, fmt.Errorf("%s: applies %q: want name, document, total or code", where, c.applies)
		}
		out = append(out, c)
	}
	return out, nil
}

func rules() ([]confRule, error) {
	confOnce.Do(func() { confRules, confErr = ConfidenceRules(data.FS) })
	return confRules, confErr
}

// reading is what the signals look at.
type reading struct {
	items  []Item
	totals []Total
	unread []model.Unread
	lines  []string
}

// codeSignals are the mechanisms of the code rules: each returns, per
// item index (-1: the whole document), how many times it fired and what it saw.
var codeSignals = map[string]func(r *reading, c confRule) []hit{
	"name-money-span": func(r *reading, c confRule) []hit {
		var out []hit
		for i, it := range r.items {
			if sp := money.FindSpans(model.Normalize(it.Name)); len(sp) > 0 {
				out = append(out, hit{i, 1, sp[0].Text})
			}
		}
		return out
	},
	"name-too-long": func(r *reading, c confRule) []hit {
		n, _ := strconv.Atoi(c.pattern)
		var out []hit
		for i, it := range r.items {
			if l := utf8.RuneCountInString(model.Normalize(it.Name)); n > 0 && l > n {
				out = append(out, hit{i, 1, fmt.Sprintf("%d characters", l)})
			}
		}
		return out
	},
	"name-no-letters": func(r *reading, c confRule) []hit {
		var out []hit
		for i, it := range r.items {
			if !strings.ContainsFunc(it.Name, isNameLetter) {
				out = append(out, hit{i, 1, fmt.Sprintf("%q", it.Name)})
			}
		}
		return out
	},
	"name-duplicate": func(r *reading, c confRule) []hit {
		first := map[string]int{}
		var out []hit
		for i, it := range r.items {
			k := strings.Map(func(r rune) rune {
				if unicode.IsPunct(r) || unicode.IsSymbol(r) {
					return -1
				}
				return r
			}, foldName(it.Name)) + "@" + foldName(it.Organization) + "@" + strconv.Itoa(it.Year) + "@" + foldName(it.RegionText) // one project name for two organizations, two years or two places is two projects
			if j, ok := first[k]; ok {
				out = append(out, hit{i, 1, fmt.Sprintf("same name as item %d", j+1)})
				continue
			}
			first[k] = i
		}
		return out
	},
	"item-no-amount": func(r *reading, c confRule) []hit {
		with := 0
		for _, it := range r.items {
			if it.AmountYuan != nil {
				with++
			}
		}
		var out []hit
		for i, it := range r.items {
			if it.AmountYuan == nil && with > 0 {
				out = append(out, hit{i, 1, "no amount"})
			}
		}
		return out
	},
	"total-mismatch": func(r *reading, c confRule) []hit {
		var out []hit
		for _, t := range r.totals {
			if t.Metric == model.MetricAmount && !t.Reconciles && !t.Unpriced {
				out = append(out, hit{-1, 1, fmt.Sprintf("%s stated %s万元, items give %s万元", money.Clip(t.Label, 20), money.FormatWan(t.Stated), money.FormatWan(t.Computed))})
			}
		}
		return out
	},
	"unread-unexplained": func(r *reading, c confRule) []hit {
		var out []hit
		for _, u := range r.unread {
			if u.Reason == "" {
				out = append(out, hit{-1, 1, u.Text})
			}
		}
		return out
	},
	"bare-figures-unread": func(r *reading, c confRule) []hit {
		n, _ := strconv.Atoi(c.pattern)
		seen := r.values()
		var bare []string
		for _, l := range r.lines {
			for _, f := range bareFigures(width.Fold.String(l)) {
				if !seen[f.yuan] && !seen[f.wan] {
					bare = append(bare, f.text)
				}
			}
		}
		if n > 0 && len(bare) >= n {
			return []hit{{-1, 1, fmt.Sprintf("%d bare figures: %s", len(bare), strings.Join(bare[:min(4, len(bare))], " "))}}
		}
		return nil
	},
	"amount-computed": func(r *reading, c confRule) []hit {
		var out []hit
		for i, it := range r.items {
			if strings.Contains(it.AmountText, c.pattern) {
				out = append(out, hit{i, 1, it.AmountText})
			}
		}
		return out
	},
	"second-breakdown":       unreadBecause,
	"injected-number":        unreadBecause,
	"amount-finer-than-yuan": unreadBecause,
	"amount-column-choice":   unreadBecause,
	"no-cross-check":         func(r *reading, c confRule) []hit { return nil }, // applied in assess
	"total-approximate":      func(r *reading, c confRule) []hit { return nil }, // applied in assess
}

// unreadBecause fires when an amount was set aside for the reason the
// rule's pattern starts.
func unreadBecause(r *reading, c confRule) []hit {
	for _, u := range r.unread {
		if strings.HasPrefix(u.Reason, c.pattern) {
			return []hit{{-1, 1, u.Text + ": " + c.pattern}}
		}
	}
	return nil
}

type hit struct {
	item  int // -1: the document
	count int
	what  string
}

// values is every yuan value the reading accounts for.
func (r *reading) values() map[int64]bool {
	seen := map[int64]bool{}
	for _, it := range r.items {
		if it.AmountYuan != nil {
			seen[*it.AmountYuan] = true
		}
	}
	for _, t := range r.totals {
		seen[t.Stated] = true
	}
	for _, u := range r.unread {
		for _, s := range money.FindSpans(model.Normalize(u.Text)) {
			seen[s.Yuan] = true
		}
	}
	return seen
}

type bareFigure struct {
	text      string
	yuan, wan int64
}

var bareRe = regexp.MustCompile(`\d+\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?`)

// bareFigures are numbers printed without a unit that look like money in a
// table: with decimals or thousands separators, not a date, a percentage,
// a code or a number followed by a unit or counter.
func bareFigures(s string) []bareFigure {
	var out []bareFigure
	for _, m := range bareRe.FindAllStringIndex(s, -1) {
		prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		next, _ := utf8.DecodeRuneInString(s[m[1]:])
		if m[0] > 0 && (prev == '.' || prev == '-' || prev == '/' || prev == ':' || unicode.IsDigit(prev) || prev < 128 && unicode.IsLetter(prev)) {
			continue
		}
		if m[1] < len(s) && (next == '.' || next == '-' || next == '/' || next == '%' || next == ':' || unicode.Is(unicode.Han, next) || unicode.IsLetter(next)) {
			continue
		}
		txt := s[m[0]:m[1]]
		r, ok := new(big.Rat).SetString(strings.ReplaceAll(txt, ",", ""))
		if !ok {
			continue
		}
		at := func(mul int64) int64 {
			x := new(big.Rat).Mul(r, big.NewRat(mul, 1))
			return new(big.Int).Quo(x.Num(), x.Denom()).Int64()
		}
		out = append(out, bareFigure{txt, at(1), at(10000)})
	}
	return out
}

// isNameLetter is a letter that can begin a word of a name: not a Chinese
// numeral, which alone only numbers a heading or an item ((一), 十二).
func isNameLetter(r rune) bool {
	return unicode.IsLetter(r) && !strings.ContainsRune("一二三四五六七八九十百千零〇两", r)
}

// foldName is a name as the name rules see it: width folded, spaces
// removed, traditional characters simplified.
func foldName(s string) string { return textfold.Han(model.Normalize(s)) }

// assess is the confidence of a reading, from its evidence: it starts at
// 1, each item takes the factors of the name rules that fire on it, the
// document takes the weakest item's and the factors of the document rules;
// no-cross-check applies unless a stated total with a total word
// reconciles over every item.
func assess(r *reading) (float64, []float64, Signals, error) {
	rs, err := rules()
	if err != nil {
		return 0, nil, nil, err
	}
	itemConf := make([]float64, len(r.items))
	for i := range itemConf {
		itemConf[i] = 1
	}
	doc := 1.0
	var sig Signals
	fire := func(c confRule, h hit) {
		f := 1.0
		for range h.count {
			f *= c.factor
		}
		where := "document"
		if h.item >= 0 {
			itemConf[h.item] *= f
			where = fmt.Sprintf("item %d %s", h.item+1, money.Clip(r.items[h.item].Name, 24))
		} else {
			doc *= f
		}
		sig = append(sig, Signal{Rule: c.id, Effect: f, Detail: where + ": " + h.what, Item: h.item + 1})
	}
	crossChecked, approxChecked := false, false
	var noCross, approx *confRule
	for _, c := range rs {
		switch c.applies {
		case "name":
			for i, it := range r.items {
				if c.id == "name-bare-place" && it.RegionText != "" && it.RegionText == it.Name {
					continue // a row of a table whose region column names it (地区 | 金额): a place's allocation, by the header
				}
				if m := c.re.FindString(foldName(it.Name)); m != "" {
					fire(c, hit{i, 1, m})
				}
			}
		case "document":
			for _, l := range r.lines {
				for _, m := range c.re.FindAllStringSubmatch(foldName(l), -1) {
					if len(m) < 2 {
						continue
					}
					n, err := strconv.Atoi(m[1])
					if err != nil || n < 2 || n == len(r.items) {
						continue
					}
					fire(c, hit{-1, 1, fmt.Sprintf("%s, %d items read", m[0], len(r.items))})
				}
			}
		case "total":
			for _, t := range r.totals {
				// a total that is the notice's one item (rule total-sole-item) confirms nothing
				if t.Metric == model.MetricAmount && t.Reconciles && t.Rule != "total-sole-item" && c.re.MatchString(foldName(t.Label+t.Text)) && coversAll(t, r) {
					if t.Low != nil {
						approxChecked = true // within its last digit only
					} else {
						crossChecked = true
					}
				}
			}
		case "code":
			switch c.id {
			case "no-cross-check":
				noCross = &c
				continue
			case "total-approximate":
				approx = &c
				continue
			}
			for _, h := range codeSignals[c.id](r, c) {
				fire(c, h)
			}
		}
	}
	switch {
	case crossChecked || len(r.items) == 0:
	case approxChecked && approx != nil:
		fire(*approx, hit{-1, 1, "the reconciling total over every item is approximate: it confirms the items only within its last digit"})
	case noCross != nil:
		fire(*noCross, hit{-1, 1, "no reconciling total with a total word covers the items"})
	}
	if crossChecked {
		sig = append(sig, Signal{Rule: "total-word", Effect: 1, Detail: "document: a stated total with a total word reconciles over every item"})
	}
	if len(r.items) == 0 {
		return 0, itemConf, append(sig, Signal{Rule: "no-items", Effect: 0, Detail: "document: nothing read"}), nil
	}
	weakest := 1.0
	for i := range itemConf {
		itemConf[i] *= doc
		weakest = min(weakest, itemConf[i])
	}
	return weakest, itemConf, sig, nil
}

// coversAll reports whether a total's figure is the sum of every item's.
func coversAll(t Total, r *reading) bool {
	var sum int64
	for _, it := range r.items {
		if it.AmountYuan != nil {
			sum += *it.AmountYuan
		}
	}
	lo, hi := t.Stated, t.Stated
	if t.Low != nil && t.High != nil {
		lo, hi = *t.Low, *t.High
	}
	return sum >= lo && sum <= hi
}

// documentLines is the document's text, one line per paragraph or table row.
func documentLines(d *document.Document) []string {
	if d == nil {
		return nil
	}
	return d.Render(document.TSV).Lines
}
