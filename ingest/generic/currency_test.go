package generic

import "testing"

// A currency marker before a figure (人民币, RMB, CNY, （人民币）, 人民币（大写）)
// and the same figure stated again in capitals or digits are part of the
// amount, never of the item's name: the words before them name the item.
func TestCurrencyMarkersAndRestatedCapitalsAreNoPartOfTheName(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"markers in letters, in parentheses, and capitals led by 人民币",
			"一、资助困境儿童关爱项目，补助资金RMB 80000元。\n二、资助老年食堂项目，资助资金（人民币）30万元。\n三、资助心理服务项目，补助金额为：人民币贰拾万元整。",
			"items: 资助困境儿童关爱项目=8/fixed 资助老年食堂项目=30/fixed 资助心理服务项目=20/fixed; totals: ; unread: "},
		{"capitals restated in digits and digits restated in capitals, traditional script",
			"一、資助助殘項目，補助金額為：貳拾萬元整（200,000元）。\n二、資助康復項目，補助金額：CNY 60,000元（陸萬元整）。\n三、資助助學項目，補助金額為人民幣（大寫）參萬元整。",
			"items: 資助助殘項目=20/fixed 資助康復項目=6/fixed 資助助學項目=3/fixed; totals: ; unread: "},
	})
}
