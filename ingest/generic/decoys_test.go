package generic

import "testing"

// Figures that are not project money (decoy rows of
// data/lexicon/amount_context.csv), on invented notices in several wordings.
func TestFiguresThatAreNotProjectMoney(t *testing.T) {
	cases := []summaryCase{
		{"a budget beside what was actually spent: the actual figure is the total",
			"2021年，本级福彩公益金支出预算为800万元，实际支出750万元，其中：养老服务500万元，儿童福利250万元。",
			"items: 养老服务=500/fixed 儿童福利=250/fixed; totals: 750/750; unread: 800万元(a budget or plan stated beside what was actually spent (支出预算为800万元，实际支出750万元; # marks the figure in the pattern))"},
		{"a plan beside its execution, traditional script",
			"全年計劃安排公益金1,000萬元，執行數為960萬元。其中助殘項目600萬元，救助項目360萬元。",
			"items: 助殘項目=600/fixed 救助項目=360/fixed; totals: 960/960; unread: 1,000萬元(a budget or plan stated beside what was actually spent (支出预算为800万元，实际支出750万元; # marks the figure in the pattern))"},
		{"a standard per site is a rate, not money paid; the total paid is the item",
			"各村级互助点按照每个点位3万元的标准拨付运营补助。全镇6个互助点,共拨付运营补助18万元。",
			"items: 运营补助=18/fixed; totals: ; unread: 3万元(per-unit standard (a rate, not money paid))"},
		{"a standard stated with 为标准, traditional script",
			"對轄區示範點以每家2萬元為標準給予獎補，甲街道長者食堂建設補助4萬元。",
			"items: 甲街道長者食堂建設補助=4/fixed; totals: ; unread: 2萬元(per-unit standard (a rate, not money paid))"},
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
			"items: 资助儿童福利项目=6/fixed; totals: ; unread: 15万元(remitted to a higher level, paid away and not spent here)"},
		{"a remittance totals nothing, even when the figures after it add up to it",
			"全年筹得公益金20万元，上缴上级10万元，用于敬老院改造6万元，用于助残服务4万元。",
			"items: 敬老院改造=6/fixed 助残服务=4/fixed; totals: ; unread: 20万元(sales or fund-raising figure) 10万元(remitted to a higher level, paid away and not spent here)"},
		{"a remittance, 上解 wording, traditional script",
			"本年上解省級公益金8萬元。資助社區書屋3萬元，資助長者助餐5萬元。",
			"items: 資助社區書屋=3/fixed 資助長者助餐=5/fixed; totals: ; unread: 8萬元(remitted to a higher level, paid away and not spent here)"},
		{"a level's retained share is income, never an item",
			"按比例分配，省级留成2亿元，市县留成3亿元。省级公益金安排养老服务1.2亿元。",
			"items: 省级公益金安排养老服务=12000/fixed; totals: ; unread: 2亿元(income or transfer) 3亿元(income or transfer)"},
		{"a retained share, 留存 wording, totals the uses after it",
			"本级留存公益金50万元，其中用于儿童福利30万元，用于社会救助20万元。",
			"items: 儿童福利=30/fixed 社会救助=20/fixed; totals: 50/50; unread: "},
		{"a cumulative figure, 至今 wording, and its breakdown",
			"2015年至今共投入公益金900万元。其中养老服务500万元，儿童福利400万元。本年资助助餐项目30万元。",
			"items: 本年资助助餐项目=30/fixed; totals: ; unread: 900万元(cumulative figure) 500万元(breakdown (其中) of a figure set aside (900万元, cumulative figure)) 400万元(breakdown (其中) of a figure set aside (900万元, cumulative figure))"},
		{"a cumulative figure, 迄今 wording",
			"项目启动迄今已使用资金120万元。今年新增社区书屋项目8万元。",
			"items: 今年新增社区书屋项目=8/fixed; totals: ; unread: 120万元(cumulative figure)"},
	}
	checkSummaries(t, cases)
}

