package money

import (
	"fmt"
	"strings"
	"testing"

	"fundscope/model"
)

func TestFindSpans(t *testing.T) {
	cases := []struct {
		text string
		want []string // text=yuan[~]
	}{
		{"下达福建省彩票公益金6351万元。", []string{"6351万元=63510000"}},
		{"共计6.1268万元,用于推进", []string{"6.1268万元=61268"}},
		{"对10名困难群众进行每人2000元的资助,合计2万元", []string{"2000元=2000", "2万元=20000"}},
		{"支出5.65亿多元，占75%", []string{"5.65亿多元=565000000~"}},
		{"约1.07亿", []string{"约1.07亿=107000000~"}},
		{"520余万", []string{"520余万=5200000~"}},
		{"护理设施提升改造项目327万)", []string{"327万=3270000"}},
		{"2019年服务18500人，1.2万人次，57个项目", nil},
		{"總共163.55萬元", []string{"163.55萬元=1635500"}},
		{"合同金额1,200,000元", []string{"1,200,000元=1200000"}},
		{"编号A10万元", nil},
		// a slash after a word separates fields; between numbers it joins them
		{"助残项目/某区康复协会/3万元；養老項目／乙協會／2.5萬元", []string{"3万元=30000", "2.5萬元=25000"}},
		{"每人每月200/300元，比例1/2万元", nil},
		// a word of letters after a Chinese character, 元 after the figure: money
		{"开发智慧养老服务APP50万元；", []string{"50万元=500000"}},
		{"購置社區LED屏8.5萬元", []string{"8.5萬元=85000"}},
		{"项目编号ZJ2023万元", nil},
		// an approximation printed after the figure
		{"每年投入资金200万元左右,用于社区服务", []string{"200万元左右=2000000~"}},
		{"安排50万左右的资金,其中市级30万元", []string{"50万左右=500000~", "30万元=300000"}},
		// common numerals, as prose prints them; a magnitude or a range is no figure
		{"给予资助五万元,另拨一百二十万元", []string{"五万元=50000", "一百二十万元=1200000"}},
		{"每户补助三千元，共二十万零五千元", []string{"三千元=3000", "二十万零五千元=205000"}},
		{"投入数十万元,带动上百万元,约二三十万元", nil},
		// 千 before 元 or 万; 人民币 and ¥ lead a figure in 元
		{"资助3千元，另有2.5千元", []string{"3千元=3000", "2.5千元=2500"}},
		{"总投资1.2千万元,服务3千人", []string{"1.2千万元=12000000"}},
		{"资助3百万元，另拨1.5百万元，惠及2百万人", []string{"3百万元=3000000", "1.5百万元=1500000"}},
		{"资助人民币80000.00元", []string{"人民币80000.00元=80000"}},
		{"合同价￥60,000，预付¥1,500.00", []string{"¥60,000=60000", "¥1,500.00=1500"}},
		// a currency marker in letters or in parentheses is part of the span
		{"补助资金RMB 80000元，另补CNY 6,000元", []string{"RMB80000元=80000", "CNY6,000元=6000"}},
		{"資助資金（人民幣）30萬元", []string{"(人民幣)30萬元=300000"}},
		{"资助资金（人民币）30万元", []string{"(人民币)30万元=300000"}},
		// the unit in parentheses after the figure
		{"资助金额2.5（万元）,配套3(元)", []string{"2.5(万元)=25000", "3(元)=3"}},
		{"拨付12万元(万元)", []string{"12万元=120000"}},
	}
	for _, c := range cases {
		got := FindSpans(model.Normalize(c.text))
		var gs []string
		for _, s := range got {
			g := s.Text + "=" + itoa(s.Yuan)
			if s.Approx {
				g += "~"
			}
			gs = append(gs, g)
		}
		if len(gs) != len(c.want) {
			t.Errorf("%s: got %v, want %v", c.text, gs, c.want)
			continue
		}
		for i := range gs {
			if gs[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.text, gs, c.want)
			}
		}
	}
}

func itoa(v int64) string {
	s := ""
	if v == 0 {
		return "0"
	}
	for v > 0 {
		s = string(rune('0'+v%10)) + s
		v /= 10
	}
	return s
}

// FindSpans on any text: spans in order, inside the text, not overlapping,
// each reading back to its own text and a non-negative amount; and every
// span the expressions find holds a money mark, so that skipping a text
// without one (mayHoldMoney) loses nothing.
func FuzzFindSpans(f *testing.F) {
	for _, s := range []string{"合计2万元", "约1.07亿", "520余万", "1,200元", "12.5萬元", "每人2000元", "人民币30", "小写：1200",
		"¥500", "RMB 20", "贰拾万元整", "五十余万元", "三点五万元", "1亿2000万元", "12,345.67元", "2.5（万元）", "3千人", "2019年57个项目"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range FindSpans(s) {
			if sp.Start < prev || sp.End > len(s) || sp.Start >= sp.End || s[sp.Start:sp.End] != sp.Text || sp.Yuan < 0 {
				t.Fatalf("bad span %+v in %q", sp, s)
			}
			prev = sp.End
		}
		for _, finer := range []bool{false, true} {
			all := scanSpans(s, finer)
			for _, sp := range all {
				if !mayHoldMoney(sp.Text) {
					t.Fatalf("span %q of %q holds no money mark: a text like it would be skipped", sp.Text, s)
				}
			}
			if got := findSpans(s, finer); len(got) != len(all) {
				t.Fatalf("%q: %d spans, %d without the check", s, len(got), len(all))
			}
		}
	})
}

