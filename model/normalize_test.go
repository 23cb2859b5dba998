package model

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalize skips width.Fold for text without a rune it changes: every
// rune outside foldsInWidth must be its own fold.
func TestOnlyFoldsInWidthRunesFold(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || foldsInWidth(r) {
			continue
		}
		if s := string(r); width.Fold.String(s) != s {
			t.Fatalf("width.Fold changes U+%04X (%q → %q), which foldsInWidth leaves alone", r, s, width.Fold.String(s))
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"养老服务":          "养老服务",
		"１２０．５万元":       "120.5万元",
		"合　计 ( 元 )":     "合计(元)",
		"項目\u00a0名稱\t甲": "項目名稱甲",
		"ＡＢＣ，ｄ":         "ABC,d",
		"":              "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
