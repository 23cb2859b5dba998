package generic

import (
	"testing"

	"fundscope/model"
)

// A spending total (实际使用, 实际支出: kind total in
// data/lexicon/amount_context.csv) is the sum of the uses listed after it,
// even when a balance or an income figure (结余, 收到: no spending) is
// printed between it and them; the balance stays unread, never a use.
func TestSpendingTotalPassesOverABalance(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"received, actually used, a balance, then the uses by category",
			"2022年共收到福彩公益金156万元,实际使用148万元,结余8万元结转下年使用。\n(一)养老服务类:投入95万元,其中幸福院建设补助60万元,居家养老服务站运营补贴35万元。\n(二)儿童福利类:投入33万元。\n(三)社会公益类:投入20万元。",
			"items: 幸福院建设补助=60/fixed 居家养老服务站运营补贴=35/fixed 儿童福利类=33/fixed 社会公益类=20/fixed; totals: 148/148 95/95; unread: 156万元(money available (the spending plus a balance or income), not a total of the spending, and 148万元 + 8万元 add up to it) 8万元(income or transfer)"},
		{"实际支出 and the balance before it, traditional script",
			"本年度實際支出42萬元，年末結余3萬元。\n1.長者助餐補貼30萬元；\n2.兒童之家運營12萬元。",
			"items: 長者助餐補貼=30/fixed 兒童之家運營=12/fixed; totals: 42/42; unread: 3萬元(income or transfer)"},
	})
}

// A balance brought forward (上年结转, 结存) is money available, not spent:
// unread as income, never an item, and the spending total still reconciles.
func TestABalanceBroughtForwardIsNoItem(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"income and a balance brought forward before the spending",
			"本年度公益金收入300万元，上年结转60万元。全年支出320万元，具体如下：\n1.养老服务200万元；\n2.儿童福利120万元。",
			"items: 养老服务=200/fixed 儿童福利=120/fixed; totals: 320/320; unread: 300万元(income or transfer) 60万元(income or transfer)"},
		{"a balance kept over from earlier years, traditional script",
			"以前年度結存資金15萬元。本年安排長者助餐項目25萬元、殘疾人康復項目10萬元。",
			"items: 本年安排長者助餐項目=25/fixed 殘疾人康復項目=10/fixed; totals: ; unread: 15萬元(income or transfer)"},
	})
}

// An organization's name followed by what is built or run for it (建设,
// 运营 …: kind object in data/lexicon/organizations.csv) is the project's
// object, not the organization that receives the money.
func TestFacilityBeforeItsWorksIsNoOrganization(t *testing.T) {
	checkOrgs(t, []orgCase{
		{"其中农村幸福院建设补助60万元。", ""},
		{"甲社區服務中心運營補貼12萬元。", ""},
		{"由乙市社会工作服务中心承接的长者探访项目8万元。", "乙市社会工作服务中心"},
	})
}

// orgCase is a text of one item and the organization it names ("" none).
type orgCase struct{ text, org string }

// checkOrgs reads each case and requires one item with its organization.
func checkOrgs(t *testing.T, cases []orgCase) {
	t.Helper()
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) != 1 || p.Items[0].Organization != c.org {
			t.Errorf("%s: %s, organization %q, want %q", c.text, summary(p), orgOf(p), c.org)
		}
	}
}

func orgOf(p *model.Parsed) string {
	if len(p.Items) == 0 {
		return ""
	}
	return p.Items[0].Organization
}

// A figure and, in its own sentence after a comma, 其中 and one part of the
// same value: the part is the item and the figure its total, never two items.
func TestOnePartAfterItsFigure(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"其中 after a comma, one part",
			"省级福彩公益金项目资金8万元,其中丙社区儿童之家8万元。",
			"items: 丙社区儿童之家=8/fixed; totals: 8/8; unread: "},
		{"one part, traditional script",
			"區級公益金安排3萬元，其中長者食堂運營補貼3萬元。",
			"items: 長者食堂運營補貼=3/fixed; totals: 3/3; unread: "},
	})
}

