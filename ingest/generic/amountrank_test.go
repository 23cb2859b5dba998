package generic

import "testing"

// Rules amount-budget and amount-awarded (data/lexicon/amount_rank.csv): of
// a budget and what was awarded for one item, in a form or in a table, the
// award is the money and the budget is unread with its reason.
func TestTheAwardBeatsTheBudget(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"forms on one line each",
			"1.项目名称：社区居家养老上门服务；预算金额：60万元；中标金额：57.8万元；中标单位：甲区颐康养老服务中心。\n2.项目名称：困境儿童关爱保护服务；预算金额：25万元；中标金额：24.5万元；中标单位：乙区童乐社会工作服务社。",
			"items: 社区居家养老上门服务=57.8/fixed 困境儿童关爱保护服务=24.5/fixed; totals: ; unread: 60万元(a budget or plan beside what was awarded or spent) 25万元(a budget or plan beside what was awarded or spent)"},
		{"a form over several lines, the award first, traditional script",
			"項目名稱：社會救助經辦服務\n成交金額：39.6萬元\n預算金額：40萬元\n成交供應商：丙區民生事務服務中心",
			"items: 社會救助經辦服務=39.6/fixed; totals: ; unread: 40萬元(a budget or plan beside what was awarded or spent)"},
		{"a table of budgets and contract amounts",
			"序号\t项目名称\t预算金额（万元）\t合同金额（万元）\n1\t长者助餐服务\t30\t28.5\n2\t儿童之家运营\t12\t11.8\n合计\t\t42\t40.3",
			"items: 长者助餐服务=28.5/fixed 儿童之家运营=11.8/fixed; totals: 40.3/40.3; unread: 30(a budget or plan beside what was awarded or spent) 12(a budget or plan beside what was awarded or spent) 42(a budget or plan beside what was awarded or spent)"},
	})
}
