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

func TestCountValueWithHundredsAndThousands(t *testing.T) {
	for in, want := range map[string]int64{"一百五十": 150, "一百零五": 105, "两千": 2000, "三百": 300, "一千二百": 1200, "十": 10, "二十三": 23, "九百九十九": 999} {
		if got, ok := countValue(in); !ok || got != want {
			t.Errorf("countValue(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"百", "十十", "五五", "一百百", "零", "千一百"} {
		if got, ok := countValue(in); ok {
			t.Errorf("countValue(%q) reads %d", in, got)
		}
	}
}

// Rule per-head-count-around: the count of the people a per-head amount is
// paid to may follow it in its sentence or be the one count of the sentence
// before; the per-head words may hold a longer noun (每名建档立卡贫困学生),
// be 每个家庭 or 人均, or follow the figure (300元/人); a count may be
// printed in numerals with hundreds (一百五十名).
func TestPerHeadCountAround(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the count after the per-head amount",
			"今年为困难老人每人发放慰问金500元，共慰问150人。",
			"items: 今年为困难老人慰问金=7.5/derived; totals: ; unread: "},
		{"the count in the sentence before, traditional script",
			"資助貧困大學生150名。每名學生資助3000元。",
			"items: 資助貧困大學生=45/derived; totals: ; unread: "},
		{"a long noun after 每名",
			"资助150名困难学生，每名建档立卡贫困学生资助3000元。",
			"items: 资助150名困难学生=45/derived; totals: ; unread: "},
		{"the per-head unit after the figure",
			"为辖区120名困难老人发放慰问金300元/人。",
			"items: 辖区120名困难老人发放慰问金=3.6/derived; totals: ; unread: "},
		{"a count with hundreds in numerals",
			"为一百五十名困难群众每人发放慰问金500元。",
			"items: 一百五十名困难群众=7.5/derived; totals: ; unread: "},
		{"two counts in the sentence after: which one is paid is not said",
			"每人发放慰问金500元，慰问老人150人、儿童30人。",
			"items: ; totals: ; unread: 500元(per-head or per-unit amount)"},
		{"a monthly rate stays unread",
			"每人每月发放生活费600元，共15人。",
			"items: ; totals: ; unread: 600元(per-head or per-unit amount)"},
		{"an average after the figure of its sentence is its detail, even when the product differs",
			"安排180万元为全市2000户残疾人家庭实施无障碍改造，户均9000元。",
			"items: 为全市2000户残疾人家庭实施无障碍改造=180/fixed; totals: ; unread: 9000元(per-head or per-unit amount)"},
		{"an average per person after its figure, traditional script",
			"投入45萬元資助困境兒童300名，人均補助1500元。",
			"items: 資助困境兒童300名=45/fixed; totals: ; unread: 1500元(per-head or per-unit amount)"},
	})
}
