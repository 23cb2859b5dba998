// Package money parses the amounts documents print (元, 万元, decimals,
// full-width digits, notes such as 最高资助 or 按实结算) into exact integer yuan,
// and formats yuan as 万元 without floating point.
package money

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"fundscope/model"
	"fundscope/textfold"
)

// ErrNoAmount means a text holds no money figure at all.
var ErrNoAmount = errors.New("no amount in text")

var (
	// a number, its thousands grouped by commas or not (80,000.00 as tables print it)
	moneyRe   = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元)`)
	bareNumRe = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$`)
	wanOnlyRe = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万$`)
	clauseRe  = regexp.MustCompile(`[^。；;\n、，,]*\d[\d.\s]*万?元[^。；;\n、，,]*`)
)

// Parse reads the one money figure in text. bareUnit ("万元" or "元")
// is the unit of a bare number, as a column header states it ("金额（万元）");
// pass "" where bare numbers are not money. The kind is read from the notes in
// the text (最高资助 → cap, 按实结算 → actuals) and otherwise is fixed.
func Parse(text, bareUnit string) (model.Amount, error) {
	a := model.Amount{Text: strings.TrimSpace(text), Kind: model.KindUnknown}
	n := textfold.Han(model.Normalize(text)) // 5萬元 as 5万元, 最高資助 as 最高资助
	if n == "" {
		return a, ErrNoAmount
	}
	var num, unit string
	if m := bareNumRe.FindStringSubmatch(n); m != nil && bareUnit != "" {
		num, unit = m[1], bareUnit
	} else if m := wanOnlyRe.FindStringSubmatch(n); m != nil && bareUnit == "万元" {
		num, unit = m[1], "万元" // "20万" in a column headed （万元）
	} else {
		locs := moneyRe.FindAllStringSubmatchIndex(n, -1)
		if len(locs) == 0 {
			if strings.ContainsAny(n, "0123456789") && (strings.Contains(n, "万元") || bareUnit != "" && len([]rune(n)) < 24) {
				return a, fmt.Errorf("amount %q is not a plain number of 万元 or 元", a.Text)
			}
			return a, ErrNoAmount
		}
		seen := map[string]bool{}
		for _, l := range locs {
			if l[0] > 0 {
				prev := n[l[0]-1]
				if prev == '-' || prev == '+' {
					return a, fmt.Errorf("amount %q is negative or signed", a.Text)
				}
				if prev == '.' || prev == 'e' || prev == 'E' || (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') {
					return a, fmt.Errorf("amount %q is not a plain number", a.Text)
				}
			}
			seen[n[l[2]:l[3]]+n[l[4]:l[5]]] = true
			if num == "" {
				num, unit = n[l[2]:l[3]], n[l[4]:l[5]]
			}
		}
		if len(seen) > 1 {
			return a, fmt.Errorf("text states %d different amounts, expected one: %q", len(seen), Clip(a.Text, 80))
		}
	}
	yuan, err := toYuan(strings.ReplaceAll(num, ",", ""), unit)
	if err != nil {
		return a, fmt.Errorf("amount %q: %w", a.Text, err)
	}
	a.Yuan = &yuan
	a.Kind = model.KindFixed
	if len([]rune(a.Text)) > 30 {
		// Keep the clause that states the amount, not the whole paragraph.
		if c := clauseRe.FindString(a.Text); c != "" {
			a.Text = strings.TrimSpace(c)
		}
	}
	switch {
	case strings.Contains(n, "按实结算"):
		a.Kind = model.KindActuals
	case strings.Contains(n, "最高资助") || strings.Contains(n, "不超过") || strings.Contains(n, "以内"):
		a.Kind = model.KindCap
	}
	if strings.Contains(n, "不含税") {
		f := false
		a.TaxIncluded = &f
	} else if strings.Contains(n, "含税") {
		t := true
		a.TaxIncluded = &t
	}
	return a, nil
}

// ErrFiner: a figure finer than one yuan (角, 分), which integer yuan cannot hold exactly.
var ErrFiner = errors.New("finer than one yuan")

// FinerReason is why a reader lists such a figure as unread.
const FinerReason = "an amount finer than one yuan (角, 分): fundscope keeps whole yuan, so it is not loaded; a person reads it"

// toYuan converts a decimal string of the unit to exact integer yuan.
func toYuan(num, unit string) (int64, error) {
	scale := 0
	switch unit {
	case "千元", "千":
		scale = 3
	case "万元", "万":
		scale = 4
	case "千万元", "千万":
		scale = 7
	case "百万元", "百万":
		scale = 6
	case "亿元", "亿":
		scale = 8
	}
	intPart, frac, _ := strings.Cut(num, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 12 {
		return 0, fmt.Errorf("too large")
	}
	if len(frac) > scale && strings.TrimRight(frac[scale:], "0") != "" {
		return 0, ErrFiner
	}
	for len(frac) < scale {
		frac += "0"
	}
	frac = frac[:scale]
	var v int64
	for _, c := range intPart + frac {
		v = v*10 + int64(c-'0')
	}
	return v, nil
}

// FormatWan prints yuan as 万元 with exact decimals: 95770 → "9.577".
func FormatWan(yuan int64) string {
	sign := ""
	if yuan < 0 {
		sign, yuan = "-", -yuan
	}
	s := fmt.Sprintf("%s%d.%04d", sign, yuan/10000, yuan%10000)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Clip shortens s to n runes, marking the cut with "…".
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// IsBareNumber reports whether s (normalized) is a plain decimal number with
// no unit, as an amount column under a unit header prints it.
func IsBareNumber(s string) bool { return bareNumRe.MatchString(s) }