// An income broken down by where it came from (kind income-part in
// data/lexicon/amount_context.csv) is income in every part: no part is an
// item or the total of the spending after it, and the income is checked
// against what the items spend. An income broken into projects is not.
func TestPartsOfAnIncomeAreIncome(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"上级下达 and 区本级 after 其中",
			"2023年我区共获得福彩公益金85万元,其中上级下达60万元,区本级25万元。\n(一)资助甲街道日间照料中心运营补贴20万元;\n(二)资助困境儿童关爱项目15万元;\n(三)资助残疾人居家托养服务30万元;\n(四)资助社区公益创投项目20万元。",
			"items: 资助甲街道日间照料中心运营补贴=20/fixed 资助困境儿童关爱项目=15/fixed 资助残疾人居家托养服务=30/fixed 资助社区公益创投项目=20/fixed; totals: 85/85; unread: 60万元(income or transfer) 25万元(income or transfer)"},
		{"中央 and 省级, traditional script",
			"本年度收到福彩公益金40萬元，其中中央補助30萬元、省級10萬元。1.長者食堂運營25萬元；2.兒童之家建設15萬元。",
			"items: 長者食堂運營=25/fixed 兒童之家建設=15/fixed; totals: 40/40; unread: 30萬元(income or transfer) 10萬元(income or transfer)"},
	})
}

// Money available (income and a balance brought forward, or the spending
// plus what is left) is no total of the spending: it is unread with that
// reason, never a total that does not reconcile.
func TestMoneyAvailableIsNoSpendingTotal(t *testing.T) {
	const why = "money available (the spending plus a balance or income), not a total of the spending"
	checkSummaries(t, []summaryCase{
		{"income, balance, available; then the spending",
			"本年收入公益金90万元，上年结余10万元，可用资金合计100万元。\n全年支出公益金80万元，年末结余20万元。\n1.养老服务50万元。\n2.儿童福利30万元。",
			"items: 养老服务=50/fixed 儿童福利=30/fixed; totals: 80/80; unread: 90万元(income or transfer) 10万元(income or transfer) 100万元(" + why + ", and 80万元 + 20万元 add up to it) 20万元(income or transfer)"},
		{"available funds over the spending and its balance, traditional script",
			"可使用資金共計60萬元，其中支出45萬元，結餘15萬元。支出用於助餐服務25萬元、助浴服務20萬元。",
			"items: 支出用於助餐服務=25/fixed 助浴服務=20/fixed; totals: 45/45; unread: 60萬元(" + why + ", and 45萬元 + 15萬元 add up to it) 15萬元(income or transfer)"},
	})
}

// An income that is the spending plus the balance (收入2860万元，支出2650万元，
// 结余210万元) is money available, checked as their sum: never a total of
// the spending that fails to reconcile.
func TestIncomeIsTheSpendingPlusTheBalance(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"income, spending and balance in one sentence",
			"2021年，本级福彩公益金收入286万元，当年支出265万元，结余21万元。\n1.养老服务165万元；\n2.儿童福利100万元。",
			"items: 养老服务=165/fixed 儿童福利=100/fixed; totals: 265/265; unread: 286万元(money available (the spending plus a balance or income), not a total of the spending, and 265万元 + 21万元 add up to it) 21万元(income or transfer)"},
		{"received, used and carried forward, traditional script",
			"本年度共收到公益金50萬元，實際使用45萬元，結轉下年5萬元。其中長者助餐30萬元，兒童之家15萬元。",
			"items: 長者助餐=30/fixed 兒童之家=15/fixed; totals: 45/45; unread: 50萬元(money available (the spending plus a balance or income), not a total of the spending, and 45萬元 + 5萬元 add up to it) 5萬元(income or transfer)"},
	})
}
