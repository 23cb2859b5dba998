package generic

import "testing"

// Rule undertake-list-pool (data/lexicon/amount_context.csv): a result
// sentence awarding quoted projects to their undertakers, after one figure
// for them all, gives items with no amount and a pool total. Invented
// notices in two wordings, and one whose projects carry their own figures.
func TestUndertakeListIsAPool(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"承接, a mask before one name",
			"今年我区投入60万元用于开展购买服务项目。经专家评审，结果为：甲区阳光社会工作服务中心承接“长者助餐服务项目”、（略）乙区和美志愿者协会承接“困境儿童关爱项目”、某某承接“邻里互助项目”。",
			"items: 长者助餐服务项目=NULL/unknown 困境儿童关爱项目=NULL/unknown 邻里互助项目=NULL/unknown; totals: 60/0; unread: "},
		{"承办 and 中标, traditional script",
			"本年度安排福彩公益金35萬元用於購買社會工作服務；丙縣仁愛社工服務中心承辦“社區矯正幫扶”、丁縣新航服務社中標“青少年成長陪伴”。",
			"items: 社區矯正幫扶=NULL/unknown 青少年成長陪伴=NULL/unknown; totals: 35/0; unread: "},
		{"each project has its own figure: no pool",
			"甲中心承接“长者助餐服务项目”，资助8万元；乙协会承接“困境儿童关爱项目”，资助6万元。",
			"items: “长者助餐服务项目”=8/fixed “困境儿童关爱项目”=6/fixed; totals: ; unread: "},
	})
	p := read(t, "今年我区投入60万元用于开展购买服务项目。经专家评审，结果为：甲区阳光社会工作服务中心承接“长者助餐服务项目”、（略）乙区和美志愿者协会承接“困境儿童关爱项目”、某某承接“邻里互助项目”。")
	want := []string{"甲区阳光社会工作服务中心", "乙区和美志愿者协会", ""}
	for i, it := range p.Items {
		if it.Organization != want[i] {
			t.Errorf("item %d %q: organization %q, want %q", i+1, it.Name, it.Organization, want[i])
		}
	}
	if len(p.Totals) != 1 || p.Totals[0].Kind != "pool" || p.Totals[0].Rule != "undertake-list-pool" {
		t.Errorf("totals %+v, want one pool total by rule undertake-list-pool", p.Totals)
	}
}
