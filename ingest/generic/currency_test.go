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

// Rule field-slash: a line whose fields a slash separates (project /
// organization / figure) reads like one whose fields commas separate.
func TestSlashSeparatedFields(t *testing.T) {
	for _, c := range []struct{ text, name, org string }{
		{"3.助残就业能力提升项目/某区残疾人康复协会/3万元；", "助残就业能力提升项目", "某区残疾人康复协会"},
		{"（二）長者數字課堂／乙市老年大學協會／資助2.5萬元。", "長者數字課堂", "乙市老年大學協會"},
	} {
		p := read(t, c.text)
		if len(p.Items) != 1 || p.Items[0].Name != c.name || p.Items[0].Organization != c.org {
			t.Errorf("%s: %s, organization %q; want %s, organization %q", c.text, summary(p), orgOf(p), c.name, c.org)
		}
	}
	// a slash that means "per" or joins two numbers separates nothing
	checkSummaries(t, []summaryCase{
		{"per meal and per head",
			"一、长者助餐补贴（15元/餐/人）36万元；",
			"items: 长者助餐补贴=36/fixed; totals: ; unread: 15元(per-head or per-unit amount)"},
	})
}

// Rule name-paren-before: a rate or standard printed in parentheses between
// an item's name and its figure is no part of the name, and neither is the
// tail of that parenthesis.
func TestNameBeforeAParenthesisWithAFigure(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a standard and a rate in parentheses",
			"一、居家养老服务补贴（按每人每月200元标准）120万元。\n二、高龄津贴（80周岁以上每人每月100元）60万元；",
			"items: 居家养老服务补贴=120/fixed 高龄津贴=60/fixed; totals: ; unread: 200元(per-head or per-unit amount) 100元(per-head or per-unit amount)"},
		{"an aside after the figure before",
			"养老类项目30万元（甲社区服务中心运营）、助残类项目20万元。",
			"items: 养老类项目=30/fixed 助残类项目=20/fixed; totals: ; unread: "},
		{"an aside after the figure before, traditional script",
			"長者助餐補貼20萬元（乙街道試點），兒童之家運營12萬元。",
			"items: 長者助餐補貼=20/fixed 兒童之家運營=12/fixed; totals: ; unread: "},
		{"a rate and a count in parentheses, traditional script",
			"（三）困難兒童助學（每生每年3000元，共100名）30萬元。",
			"items: 困難兒童助學=30/fixed; totals: ; unread: 3000元(per-head or per-unit amount)"},
	})
}

// Rule org-built: a registered name the money builds (新建甲照料中心) is the
// project's object, never its organization.
func TestAFacilityBuiltIsNoOrganization(t *testing.T) {
	checkOrgs(t, []orgCase{
		{"其中：新建城乡社区居家养老服务照料中心10个，补助300万元。", ""},
		{"年內建成乙鎮綜合養老服務中心一處，補助資金80萬元。", ""},
		{"委托丙市社会工作服务中心开展困境儿童探访，资助12万元。", "丙市社会工作服务中心"},
	})
}

// Rule name-paren-figure: a list of names each with its figure in
// parentheses gives one item per name; no figure is a breakdown of another.
func TestNamesWithTheirFiguresInParentheses(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a list after a colon, with its total",
			"经研究，2023年县级福彩公益金安排以下项目：敬老院消防改造项目（18万元）、孤残儿童助学项目（6.5万元）、社区志愿服务项目（5万元），合计29.5万元。",
			"items: 敬老院消防改造项目=18/fixed 孤残儿童助学项目=6.5/fixed 社区志愿服务项目=5/fixed; totals: 29.5/29.5; unread: "},
		{"a list in one sentence, traditional script",
			"本年度資助項目：長者助餐服務（12萬元）、兒童之家運營（8萬元）及殘疾人康復（3.5萬元）。",
			"items: 長者助餐服務=12/fixed 兒童之家運營=8/fixed 殘疾人康復=3.5/fixed; totals: ; unread: "},
		{"a breakdown in the parenthesis after a figure stays a breakdown",
			"养老服务项目30万元（其中助餐10万元、助浴20万元）。",
			"items: 助餐=10/fixed 助浴=20/fixed; totals: 30/30; unread: "},
	})
}
