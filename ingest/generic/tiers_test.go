package generic

import "testing"

// Rules tier-award and tier-counted (data/lexicon/tiers.csv), on invented
// competition notices in several wordings.
func TestTierAmounts(t *testing.T) {
	cases := []summaryCase{
		{"tiers named in one paragraph, amounts in another; the fuller list of a tier wins; a counted tier is no items",
			"决赛中，“银龄相伴”、邻里守望等3个项目获得大赛一等奖。\n最终“银龄相伴”、邻里守望、书香童年等3个项目获得大赛一等奖，“小小志愿者”等6个项目获二等奖。\n据悉，一等奖项目获得6000元扶持资金，二等奖项目获得4000元扶持资金。另有10个入围项目，也将得到2000元扶持资金。",
			"items: “银龄相伴”=0.6/derived 邻里守望=0.6/derived 书香童年=0.6/derived “小小志愿者”=0.4/derived; totals: ; unread: 2000元(an amount for each of projects mentioned only by their count)"},
		{"tiers in traditional script, amounts before the names, the tier figure equal to the sum of the others is no total",
			"本屆創投一等獎項目每個資助5萬元，二等獎項目每個資助3萬元，三等獎項目每個資助2萬元。\n經評審，長者食堂、社區書屋榮獲一等獎；青少年托管獲評二等獎；鄰里調解室獲三等獎。",
			"items: 長者食堂=5/derived 社區書屋=5/derived 青少年托管=3/derived 鄰里調解室=2/derived; totals: ; unread: "},
		{"projects mentioned only by their count take no amount",
			"其余8个项目获优秀奖。优秀奖项目获得1000元奖励。\n还有5个参赛项目可得到500元补贴。",
			"items: ; totals: ; unread: 1000元(an amount for each of projects mentioned only by their count) 500元(an amount for each of projects mentioned only by their count)"},
		{"a line per tier listing its projects after a colon, organizations in parentheses; a tier not named is no items",
			"一等奖项目各资助5万元，二等奖项目各资助3万元，三等奖项目各资助1万元。\n一等奖：“乐龄食堂”（甲社会工作服务中心）、“护苗行动”（乙青少年服务社）\n二等奖：“邻里帮帮团”（丙志愿者协会）\n三等奖：略",
			"items: “乐龄食堂”=5/derived “护苗行动”=5/derived “邻里帮帮团”=3/derived; totals: ; unread: 1万元(an amount for each project of a tier the document does not name)"},
		{"the list lines first, numbered, in traditional script",
			"1.優秀獎：長者書法班；親子閱讀會\n2.入圍獎：社區共享工具屋\n優秀獎項目每個資助2萬元，入圍獎項目每個資助0.5萬元。",
			"items: 長者書法班=2/derived 親子閱讀會=2/derived 社區共享工具屋=0.5/derived; totals: ; unread: "},
		{"a tier's count and each one's amount in one clause, the names on lines after (tier-each)",
			"共有6个项目入选，资助总额为24万元。其中一等奖2个，每个资助6万元；二等奖4个，每个资助3万元。\n一等奖：“长者学堂”（甲助老协会）、“童心港湾”\n二等奖：“邻里议事厅”、“助残工坊”、“家门口书屋”、“暖心食堂”",
			"items: “长者学堂”=6/derived “童心港湾”=6/derived “邻里议事厅”=3/derived “助残工坊”=3/derived “家门口书屋”=3/derived “暖心食堂”=3/derived; totals: 24/24; unread: "},
		{"tier-each in traditional script, 各 and 項",
			"二等獎：社區書屋、長者食堂\n三等獎：親子課堂\n本次評出二等獎兩項，各資助2萬元；三等獎一項，各資助1萬元。",
			"items: 社區書屋=2/derived 長者食堂=2/derived 親子課堂=1/derived; totals: ; unread: "},
		{"a tier's count that is not its names' count names no items",
			"其中一等奖3个，每个资助6万元。\n一等奖：“长者学堂”、“童心港湾”",
			"items: ; totals: ; unread: 6万元(per-head or per-unit amount)"},
	}
	checkSummaries(t, cases)
}

// A tier's names printed who-then-quoted-what (东湖社区“银发食堂”) give the
// quoted project as the name and who carries it as the organization (rule
// org-name-run-quoted), in a tier list as in a lead's list.
func TestTierNamesCarriedByCommunities(t *testing.T) {
	for _, text := range []string{
		"一等奖项目每个资助1万元，二等奖项目每个资助0.8万元。\n一等奖：东湖社区“银发食堂”、西湖社区“童心港湾”\n二等奖：南山社区“邻里调解室”",
		"拟给予以下2个项目每个1万元资金支持：\n1. 東湖社區“銀髮食堂”\n2. 西湖社區“童心港灣”",
	} {
		p := read(t, text)
		if len(p.Items) < 2 || !quotedRe.MatchString(p.Items[0].Name) || p.Items[0].Name[:3] != "“" || p.Items[0].Organization == "" || p.Items[1].Organization == "" {
			t.Errorf("%s: %s %v", text, summary(p), orgsOf(p.Items))
		}
	}
}

// Rule each-listed-after: a per-project amount followed by a colon and the
// projects it is for (一等奖项目3个，每个资助8万元：甲、乙、丙。) gives each
// of them that amount, as many as the clause counts; a count alone stays a
// count.
func TestEachListedAfterAColon(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a tier counted, each one's amount, the names after a colon",
			"一等奖项目2个，每个资助8万元：“折翼天使”康复项目、“银龄互助”项目。二等奖项目5个，每个资助4万元。",
			"items: “折翼天使”康复项目=8/derived “银龄互助”项目=8/derived; totals: ; unread: 4万元(per-head or per-unit amount)"},
		{"the count disagrees with the names: no items, traditional script",
			"入選項目3個，每個項目補助2萬元：“鄰里守望”、“書香社區”。",
			"items: ; totals: ; unread: 2萬元(per-head or per-unit amount)"},
		{"three names, each one's amount, no count",
			"以下项目每个资助3万元：社区老年食堂、儿童托管班、残疾人康复站。",
			"items: 社区老年食堂=3/derived 儿童托管班=3/derived 残疾人康复站=3/derived; totals: ; unread: "},
	})
}
