package textfold

import (
	"strings"
	"testing"
)

func TestHanKeepsOffsets(t *testing.T) {
	for in, want := range map[string]string{
		"廈門市民政局與思明區":         "厦门市民政局与思明区",
		"總共163.55萬元":         "总共163.55万元",
		"plain 文字 unchanged": "plain 文字 unchanged",
		"":                   "",
	} {
		got := Han(in)
		if got != want {
			t.Errorf("Han(%q) = %q, want %q", in, got, want)
		}
		if len(got) != len(in) {
			t.Errorf("Han(%q) moved offsets: %d bytes → %d", in, len(in), len(got))
		}
	}
	if p := Printed("由廈門市民政局購買", "厦门市民政局"); p != "廈門市民政局" {
		t.Errorf("Printed = %q", p)
	}
	if p := Printed("由厦门", "上海"); p != "" {
		t.Errorf("Printed of an absent span = %q", p)
	}
}

func TestPinyinDebris(t *testing.T) {
	for in, want := range map[string]string{
		"協(xié)會":         "協會",
		"其(qi)中":          "其中",
		"F(xiàn)將2021年":   "將2021年",
		"项目(2024)":        "项目(2024)",
		"资金(万元)":          "资金(万元)",
		"社区(Community)服务": "社区(Community)服务",
		"资金(Fund)":        "资金(Fund)",
	} {
		if got := Pinyin(in); got != want {
			t.Errorf("Pinyin(%q) = %q, want %q", in, got, want)
		}
	}
}

// Clean matches on folded, debris-free text and maps back to the printed.
func TestCleanMapsBackToPrinted(t *testing.T) {
	for _, c := range []struct{ printed, find, want string }{
		{"用于資助我區(qū)特殊困難老年人", "我区特殊", "我區(qū)特殊"},
		{"發(fā)放孤兒入學(xué)補(bǔ)助13人", "孤儿入学补助", "孤兒入學(xué)補(bǔ)助"},
		{"plain 社区书屋", "社区书屋", "社区书屋"},
	} {
		clean, at := Clean(c.printed)
		i := strings.Index(clean, c.find)
		if i < 0 {
			t.Errorf("%q: %q not in %q", c.printed, c.find, clean)
			continue
		}
		if got := c.printed[at[i]:at[i+len(c.find)]]; got != c.want {
			t.Errorf("%q: %q maps to %q, want %q", c.printed, c.find, got, c.want)
		}
	}
}

// Traditional prints a simplified text in traditional characters that Han
// folds back to the original, every byte offset kept.
func TestTraditionalFoldsBack(t *testing.T) {
	for _, s := range []string{"资助社区居家养老服务中心运营补贴30万元", "厦门市民政局关于2023年度福利彩票公益金使用情况的公告", "abc 123"} {
		tr := Traditional(s)
		if Han(tr) != s || len(tr) != len(s) {
			t.Errorf("Traditional(%q) = %q, folded back %q", s, tr, Han(tr))
		}
		if strings.ContainsAny(s, "资区务") && tr == s {
			t.Errorf("Traditional(%q) changed nothing", s)
		}
	}
}
