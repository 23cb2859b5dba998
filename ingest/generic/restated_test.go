package generic

import "testing"

// A total the document breaks down, printed again elsewhere (rule
// total-restated, data/lexicon/restated.csv), on invented notices.
func TestRestatedTotal(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the fund's whole amount stated again after its breakdown is no item",
			"2022年本县收到省级福彩公益金共计286.45万元,其中用于敬老院改造180万元、儿童之家建设106.45万元。按照资金用途,2022年省级福彩公益金286.45万元已全额拨付使用。",
			"items: 敬老院改造=180/fixed 儿童之家建设=106.45/fixed; totals: 286.45/286.45 286.45/286.45; unread: "},
		{"a summary line before its breakdown, with a different name, traditional script",
			"本年度支持發展助老服務1234.56萬元。老年人福利類支出1234.56萬元，其中居家養老補貼1000萬元，助餐點運營234.56萬元。",
			"items: 居家養老補貼=1000/fixed 助餐點運營=234.56/fixed; totals: 1234.56/1234.56 1234.56/1234.56; unread: "},
		{"the funds granted to the place, summed, then each fund broken down: the funds are the totals stated again",
			"中央福彩公益金补助我县支出20万元,省级福彩公益金项目支出8万元,共计28万元。中央福彩公益金项目资金20万元,其中甲镇敬老院改造12万元,乙村幸福院建设8万元。省级福彩公益金项目资金8万元,其中丙社区儿童之家5万元,丁街道社工站3万元。",
			"items: 甲镇敬老院改造=12/fixed 乙村幸福院建设=8/fixed 丙社区儿童之家=5/fixed 丁街道社工站=3/fixed; totals: 28/28 20/20 20/20 8/8 8/8; unread: "},
		{"the fund granted to the city, traditional script",
			"市級福彩公益金補助我市15萬元。全年市級福彩公益金15萬元，其中長者助餐10萬元，助浴服務5萬元。",
			"items: 長者助餐=10/fixed 助浴服務=5/fixed; totals: 15/15 15/15; unread: "},
		{"a round figure equal to a total is not taken for it",
			"甲镇共安排20万元,其中文化礼堂12万元、书屋8万元。乙镇助浴点建设20万元。",
			"items: 文化礼堂=12/fixed 书屋=8/fixed 乙镇助浴点建设=20/fixed; totals: 20/20; unread: "},
	})
}

// Rule total-second-breakdown: a total divided by category and then, in
// the lines after, by place is one sum of money: the second division is
// unread, never added again; a numbered section after it is no division.
func TestSecondBreakdownIsNotAddedAgain(t *testing.T) {
	const why = "the same money divided another way"
	checkSummaries(t, []summaryCase{
		{"by category, then by place",
			"现下达福彩公益金500万元，其中养老服务300万元、儿童福利200万元。\n分配如下：甲县260万元，乙县240万元。",
			"items: 养老服务=300/fixed 儿童福利=200/fixed; totals: 500/500; unread: 260万元(" + why + ") 240万元(" + why + ")"},
		{"by place, then by fund, traditional script",
			"本年安排資金90萬元：甲街道50萬元，乙街道40萬元。\n其資金來源為省級公益金60萬元，區本級公益金30萬元。",
			"items: 甲街道=50/fixed 乙街道=40/fixed; totals: 90/90; unread: 60萬元(" + why + ") 30萬元(" + why + ")"},
		{"a numbered section after it is its own",
			"一、养老服务100万元：甲项目60万元，乙项目40万元。\n二、助残服务：丙项目70万元，丁项目30万元。",
			"items: 甲项目=60/fixed 乙项目=40/fixed 丙项目=70/fixed 丁项目=30/fixed; totals: 100/100; unread: "},
	})
}
