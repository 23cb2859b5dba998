package generic

import "testing"

// How the words around a figure name its item (data/lexicon/naming.csv),
// on invented notices in several wordings.
func TestNaming(t *testing.T) {
	checkSummaries(t, []summaryCase{
		// name-from-clause-before, kind source
		{"the fund a figure is paid from names nothing: the clause before does",
			"其中,敬老服务类项目8个,使用市级公益金40万元;儿童关爱类项目4个,使用市级公益金20万元。",
			"items: 敬老服务类项目8个=40/fixed 儿童关爱类项目4个=20/fixed; totals: ; unread: "},
		{"the fund with a verb of giving, traditional script",
			"社區融合項目6個，安排區級福彩公益金12萬元；殘疾人康復項目3個，安排區級福彩公益金9萬元。",
			"items: 社區融合項目6個=12/fixed 殘疾人康復項目3個=9/fixed; totals: ; unread: "},
		// a comma between digits is no clause stop
		{"a count printed with a thousands comma stays in its clause",
			"全年资助农村互助点项目1,350个,资助资金2,700.5万元。",
			"items: 全年资助农村互助点项目1,350个=2700.5/fixed; totals: ; unread: "},
		{"a thousands comma in the figure before",
			"共建成社区书屋2,400处,补助资金960万元。",
			"items: 建成社区书屋2,400处=960/fixed; totals: ; unread: "},
		// name-purpose-after
		{"figures each followed by their purpose, in one list",
			"本级公益金预算900万元,其中,500万元用于资助养老服务类项目、300万元用于资助儿童关爱类项目、100万元用于资助社会公益类项目,成效明显。",
			"items: 资助养老服务类项目=500/fixed 资助儿童关爱类项目=300/fixed 资助社会公益类项目=100/fixed; totals: 900/900; unread: "},
		{"figures followed by 用作, without a total",
			"安排12万元用作社区助餐补贴、8万元用作助浴服务购买。",
			"items: 社区助餐补贴=12/fixed 助浴服务购买=8/fixed; totals: ; unread: "},
		// name-lead-verb
		{"when and by which verb the money was given is no part of the name",
			"已于2025年底拨付甲村文化礼堂改造补助20万元。",
			"items: 甲村文化礼堂改造补助=20/fixed; totals: ; unread: "},
		{"the giver, 已 and the verb before the name",
			"乙街道已于年初下拨丙社区助餐点运营补助6万元。",
			"items: 丙社区助餐点运营补助=6/fixed; totals: ; unread: "},
		// name-after-provider, name-price-trail
		{"who provides it for whom comes before 提供的; a price word before the figure",
			"民政局与两家机构签订协议。其中,甲市阳光服务中心为乙社区提供的“银发守护”助老服务项目价格为40.5万元。",
			"items: “银发守护”助老服务项目=40.5/fixed; totals: ; unread: "},
		{"开展的 and 合同金额, traditional script",
			"丙縣社工事務所在丁街道開展的鄰里互助服務項目合同金額為12萬元。",
			"items: 鄰里互助服務項目=12/fixed; totals: ; unread: "},
		// restated: a fund and a project stating one figure
		{"a figure stated under its fund and again under its project is one item",
			"区级福彩公益金涉及经费20万元,主要用于老年人福利。街道已于年底拨付甲社区助餐点建设补助20万元。",
			"items: 甲社区助餐点建设补助=20/fixed; totals: ; unread: "},
		{"the project first, then the fund restating it",
			"资助乙镇敬老院消防改造项目15万元。省级福彩公益金15万元已全部拨付到位。",
			"items: 资助乙镇敬老院消防改造项目=15/fixed; totals: ; unread: "},
	})
}
