package money

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Span is an amount-looking span of prose: a number with 元, 千元, 万(元),
// 千万(元), 亿(元) (or 萬/億), or led by 人民币 or ¥, as printed, with its
// exact value in yuan. A currency marker before the figure (人民币, RMB,
// CNY, ¥, （人民币）, 人民币（大写）) is part of the span.
type Span struct {
	Start, End int    // byte offsets in the text searched
	Text       string // the span as printed (e.g. "约2.3亿", "1200万元")
	Yuan       int64
	Unit       string // 元, 万元 or 亿元
	Approx     bool   // 约/近/余/多/逾/超过 before or in it, 左右 after it: the figure is not exact
}

var spanRe = regexp.MustCompile(`(约|約|近|逾|超过|超過)?(` + currency + `)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(余|多)?(千万|百万|亿|億|万|萬|千)?(余|多)?(元|圆)?(左右)?(?:[（(](万元|元|亿元)[)）])?`)

// currency is a marker of the currency before a figure: 人民币, RMB, CNY,
// ¥ or ￥, the same in parentheses (资助资金（人民币）30万元), and the form's
// 大写/小写 (in figures or in capitals) after it, with a colon.
const currency = `(?:人民[币幣]|RMB|CNY|¥|￥|[(（]人民[币幣][)）])(?:[(（](?:大[写寫]|小[写寫])[)）]|大[写寫]|小[写寫])?[:：]?|(?:[(（](?:大[写寫]|小[写寫])[)）]|大[写寫]|小[写寫])[:：]?`

// counters follow a 万 or 亿 that counts people or things, not money.
const counters = "人名个家次户册件张份平亩套所项台辆位株棵只头本间床吨公里米页篇期场批"

// moneyMarks are what every span holds: a unit (元, 万, 亿: 千 alone is a
// count), a currency marker, or the 大写/小写 of a form's amount field.
var moneyMarks = []string{"元", "圆", "圓", "万", "萬", "亿", "億", "人民", "RMB", "CNY", "¥", "￥", "写", "寫"}

// mayHoldMoney is false for a text none of whose spans could be money, so
// that the expressions need not run over it (most lines of a document: the
// readers ask of every line, several times).
func mayHoldMoney(text string) bool {
	for _, m := range moneyMarks {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

// digitBefore reports whether text ends with a digit: a slash between two
// numbers (200/300元, 2023/5) joins them; a slash after a word
// (项目/乙协会/3万元) separates fields, and the figure after it is money.
func digitBefore(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return r >= '0' && r <= '9'
}

// letterWordBefore reports whether text ends with a word of two or more
// letters after a Chinese character (养老APP, 购置LED): a word, not a code
// (编号ZJ, 代码GX: after 号 or 码 the letters start a code).
func letterWordBefore(text string) bool {
	n := 0
	for len(text) > 0 {
		r, size := utf8.DecodeLastRuneInString(text)
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			n++
			text = text[:len(text)-size]
			continue
		}
		return n >= 2 && r > utf8.RuneSelf && r != '号' && r != '码' && r != '號' && r != '碼'
	}
	return false
}

// FindSpans lists the amount-looking spans of text in order. text should be
// normalized (model.Normalize) so that full-width digits read as digits.
// A number counts only with a money unit: "2019年", "57个", "18500人" and
// "75%" are not spans; "1.2万人" (万 before a counter) is not either.
// Amounts in capital numerals (贰拾万元整) are spans too, unless the same
// figure follows in digits.
func FindSpans(text string) []Span { return findSpans(text, false) }

// FindFinerSpans lists the amount-looking spans of text whose figure is
// finer than one yuan (12,345.67元, 3.123456万元): fundscope keeps whole
// yuan, so FindSpans passes them over and a reader lists them as unread
// (Yuan is 0 here, never a rounded value).
func FindFinerSpans(text string) []Span { return findSpans(text, true) }

func findSpans(text string, finer bool) []Span {
	if !mayHoldMoney(text) {
		return nil
	}
	return scanSpans(text, finer)
}

// scanSpans is findSpans without the check that the text may hold money.
func scanSpans(text string, finer bool) []Span {
	var out []Span
	for _, m := range spanRe.FindAllStringSubmatchIndex(text, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		currency, big, yuan := g(2), g(6), g(8)
		if paren := g(10); paren != "" {
			if big != "" || yuan != "" {
				_, open := utf8.DecodeLastRuneInString(text[:m[20]])
				m[1] = m[20] - open // 5万元（元）: the unit in parentheses is no part of the figure
			} else {
				big, yuan = strings.TrimSuffix(paren, "元"), "元" // 2.5（万元）: the unit printed after the figure in parentheses
			}
		}
		if big == "" && yuan == "" && currency == "" || big == "千" && yuan == "" {
			continue // a bare number, or 3千 (a count: 3千人) without 元
		}
		start, end := m[0], m[1]
		// a digit or letter glued before the number makes it something else (a
		// code, a date part: 编号A10万元), unless a word of letters and 元 frame
		// it: 智慧养老APP50万元, 购置LED屏 is money after a word
		if start > 0 {
			if prev, _ := utf8.DecodeLastRuneInString(text[:start]); prev == '.' || prev == '-' || prev == '/' && digitBefore(text[:start-1]) || prev >= 'A' && prev <= 'z' && !(yuan != "" && letterWordBefore(text[:start])) {
				continue
			}
		}
		if yuan == "" {
			next, _ := utf8.DecodeRuneInString(text[end:])
			if next == '%' || strings.ContainsRune(counters, next) {
				continue
			}
		}
		unit, scale := "元", "元"
		switch big {
		case "千":
			scale = "千元"
		case "万", "萬":
			unit, scale = "万元", "万元"
		case "千万":
			unit, scale = "万元", "千万元"
		case "百万":
			unit, scale = "万元", "百万元"
		case "亿", "億":
			unit, scale = "亿元", "亿元"
		}
		num := strings.ReplaceAll(g(3), ",", "")
		if f := g(4); f != "" {
			num += "." + f
		}
		v, err := toYuan(num, scale)
		if finer {
			if err == ErrFiner {
				out = append(out, Span{Start: start, End: end, Text: text[start:end], Unit: unit})
			}
			continue
		}
		if err != nil {
			continue
		}
		out = append(out, Span{
			Start: start, End: end, Text: text[start:end], Yuan: v, Unit: unit,
			Approx: g(1) != "" || g(5) != "" || g(7) != "" || g(9) != "", // 约 (約), 近, 逾, 超过 (超過) before it
		})
	}
	if finer {
		return out
	}
	return withCapitals(text, withCompounds(text, out))
}
