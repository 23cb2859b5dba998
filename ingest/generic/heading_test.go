package generic

import (
	"strings"
	"testing"
)

// A numbered heading names the one amount of its paragraph (rule
// name-heading in data/lexicon/naming.csv): a project heading always, any
// other heading only when the figure's own words name nothing.
func TestHeadingNamesTheAmountOfItsParagraph(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a quoted project heading, then who benefits and the sum",
			"（一）“银发课堂”项目。培训老年学员300人次，共计投入8万元。\n（二）“护苗成长”行动。为120名留守儿童开展安全教育，使用公益金5万元。",
			"items: “银发课堂”项目=8/fixed “护苗成长”行动=5/fixed; totals: ; unread: "},
		{"a project heading on its own line, traditional script",
			"1.長者助浴服務項目\n投入公益金12萬元，為200名失能老人提供上門助浴。\n2.社區康復驛站建設工程\n安排資金30萬元，新建康復驛站3個。",
			"items: 長者助浴服務項目=12/fixed 社區康復驛站建設工程=30/fixed; totals: ; unread: "},
		{"a heading that is no project names a figure whose words name nothing",
			"3.慈善超市运营补助\n安排资金20万元。\n4.社工站督导培训\n支出6.5万元。",
			"items: 慈善超市运营补助=20/fixed 社工站督导培训=6.5/fixed; totals: ; unread: "},
	})
}

func TestHeadingsThatNameNothing(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"an area heading does not replace the use the sentence names",
			"（二）儿童福利方面。安排资金58万元，用于孤儿助学。",
			"items: 孤儿助学=58/fixed; totals: ; unread: "},
		{"a heading of the document's structure names nothing",
			"二、資金使用情況\n全年使用公益金30萬元，用於長者食堂運營。",
			"items: 長者食堂運營=30/fixed; totals: ; unread: "},
		{"a heading over several amounts is their section, no item's name",
			"（一）“邻里守望”项目。甲社区6万元，乙社区4万元。",
			"items: 甲社区=6/fixed 乙社区=4/fixed; totals: ; unread: "},
	})
}

// A total word that is the only figure of a numbered paragraph is that
// paragraph's item (rule total-in-list-item), not a total of the document.
func TestATotalWordInAListItemIsItsItem(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"共计 in each list item",
			"1.社区书屋建设。新建书屋12个，配备图书6000册，共计投入15万元。\n2.长者助餐服务。全年服务老人1.2万人次，合计支出9万元。",
			"items: 社区书屋建设=15/fixed 长者助餐服务=9/fixed; totals: ; unread: "},
		{"共 in one list item beside a priced one, traditional script",
			"（一）兒童之家運營。覆蓋社區20個，共使用資金18萬元。\n（二）殘疾人輔具適配。資助金額7萬元。",
			"items: 兒童之家運營=18/fixed 殘疾人輔具適配=7/fixed; totals: ; unread: "},
	})
}

// A time word before the fund (全年使用公益金) leaves it only the fund: the
// purpose after the comma names the item.
func TestAYearBeforeTheFundNamesNothing(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"全年 before the fund",
			"全年使用公益金30万元，用于长者食堂运营。",
			"items: 长者食堂运营=30/fixed; totals: ; unread: "},
		{"本年度 before the fund, traditional script",
			"本年度安排福彩公益金12萬元，用於社區康復站建設。",
			"items: 社區康復站建設=12/fixed; totals: ; unread: "},
	})
}

// The clause stop right before a figure (甲：维修改造，15万元) is no part of
// the item's name.
func TestNoClauseStopEndsAName(t *testing.T) {
	for _, text := range []string{"甲镇敬老院：维修改造，15万元；", "乙鄉敬老院：消防設施改造、8.6萬元。"} {
		p := read(t, text)
		if len(p.Items) != 1 || strings.ContainsAny(p.Items[0].Name[len(p.Items[0].Name)-3:], "，,、") {
			t.Errorf("%s: %s", text, summary(p))
		}
	}
}

// Rule title-headline (data/lexicon/amount_context.csv): a news page's
// headline, printed before its body (and again after 原标题：), states the
// report's total about the whole document: never a project of its own.
func TestHeadlineFigureIsNoItem(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a headline, then the report with the total and its parts",
			"甲市15个社区公益项目将获86万元资助\n原标题：甲市15个社区公益项目将获86万元资助\n近日，市民政局公示了拟资助项目名单，拟对15个项目资助86万元。其中，助老类项目资助50万元；助残类项目资助36万元。",
			"items: 助老类项目=50/fixed 助残类项目=36/fixed; totals: 86/86 86/86 86/86; unread: "},
		{"a headline in traditional script, a list line is no headline",
			"乙區投入120萬元福彩公益金惠及困難群眾\n本年度乙區共投入福彩公益金120萬元。\n1.長者助餐補貼70萬元；\n2.困境兒童關愛50萬元。",
			"items: 長者助餐補貼=70/fixed 困境兒童關愛=50/fixed; totals: 120/120 120/120; unread: "},
	})
}

// A numbered paragraph whose heading sentence states no figure ((一)老年人
// 福利类。…) has no heading amount: its uses after it are siblings, none a
// part of the first.
func TestHeadingWithoutAFigureHasNoParts(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"two uses after a heading with no figure",
			"（一）老年人福利类。使用中央专项彩票公益金60万元，用于农村幸福院建设；使用省级福彩公益金30万元，支持居家养老服务。",
			"items: 农村幸福院建设=60/fixed 支持居家养老服务=30/fixed; totals: ; unread: "},
		{"traditional script, the heading's figure in its own sentence still totals its parts",
			"（二）兒童福利類。安排資金50萬元，其中兒童之家運營30萬元，困境兒童關愛20萬元。",
			"items: 兒童之家運營=30/fixed 困境兒童關愛=20/fixed; totals: 50/50; unread: "},
	})
}
