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
		{"a total, not each one's amount, before the list",
			"共安排以下项目资金8万元：\n1.社区读书会\n2.长者助餐服务", ""},
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
