package generic

import "testing"

// Figures that are not project money (decoy rows of
// data/lexicon/amount_context.csv), on invented notices in several wordings.
func TestFiguresThatAreNotProjectMoney(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a change from the year before",
			"今年安排养老服务项目80万元，较上年增加12万元。",
			"items: 今年安排养老服务项目=80/fixed; totals: ; unread: 12万元(change from a prior year)"},
		{"a change, 同比 wording, traditional script",
			"資助助學項目45萬元，同比減少5萬元。",
			"items: 資助助學項目=45/fixed; totals: ; unread: 5萬元(change from a prior year)"},
		{"money received is income, and totals the items it is spent on",
			"2020年我局收到上级彩票公益金100万元，其中用于敬老院改造60万元、用于助残服务40万元。",
			"items: 敬老院改造=60/fixed 助残服务=40/fixed; totals: 100/100; unread: "},
		{"money sent down to the publisher that totals nothing is set aside",
			"省厅下达我县福彩公益金300万元。县里安排社区服务项目20万元。",
			"items: 县里安排社区服务项目=20/fixed; totals: ; unread: 300万元(income or transfer)"},
		{"money remitted upwards",
			"按规定上交省级公益金15万元。资助儿童福利项目6万元。",
			"items: 资助儿童福利项目=6/fixed; totals: ; unread: 15万元(income or transfer)"},
		{"a cumulative figure, 至今 wording, and its breakdown",
			"2015年至今共投入公益金900万元。其中养老服务500万元，儿童福利400万元。本年资助助餐项目30万元。",
			"items: 本年资助助餐项目=30/fixed; totals: ; unread: 900万元(cumulative figure) 500万元(breakdown (其中) of a figure set aside (900万元, cumulative figure)) 400万元(breakdown (其中) of a figure set aside (900万元, cumulative figure))"},
		{"a cumulative figure, 迄今 wording",
			"项目启动迄今已使用资金120万元。今年新增社区书屋项目8万元。",
			"items: 今年新增社区书屋项目=8/fixed; totals: ; unread: 120万元(cumulative figure)"},
	}
	for _, c := range cases {
		if got := summary(read(t, c.text)); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
