package money

import (
	"errors"
	"testing"

	"fundscope/model"
)

func TestParse(t *testing.T) {
	cases := []struct {
		text, unit string
		yuan       int64
		kind       string
		tax        string // "", "y", "n"
	}{
		{"5", "万元", 50000, model.KindFixed, ""},
		{"9.577", "万元", 95770, model.KindFixed, ""},
		{"42.5", "万元", 425000, model.KindFixed, ""},
		{"2 万元（按实 结算）", "万元", 20000, model.KindActuals, ""},
		{"２０万元", "", 200000, model.KindFixed, ""},       // full-width digits
		{"1 2 . 5 万元", "", 125000, model.KindFixed, ""}, // spaces inside
		{"项目资金总量15万元（含税费），项目由1家社会组织承接", "", 150000, model.KindFixed, "y"},
		{"最高资助20万元", "", 200000, model.KindCap, ""},
		{"3000元（不含税）", "", 3000, model.KindFixed, "n"},
		{"20万", "万元", 200000, model.KindFixed, ""},
		{"1.项目完成截止时间为2023年10月31日、2.项目资金总量10万元（含税费）、项目由1家社会组织承接", "", 100000, model.KindFixed, "y"},
	}
	for _, c := range cases {
		a, err := Parse(c.text, c.unit)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if a.Yuan == nil || *a.Yuan != c.yuan || a.Kind != c.kind {
			t.Errorf("%q: got %v %s, want %d %s", c.text, deref(a.Yuan), a.Kind, c.yuan, c.kind)
		}
		gotTax := ""
		if a.TaxIncluded != nil {
			gotTax = map[bool]string{true: "y", false: "n"}[*a.TaxIncluded]
		}
		if gotTax != c.tax {
			t.Errorf("%q: tax %q, want %q", c.text, gotTax, c.tax)
		}
	}
}

func TestParseAmountRejects(t *testing.T) {
	for _, text := range []string{"-5万元", "1e9万元", "10万元或20万元", "1.23456万元", "9999999999999万元", "约5万元左右/年"} {
		a, err := Parse(text, "")
		if text == "约5万元左右/年" {
			// a note around one figure is fine
			if err != nil || *a.Yuan != 50000 {
				t.Errorf("%q: %v", text, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: accepted as %d yuan, want an error", text, *a.Yuan)
		}
	}
	if _, err := Parse("受益13万人", ""); !errors.Is(err, ErrNoAmount) {
		t.Errorf("13万人 is not money, got %v", err)
	}
	if _, err := Parse("", "万元"); !errors.Is(err, ErrNoAmount) {
		t.Errorf("empty text: %v", err)
	}
}

func TestFormatWan(t *testing.T) {
	for y, want := range map[int64]string{95770: "9.577", 200000: "20", 1: "0.0001", 0: "0", 6280770: "628.077"} {
		if got := FormatWan(y); got != want {
			t.Errorf("FormatWan(%d) = %s, want %s", y, got, want)
		}
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Thousands grouped by commas, as tables print 元: exact, and a comma that
// does not group thousands is no number.
func TestParseGroupedThousands(t *testing.T) {
	for in, want := range map[string]int64{"80,000.00": 80000, "1,234,567": 1234567, "12,000元": 12000} {
		a, err := Parse(in, "元")
		if err != nil || a.Yuan == nil || *a.Yuan != want {
			t.Errorf("Parse(%q) = %v, %v; want %d", in, a.Yuan, err, want)
		}
	}
	if a, err := Parse("1,5", "元"); err == nil && a.Yuan != nil {
		t.Errorf("1,5 read as %d", *a.Yuan)
	}
	if a, err := Parse("1,234元", "万元"); err != nil || *a.Yuan != 1234 {
		t.Errorf("1,234元 in a 万元 column: %v %v (the cell's own unit wins)", a.Yuan, err)
	}
}
