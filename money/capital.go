package money

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Amounts in Chinese capital numerals, as contracts and procurement notices
// print them (人民币贰拾万元整, 壹佰伍拾万零叁仟元, 捌仟元伍角), and in common
// numerals, as prose prints them (资助五万元, 一百二十万元): read exactly in yuan.
// A magnitude (数十万元, 二三十万元) is no figure.
// Where the same figure follows in digits (贰拾万元整（￥200,000.00元）) the
// two are one amount: only the digits are a span.

var capitalRe = regexp.MustCompile(`[零〇壹贰貳叁叄參肆伍陆陸柒捌玖拾佰仟一二三四五六七八九十百千万萬亿億两兩]+(?:元|圆|圓)(?:[零壹贰貳叁叄參肆伍陆陸柒捌玖一二三四五六七八九]角)?(?:[零壹贰貳叁叄參肆伍陆陸柒捌玖一二三四五六七八九]分)?整?`)

var capitalDigit = map[rune]int64{'零': 0, '〇': 0, '壹': 1, '贰': 2, '貳': 2, '两': 2, '兩': 2, '叁': 3, '叄': 3, '參': 3, '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
	'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// vagueBefore: a numeral after these is a magnitude, not a figure
// (数十万元, 几百万元, 上千万元, 成百万元).
const vagueBefore = "数几上成好"

// capitalYuan reads the integer part of a capital-numeral amount (the runes
// before 元); ok is false when they do not form a number.
func capitalYuan(rs []rune) (int64, bool) {
	var total, section, digit int64
	seen := false
	for _, r := range rs {
		if d, ok := capitalDigit[r]; ok {
			if seen && digit != 0 {
				return 0, false // two digits in a row: a range (二三十万元), not a figure
			}
			digit, seen = d, true
			continue
		}
		switch r {
		case '拾', '十':
			if digit == 0 && !seen {
				digit = 1 // 拾万 = 100,000
			}
			section += digit * 10
		case '佰', '百':
			section += digit * 100
		case '仟', '千':
			section += digit * 1000
		case '万', '萬':
			if section+digit >= 100000000 {
				return 0, false
			}
			total += (section + digit) * 10000
			section = 0
		case '亿', '億':
			if total+section+digit >= 100000 {
				return 0, false // 10万亿 or more: not an amount here, and the product would overflow
			}
			total = (total + section + digit) * 100000000
			section = 0
		default:
			return 0, false
		}
		digit, seen = 0, false
		if total > 1e15 {
			return 0, false
		}
	}
	return total + section + digit, true
}

// capitalSpans finds the capital-numeral amounts of text that are whole
// yuan (a figure in 角/分 is finer than a yuan: listed by its digits, if any).
func capitalSpans(text string) []Span {
	var out []Span
	for _, m := range capitalRe.FindAllStringIndex(text, -1) {
		rs := []rune(text[m[0]:m[1]])
		i := 0
		for i < len(rs) && rs[i] != '元' && rs[i] != '圆' && rs[i] != '圓' {
			i++
		}
		if i == 0 {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && (strings.ContainsRune(vagueBefore, prev) || prev == '点' || prev == '點') {
			continue // 数十万元; 三点五万元 is read whole by decimalNumeralSpans
		}
		v, ok := capitalYuan(rs[:i])
		if !ok || v == 0 {
			continue
		}
		rest := string(rs[i+1:])
		if rest != "" && rest != "整" {
			continue // 角/分: not whole yuan
		}
		start := m[0]
		if lead := currencyLeadRe.FindStringIndex(text[:start]); lead != nil {
			start = lead[0] // 人民币（大写）贰拾万元整: the marker is part of the span
		}
		out = append(out, Span{Start: start, End: m[1], Text: text[start:m[1]], Yuan: v, Unit: "元"})
	}
	return out
}

// decimalNumeralRe is a figure in common numerals with a decimal point
// (三点五万元, 一点二亿元, 十二点五万元).
var decimalNumeralRe = regexp.MustCompile(`([零〇一二三四五六七八九十百两兩]+)[点點]([零〇一二三四五六七八九]+)(万|萬|亿|億)(元|圆)?`)

// decimalNumeralSpans is the figures of text in common numerals with a
// decimal point, exact: 三点五万元 is 35,000 yuan.
func decimalNumeralSpans(text string) []Span {
	var out []Span
	for _, m := range decimalNumeralRe.FindAllStringSubmatchIndex(text, -1) {
		if prev, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && strings.ContainsRune(vagueBefore, prev) {
			continue
		}
		whole, ok := capitalYuan([]rune(text[m[2]:m[3]]))
		if !ok {
			continue
		}
		var frac strings.Builder
		for _, r := range text[m[4]:m[5]] {
			frac.WriteByte(byte('0' + capitalDigit[r]))
		}
		unit, scale := "万元", "万元"
		if u := text[m[6]:m[7]]; u == "亿" || u == "億" {
			unit, scale = "亿元", "亿元"
		}
		v, err := toYuan(strconv.FormatInt(whole, 10)+"."+frac.String(), scale)
		if err != nil {
			continue
		}
		out = append(out, Span{Start: m[0], End: m[1], Text: text[m[0]:m[1]], Yuan: v, Unit: unit})
	}
	return out
}

// approxNumeralRe is a figure in common numerals with 余 or 多 after it
// (五十余万元, 三十多万元, 一千余万元, 十余万元): an approximate amount.
var approxNumeralRe = regexp.MustCompile(`([零〇一二三四五六七八九十百千万萬两兩]+)(余|多|餘)(万|萬|亿|億)?(元|圆)`)

// approxNumeralSpans is the figures of text in common numerals with 余/多:
// the printed figure, approximate (it reconciles within its last digit).
func approxNumeralSpans(text string) []Span {
	var out []Span
	for _, m := range approxNumeralRe.FindAllStringSubmatchIndex(text, -1) {
		if prev, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && (strings.ContainsRune(vagueBefore, prev) || capitalDigit[prev] > 0) {
			continue // 数十余万元: a magnitude
		}
		v, ok := capitalYuan([]rune(text[m[2]:m[3]]))
		if !ok || v == 0 {
			continue
		}
		unit := "元"
		if m[6] >= 0 {
			switch text[m[6]:m[7]] {
			case "万", "萬":
				v, unit = v*10000, "万元"
			default:
				v, unit = v*100000000, "亿元"
			}
		}
		out = append(out, Span{Start: m[0], End: m[1], Text: text[m[0]:m[1]], Yuan: v, Unit: unit, Approx: true})
	}
	return out
}

// currencyLeadRe is a currency marker that ends the text before a figure.
var currencyLeadRe = regexp.MustCompile(`(?:` + currency + `)$`)

// withCapitals adds the capital-numeral spans to the digit spans. The same
// figure in capitals and in digits close together (贰拾万元整（200,000元）,
// 200,000元（贰拾万元整）) is one amount stated twice: one span covering
// both, with the closing parenthesis, so that the words before it are the
// words before the first of the two.
func withCapitals(text string, spans []Span) []Span {
	caps := append(append(capitalSpans(text), decimalNumeralSpans(text)...), approxNumeralSpans(text)...)
	if len(caps) == 0 {
		return spans
	}
	for _, c := range caps {
		restated := false
		for i, s := range spans {
			if s.Yuan != c.Yuan || !(s.Start >= c.End && s.Start-c.End <= 24 || c.Start >= s.End && c.Start-s.End <= 24) {
				continue
			}
			restated = true
			start, end := min(s.Start, c.Start), max(s.End, c.End)
			if r, size := utf8.DecodeRuneInString(text[end:]); (r == ')' || r == '）') && strings.ContainsAny(text[start:end], "(（") {
				end += size
			}
			spans[i].Start, spans[i].End, spans[i].Text = start, end, text[start:end]
			break
		}
		if !restated {
			spans = append(spans, c)
		}
	}
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	return spans
}