// Rule total-rounded: a headline figure printed to a coarser digit than
// its parts is their total when the parts round to it; 2亿 is no rounding
// of 1.2亿, and a figure printed as finely as its parts must add up exactly.
func TestRoundedTotal(t *testing.T) {
	cases := []summaryCase{
		{"亿 over 万",
			"全年使用公益金2.3亿元。其中养老服务12345万元，儿童福利10702万元。",
			"items: 养老服务=12345/fixed 儿童福利=10702/fixed; totals: 23000/23047; unread: "},
		{"万 with one decimal over 元, traditional script",
			"本年度共安排資金45.6萬元：社區服務223456元，助殘服務232611元。",
			"items: 社區服務=22.3456/fixed 助殘服務=23.2611/fixed; totals: 45.6/45.6067; unread: "},
		{"not a rounding: the parts are far from the figure",
			"全年使用公益金2亿元。其中养老服务7000万元，儿童福利5000万元。",
			"items: 全年使用公益金=20000/fixed; totals: ; unread: 7000万元(sub-item of 2亿元 (a breakdown that does not add up to it, not added)) 5000万元(sub-item of 2亿元 (a breakdown that does not add up to it, not added))"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if got := summary(p); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		for _, tt := range p.Totals {
			if tt.Rule != "total-rounded" || tt.Low == nil || *tt.Low > tt.Stated || *tt.High < tt.Stated {
				t.Errorf("%s: total %s is not marked rounded with its bounds: %+v", c.name, tt.Label, tt)
			}
		}
	}
}

// A figure's own sentence breaking part of it down (399.62万元,其中甲150万元):
// the part is a sub-item of the figure, listed unread, never a second item.
func TestPartialBreakdownInTheSentence(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"one part after 其中",
			"资助社会公益项目80万元，其中社区书屋项目30万元。资助儿童福利项目20万元。",
			"items: 资助社会公益项目=80/fixed 资助儿童福利项目=20/fixed; totals: ; unread: 30万元(sub-item of 80万元 (a breakdown that does not add up to it, not added))"},
		{"two parts after 其中 that fall short, traditional script",
			"安排助老服務經費120萬元，其中長者助餐40萬元、居家探訪35萬元。",
			"items: 助老服務經費=120/fixed; totals: ; unread: 40萬元(sub-item of 120萬元 (a breakdown that does not add up to it, not added)) 35萬元(sub-item of 120萬元 (a breakdown that does not add up to it, not added))"},
		{"parts that add up are the items",
			"安排助老服务经费75万元，其中长者助餐40万元、居家探访35万元。",
			"items: 长者助餐=40/fixed 居家探访=35/fixed; totals: 75/75; unread: "},
	})
}

// A prior year's figure stated for comparison is not this year's money;
// a cumulative word within this year (今年以来) makes the year's own figure.
func TestPriorYearAndYearToDate(t *testing.T) {
	const prior = "a prior year's figure stated for comparison ((2018年度为450万元), 上年为…)"
	checkSummaries(t, []summaryCase{
		{"a prior year in parentheses",
			"本年度共使用公益金90万元（2021年度为80万元），其中养老服务50万元，儿童福利40万元。",
			"items: 养老服务=50/fixed 儿童福利=40/fixed; totals: 90/90; unread: 80万元(" + prior + ")"},
		{"上年为, traditional script",
			"今年安排助殘項目30萬元，上年為25萬元。",
			"items: 今年安排助殘項目=30/fixed; totals: ; unread: 25萬元(" + prior + ")"},
		{"今年以来 累计 is this year's",
			"今年以来累计使用公益金20万元。其中长者助餐12万元，儿童托管8万元。",
			"items: 长者助餐=12/fixed 儿童托管=8/fixed; totals: 20/20; unread: "},
		{"本年度至今, traditional script",
			"本年度至今已使用資金15萬元，其中社區書屋9萬元，健身步道6萬元。",
			"items: 社區書屋=9/fixed 健身步道=6/fixed; totals: 15/15; unread: "},
		{"since an earlier year is still cumulative",
			"2016年以来累计使用公益金20万元。其中长者助餐12万元，儿童托管8万元。",
			"items: ; totals: ; unread: 20万元(cumulative figure) 12万元(breakdown (其中) of a figure set aside (20万元, cumulative figure)) 8万元(breakdown (其中) of a figure set aside (20万元, cumulative figure))"},
	})
}

// 每个/各 after things only counted (B类项目20个,每个资助5万元) is each one's
// amount of things named nowhere: a per-unit amount, unread, never an item
// named 每个资助.
func TestEachOfThingsOnlyCounted(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"每个 after a counted class",
			"甲项目6万元。另评出优秀项目20个，每个资助5万元。",
			"items: 甲项目=6/fixed; totals: ; unread: 5万元(per-head or per-unit amount)"},
		{"各 after a count, traditional script",
			"乙項目4萬元；入圍項目12個，各補助1萬元。",
			"items: 乙項目=4/fixed; totals: ; unread: 1萬元(per-head or per-unit amount)"},
	})
}

// Text injected between a number's digits (a copied page's spam) leaves
// no smaller valid amount: the figure after it is unread with that reason.
func TestTextInjectedInsideANumber(t *testing.T) {
	const why = "text injected inside a number (a copied page's spam between its digits"
	checkSummaries(t, []summaryCase{
		{"spam after 约 and the first digit",
			"资助社区书屋项目约6广告文字500万元。资助长者助餐项目20万元。",
			"items: 资助长者助餐项目=20/fixed; totals: ; unread: 500万元(" + why + ")"},
		{"spam after 金额 and two digits, traditional script",
			"項目資助金額12點擊下載客戶端50萬元；另資助兒童托管項目8萬元。",
			"items: 資助兒童托管項目=8/fixed; totals: ; unread: 50萬元(" + why + ")"},
		{"a count, a year or a batch before a figure is no injection",
			"资助项目6个，资金500万元。另安排2023年资金30万元，分3批次下达。",
			"items: 资助项目6个=500/fixed 2023年资金=30/fixed; totals: ; unread: "},
	})
}

