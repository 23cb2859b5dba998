package generic

import (
	"strings"
	"testing"
)

// Rule lead-list-each (kind lead in data/lexicon/amount_context.csv): a
// lead sentence states one amount for each line of the list after it, whose
// lines state none. Invented notices in several wordings.
func TestLeadListEach(t *testing.T) {
	cases := []struct{ name, text, want, orgs string }{
		{"以下N个项目每个X, organization:project lines",
			"经评审，拟给予以下3个项目每个5万元资金支持：\n1.甲市助老协会：居家探访项目；\n2.乙区阳光社会工作服务中心：困境儿童关爱行动；\n3.丙县春苗社工服务中心：四点半课堂项目。",
			"items: 居家探访项目=5/derived 困境儿童关爱行动=5/derived 四点半课堂项目=5/derived; totals: ; unread: ",
			"甲市助老协会|乙区阳光社会工作服务中心|丙县春苗社工服务中心"},
		{"per-project amount, then 名单如下, a caption inside the list",
			"本年度公益创投每个项目补助3万元，名单如下：\n（1）社区读书会\n（2）长者助餐服务\n（图片仅供参考）\n（3）亲子阅读营",
			"items: 社区读书会=3/derived 长者助餐服务=3/derived 亲子阅读营=3/derived; totals: ; unread: ",
			"||"},
		{"a section heading states each one's amount for the sub-list under it; organizations in parentheses",
			"获奖项目公示如下：\n一、一等奖（2个，每个资助5万元）\n1.“银龄互助”项目（甲市乐龄社会工作服务中心）\n2.“童心护航”项目（乙区青少年发展促进会）\n二、二等奖（1个，每个资助3万元）\n1.“邻里厨房”项目（丙街道睦邻服务社）\n公示期五天。",
			"items: “银龄互助”项目=5/derived “童心护航”项目=5/derived “邻里厨房”项目=3/derived; totals: ; unread: ",
			"甲市乐龄社会工作服务中心|乙区青少年发展促进会|丙街道睦邻服务社"},
		{"各 in the heading, sub-lines numbered in parentheses, traditional script",
			"一、優秀項目各資助2萬元\n（1）長者書法班\n（2）社區共享工具屋\n二、入圍項目各資助0.5萬元\n（1）親子閱讀會",
			"items: 長者書法班=2/derived 社區共享工具屋=2/derived 親子閱讀會=0.5/derived; totals: ; unread: ",
			"||"},
		{"下列 and 各, traditional script",
			"下列項目各資助2萬元：\n一、鄰里互助站\n二、青少年書屋",
			"items: 鄰里互助站=2/derived 青少年書屋=2/derived; totals: ; unread: ",
			"|"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if got := summary(p); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		var orgs []string
		for _, it := range p.Items {
			orgs = append(orgs, it.Organization)
		}
		if got := strings.Join(orgs, "|"); got != c.orgs {
			t.Errorf("%s: organizations %q, want %q", c.name, got, c.orgs)
		}
	}
}

// What is no lead list: lines with their own amounts, a figure that is no
// one's each, a sentence that refers to no list. The list lines never
// become items of the lead figure.
func TestLeadListNot(t *testing.T) {
	cases := []summaryCase{
		{"the lines state their own amounts; a cap is no one's amount",
			"拟资助以下项目，每个不超过5万元：\n1.社区读书会3万元\n2.长者助餐服务4万元",
			"items: 社区读书会=3/fixed 长者助餐服务=4/fixed; totals: ; unread: 超过5万元(cap or range)"},
		{"如下 in the sentence after the figure, and the lines are requirements, not projects",
			"你单位项目预算批复为50000元。现就有关事项要求如下：\n1.加强宣传。按照批复组织实施，不得擅自调整。\n2.做好监督。定期报送进展。", ""},
		{"no forward reference: the lines after are not the figure's",
			"每个社区补助2万元：\n1.加强宣传\n2.做好监督", ""},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if c.want != "" {
			if got := summary(p); got != c.want {
				t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
			}
			continue
		}
		for _, it := range p.Items {
			if it.Amount.Kind == "derived" || strings.Contains("社区读书会长者助餐服务加强宣传做好监督", it.Name) {
				t.Errorf("%s: a list line became an item of the lead figure: %s", c.name, summary(p))
			}
		}
	}
}

// Rule lead-list-pool: a lead that states one figure for the list after it
// without saying it is each one's (共安排X用于以下N个项目:) is a pool: its lines
// are items with no amount (NULL, never a share), the figure a pool total.
func TestLeadListPool(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"共安排 … 用于以下3个项目",
			"经研究，共安排福彩公益金20万元用于以下3个项目：\n1.甲社区邻里互助站\n2.乙街道长者食堂\n3.丙村儿童之家\n请抓紧实施。",
			"items: 甲社区邻里互助站=NULL/unknown 乙街道长者食堂=NULL/unknown 丙村儿童之家=NULL/unknown; totals: 20/0; unread: "},
		{"a total word and 以下, the lines no one's share of it (their amounts are not printed)",
			"共安排以下项目资金8万元：\n1.社区读书会\n2.长者助餐服务",
			"items: 社区读书会=NULL/unknown 长者助餐服务=NULL/unknown; totals: 8/0; unread: "},
		{"下列 and organizations before a colon, traditional script",
			"區級公益金12萬元，用於下列項目：\n（1）甲市助老協會：長者書法班\n（2）乙社工服務中心：親子閱讀會",
			"items: 長者書法班=NULL/unknown 親子閱讀會=NULL/unknown; totals: 12/0; unread: "},
	} {
		p := read(t, c.text)
		if got := summary(p); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if len(p.Totals) != 1 || p.Totals[0].Kind != "pool" || p.Totals[0].Rule != "lead-list-pool" {
			t.Errorf("%s: want one pool total: %+v", c.name, p.Totals)
		}
	}
}