// Capital numerals: exact yuan; a restatement in digits is one span; a
// figure in 角 is not whole yuan.
func TestCapitalNumerals(t *testing.T) {
	for in, want := range map[string]int64{"贰拾万元整": 200000, "壹佰伍拾万零叁仟元": 1503000, "拾万元": 100000, "叁亿肆仟万元整": 340000000, "玖仟玖佰玖拾玖元": 9999, "壹拾伍万元整": 150000} {
		s := FindSpans("中标金额：" + in)
		if len(s) != 1 || s[0].Yuan != want || s[0].Text != in {
			t.Errorf("%s: %+v, want %d", in, s, want)
		}
	}
	// the same figure in capitals and in digits is one span covering both
	for in, want := range map[string]string{
		"中标金额：人民币贰拾万元整（￥200,000.00元）。": "人民币贰拾万元整（￥200,000.00元）",
		"補助金額為：200,000元（貳拾萬元整），":       "200,000元（貳拾萬元整）",
		"合同价款：人民币（大写）叁万元整，":            "人民币（大写）叁万元整",
		"合同价款：大写：伍仟元整（小写：5000元）":       "大写：伍仟元整（小写：5000元）",
	} {
		if s := FindSpans(in); len(s) != 1 || s[0].Text != want {
			t.Errorf("%s: %+v, want one span %s", in, s, want)
		}
	}
	if s := FindSpans("单价捌仟元伍角"); len(s) != 0 {
		t.Errorf("角 is finer than a yuan: %+v", s)
	}
}

// A figure finer than one yuan is no span (integer yuan cannot hold it) but
// is found by FindFinerSpans, never rounded.
func TestFinerThanOneYuan(t *testing.T) {
	for _, text := range []string{"资助甲项目12,345.67元", "補助3.123456萬元", "结算金额为人民币8000.5元"} {
		if s := FindSpans(text); len(s) != 0 {
			t.Errorf("%s: spans %v, want none", text, s)
		}
		f := FindFinerSpans(text)
		if len(f) != 1 || f[0].Yuan != 0 {
			t.Errorf("%s: finer spans %v, want one with no value", text, f)
		}
	}
	if f := FindFinerSpans("资助甲项目12,345.00元、乙项目3.5万元"); len(f) != 0 {
		t.Errorf("whole yuan printed with decimals: finer spans %v, want none", f)
	}
}

// A figure printed in two magnitudes is one amount (rule
// amount-two-magnitudes); a count in two magnitudes is none.
func TestTwoMagnitudes(t *testing.T) {
	cases := []spanCase{
		{"全省使用3亿5000万元，其中儿童福利1亿5000万元", []string{"3亿5000万元=350000000", "1亿5000万元=150000000"}},
		{"資助甲項目1萬5千元，乙項目2萬3000元", []string{"1萬5千元=15000", "2萬3000元=23000"}},
		{"约1亿2千万元", []string{"约1亿2千万元=120000000~"}},
		{"惠及1亿3000万人次，服务1万5千人", nil},
	}
	checkSpanTexts(t, cases)
}

// Common numerals with a decimal point are one exact figure (三点五万元 is
// 35,000 yuan, never 五万元 after the words 三点).
func TestNumeralsWithADecimalPoint(t *testing.T) {
	cases := []spanCase{
		{"资助乙项目三点五万元，丙项目十二点五万元", []string{"三点五万元=35000", "十二点五万元=125000"}},
		{"投入一點二億元", []string{"一點二億元=120000000"}},
		{"约数点五万元", nil},
	}
	checkSpanTexts(t, cases)
}

// Common numerals with 余 or 多 are approximate figures (五十余万元), never
// passed over; a magnitude (数十余万元) is none.
func TestApproximateNumerals(t *testing.T) {
	cases := []spanCase{
		{"投入五十余万元，另拨三十多万元", []string{"五十余万元=500000~", "三十多万元=300000~"}},
		{"投入一千餘萬元、十余万元", []string{"一千餘萬元=10000000~", "十余万元=100000~"}},
		{"投入数十余万元", nil},
		{"资助一万余元", []string{"一万余元=10000~"}},
	}
	checkSpanTexts(t, cases)
}

// spanCase is a text and the spans FindSpans should find in it, each as
// text=yuan, ~ after an approximate one.
type spanCase struct {
	text string
	want []string
}

func checkSpanTexts(t *testing.T, cases []spanCase) {
	t.Helper()
	for _, c := range cases {
		var got []string
		for _, s := range FindSpans(c.text) {
			a := ""
			if s.Approx {
				a = "~"
			}
			got = append(got, fmt.Sprintf("%s=%d%s", s.Text, s.Yuan, a))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: got %v, want %v", c.text, got, c.want)
		}
	}
}