// Money from another source, money applied for and a project's total cost
// are not the fund's money (decoy rows of amount_context.csv; 配套 is not
// among them: a fund's own matching money for a higher level's project is
// printed so too); the fund's
// part of a total cost is the item, named by its list item's first clause
// (rule name-heading).
func TestOtherSourcesAppliedForAndTotalCost(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"donations beside the fund's money",
			"（一）敬老院护理能力提升项目，资金30万元，社会捐赠10万元；\n（二）残疾人托养服务项目，资金25万元。",
			"items: 敬老院护理能力提升项目=30/fixed 残疾人托养服务项目=25/fixed; totals: ; unread: 10万元(money from another source (funds leveraged, donated or raised by the project itself), not this fund's)"},
		{"funds leveraged and raised, traditional script",
			"資助社區食堂建設8萬元，帶動社會資金投入12萬元，街道自籌3萬元。",
			"items: 資助社區食堂建設=8/fixed; totals: ; unread: 12萬元(money from another source (funds leveraged, donated or raised by the project itself), not this fund's) 3萬元(money from another source (funds leveraged, donated or raised by the project itself), not this fund's)"},
		{"money applied for beside money granted",
			"共收到申报项目40个，申报资金总额320万元；经评审，资助甲社区助老项目6万元、乙社区助残项目4万元。",
			"items: 资助甲社区助老项目=6/fixed 乙社区助残项目=4/fixed; totals: ; unread: 320万元(money applied for, not granted)"},
		{"申請金額, traditional script",
			"丙協會長者探訪項目申請金額15萬元，核定資助10萬元。",
			"items: 核定資助=10/fixed; totals: ; unread: 15萬元(money applied for, not granted)"},
		{"a total cost and the fund's part of it",
			"1.市社会福利院综合楼改造项目，项目总投资500万元，其中福彩公益金补助200万元。\n2.困境儿童关爱项目，使用公益金35万元。",
			"items: 市社会福利院综合楼改造项目=200/fixed 困境儿童关爱项目=35/fixed; totals: ; unread: 500万元(a project's total cost, of which the fund pays a part, not the fund's money)"},
		{"总造价, traditional script",
			"（一）鄉鎮敬老院消防改造工程，工程總造價80萬元，其中使用公益金50萬元。",
			"items: 鄉鎮敬老院消防改造工程=50/fixed; totals: ; unread: 80萬元(a project's total cost, of which the fund pays a part, not the fund's money)"},
	})
}

// Per-household and per-school averages (户均, 校均, 平均每户: the per-head
// decoy row) are per-unit amounts, never items; a total word with a verb
// between 总 and the money word (总资助金额, 总补助资金) states a total.
func TestAveragesAndVerbTotals(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a per-household average after the item",
			"投入180万元为全市残疾人家庭实施无障碍改造，户均9000元；投入60万元用于孤儿助学。",
			"items: 为全市残疾人家庭实施无障碍改造=180/fixed 孤儿助学=60/fixed; totals: ; unread: 9000元(per-head or per-unit amount)"},
		{"an average per school, traditional script",
			"安排校園心理輔導項目24萬元，平均每所學校2萬元。",
			"items: 校園心理輔導項目=24/fixed; totals: ; unread: 2萬元(per-head or per-unit amount)"},
		{"总资助金额 over the projects",
			"共评选出资助项目2个，总资助金额8万元。甲社区助老项目5万元；乙社区助残项目3万元。",
			"items: 甲社区助老项目=5/fixed 乙社区助残项目=3/fixed; totals: 8/8; unread: "},
		{"总补助资金, traditional script",
			"本次總補助資金共12萬元：長者食堂7萬元，兒童之家5萬元。",
			"items: 長者食堂=7/fixed 兒童之家=5/fixed; totals: 12/12; unread: "},
	})
}

// Income decoys (data/lexicon/amount_context.csv, income or transfer): what
// a level keeps (区本级福彩公益金留成) and what was obtained from above
// (争取上级福彩公益金) is income, never an item or a spending total.
func TestRetainedAndObtainedFundsAreIncome(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"obtained from above and the level's share",
			"2022年，全区共争取上级福彩公益金158万元，区本级福彩公益金留成32万元。资助长者食堂运营50万元。",
			"items: 资助长者食堂运营=50/fixed; totals: ; unread: 158万元(income or transfer) 32万元(income or transfer)"},
		{"obtained from the centre, traditional script",
			"今年爭取到中央專項彩票公益金80萬元。安排殘疾人康復項目30萬元。",
			"items: 殘疾人康復項目=30/fixed; totals: ; unread: 80萬元(income or transfer)"},
	})
}
