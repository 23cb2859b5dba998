package money

import (
	"testing"

	"fundscope/model"
)

// FuzzParseAmount: whatever text comes in, an accepted amount is exact,
// non-negative and survives FormatWan. `make fuzz` and CI run it.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"5", "9.577", "2 万元（按实 结算）", "项目资金总量15万元（含税费）", "最高资助20万元", "-5万元", "1e9万元", "２０万元", "13万人", "3000元（不含税）", "20万"} {
		f.Add(s, "万元")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, unit string) {
		a, err := Parse(text, unit)
		if err != nil {
			return
		}
		if a.Yuan == nil || *a.Yuan < 0 {
			t.Fatalf("%q: accepted without a non-negative amount: %+v", text, a)
		}
		if a.Kind != model.KindFixed && a.Kind != model.KindCap && a.Kind != model.KindActuals {
			t.Fatalf("%q: kind %q", text, a.Kind)
		}
		back, err := Parse(FormatWan(*a.Yuan)+"万元", "")
		if err != nil || *back.Yuan != *a.Yuan {
			t.Fatalf("%q: %d yuan does not survive FormatWan (%v)", text, *a.Yuan, err)
		}
	})
}
