package generic

import "testing"

// Per-head amounts of counted people (rule per-head-times-count,
// data/lexicon/per_head.csv), on invented notices in several wordings.
func TestPerHeadTimesCount(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a count, then each one's amount in the next clause",
			"今年资助30名困难学生,每人3000元。",
			"items: 今年资助30名困难学生=9/derived; totals: ; unread: "},
		{"a count in Chinese numerals, per household, the thing paid after 的",
			"街道为二十户困难家庭发放每户1200元的节日慰问金。",
			"items: 节日慰问金=2.4/derived; totals: ; unread: "},
		{"the product is printed: the per-head amount is its detail",
			"县民政局开展“暖冬送温暖”活动，对20名困难群众进行每人1000元的资助，合计2万元。",
			"items: “暖冬送温暖”=2/fixed; totals: 2/2; unread: 1000元(per-head or per-unit amount)"},
		{"a monthly rate with no number of months stays unread",
			"为15名孤儿每人每月发放生活费600元。",
			"items: ; totals: ; unread: 600元(per-head or per-unit amount)"},
		{"a per-project amount of counted projects is no per-head amount",
			"另有12个项目获三等奖，每个项目资助2.5万元。",
			"items: ; totals: ; unread: 2.5万元(per-head or per-unit amount)"},
	})
}

// Rule per-head-name (data/lexicon/per_head.csv): a per-head item is named
// by what was paid, or by its counting clause without the fund it came
// from and without the count; a clause that is only the count names nothing.
func TestPerHeadName(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"what was paid, in the clause before a count alone",
			"为辖区80岁以上老人发放高龄津贴，共计150人，每人300元。",
			"items: 高龄津贴=4.5/derived; totals: ; unread: "},
		{"what was given, traditional script",
			"給予困境兒童生活補貼，合計40名，每名1500元。",
			"items: 困境兒童生活補貼=6/derived; totals: ; unread: "},
		{"the fund and the place cut, the count at the end cut",
			"我市使用福彩公益金资助困难大学生20名，每名资助5000元。",
			"items: 资助困难大学生=10/derived; totals: ; unread: "},
		{"a year and a provincial fund before the people",
			"2024年利用省级福彩公益金救助困境儿童12名，标准为每人2000元。",
			"items: 救助困境儿童=2.4/derived; totals: ; unread: "},
	})
}

func TestCountValue(t *testing.T) {
	for in, want := range map[string]int64{"15": 15, "十": 10, "十五": 15, "两": 2, "二十": 20, "九十九": 99, "三": 3} {
		if got, ok := countValue(in); !ok || got != want {
			t.Errorf("countValue(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"百", "十十十", ""} {
		if _, ok := countValue(in); ok {
			t.Errorf("countValue(%q) reads a count", in)
		}
	}
}

// Rule total-of-per-head: a total word that states count × the per-head
// amount is the item's amount and a stated total that reconciles with it.
func TestTotalOfPerHead(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a total word after the count and the per-head amount",
			"街道开展“冬日暖阳”活动，为20名困难老人每人发放慰问金500元，合计1万元。",
			"items: “冬日暖阳”=1/fixed; totals: 1/1; unread: 500元(per-head or per-unit amount)"},
		{"per household, traditional script",
			"縣民政局開展“新春送溫暖”慰問，走訪困難家庭40戶，每戶1000元，共計4萬元。",
			"items: “新春送溫暖”=4/fixed; totals: 4/4; unread: 1000元(per-head or per-unit amount)"},
	})
}

// Rule total-sole-item: a notice whose one item is a figure printed after a
// total word states that total too, and the item reconciles with it.
func TestTotalSoleItem(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"each one's amount without a count, then the total",
			"日前，区民政局开展“助学圆梦”活动。受资助学生每人资助3000元，总计资助9万元。",
			"items: “助学圆梦”活动=9/fixed; totals: 9/9; unread: 3000元(per-head or per-unit amount)"},
		{"per household, traditional script",
			"近日，縣福彩中心舉辦“愛心助殘”公益活動，每戶發放慰問金800元，共計發放2.4萬元。",
			"items: “愛心助殘”公益活動=2.4/fixed; totals: 2.4/2.4; unread: 800元(per-head or per-unit amount)"},
	})
}
