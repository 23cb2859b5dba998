package generic

import (
	"strings"
	"testing"
)

// Rule org-run-together (data/lexicon/organizations.csv): an organization's
// registered name run together with its project is cut out of the name;
// a name that only contains such an ending, or whose rest is no project of
// its own, stays whole. Invented names in several wordings.
func TestCutOrganization(t *testing.T) {
	cases := []struct{ name, project, org string }{
		// cut: a registered name, then a project of its own
		{"甲市助老协会居家探访项目", "居家探访项目", "甲市助老协会"},
		{"乙区阳光社会工作服务中心困境儿童关爱行动", "困境儿童关爱行动", "乙区阳光社会工作服务中心"},
		{"丙县和美志愿者协会“邻里守望”项目", "“邻里守望”项目", "丙县和美志愿者协会"},
		{"丁镇慈善基金会的助学圆梦计划", "助学圆梦计划", "丁镇慈善基金会"},
		{"戊市春苗社工服务中心：四点半课堂项目", "四点半课堂项目", "戊市春苗社工服务中心"},
		// whole: the organization is the project's object
		{"甲街道综合服务中心运营项目", "甲街道综合服务中心运营项目", ""},
		{"乙社区服务中心规范化建设项目", "乙社区服务中心规范化建设项目", ""},
		// whole: a facility is no organization, a generic facility holds a notname word
		{"农村敬老院改造提升项目", "农村敬老院改造提升项目", ""},
		{"居家养老服务中心建设补助", "居家养老服务中心建设补助", ""},
		// whole: the prefix is a clause, or the rest too short to be a project
		{"关于下达慈善协会助学项目资金", "关于下达慈善协会助学项目资金", ""},
		{"甲市助老协会会费", "甲市助老协会会费", ""},
		{"老年协会", "老年协会", ""},
	}
	for _, c := range cases {
		project, org, ok := cutOrganization(c.name)
		if project != c.project || org != c.org || ok != (c.org != "") {
			t.Errorf("%s: got project %q organization %q (cut %v), want %q %q", c.name, project, org, ok, c.project, c.org)
		}
	}
}

// The cut reaches the items the reader loads, in prose and in a list.
func TestOrganizationRunTogetherInItems(t *testing.T) {
	for _, text := range []string{
		"1. 甲市助老协会居家探访项目10万元\n2. 乙区阳光社会工作服务中心困境儿童关爱行动8万元",
		"资助甲市助老协会居家探访项目10万元；资助乙区阳光社会工作服务中心困境儿童关爱行动8万元。",
	} {
		p := read(t, text)
		if len(p.Items) != 2 {
			t.Fatalf("%s: %d items, want 2: %s", text, len(p.Items), summary(p))
		}
		want := [][2]string{{"居家探访项目", "甲市助老协会"}, {"困境儿童关爱行动", "乙区阳光社会工作服务中心"}}
		for i, it := range p.Items {
			if it.Organization != want[i][1] || !containsSuffix(it.Name, want[i][0]) {
				t.Errorf("%s: item %d is %q by %q, want %q by %q", text, i+1, it.Name, it.Organization, want[i][0], want[i][1])
			}
		}
	}
}

func containsSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Who stands before a quoted project in its clause carries it (rule
// org-before-quote); a clause with no such unit before the quote names no
// organization.
func TestOrganizationBeforeQuotedProject(t *testing.T) {
	checkNamedOrgs(t, []namedOrgCase{
		{"经评审,甲县城关镇乙社区“邻里守望”项目荣获一等奖,项目扶持资金3万元;丙县丁村“银龄课堂”项目获二等奖,项目扶持资金2万元。",
			[][2]string{{"“邻里守望”项目", "甲县城关镇乙社区"}, {"“银龄课堂”项目", "丙县丁村"}}},
		{"丁市陽光社會工作服務中心“護苗行動”獲評優秀項目，獲得資助5萬元；“愛心驛站”項目入選，獲得資助4萬元。",
			[][2]string{{"“護苗行動”", "丁市陽光社會工作服務中心"}, {"“愛心驛站”項目", ""}}},
	})
}

// namedOrgCase is a text and the name and organization of each item it gives.
type namedOrgCase struct {
	text string
	want [][2]string // name, organization
}

// checkNamedOrgs reads each case and requires its items' names and organizations.
func checkNamedOrgs(t *testing.T, cases []namedOrgCase) {
	t.Helper()
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) != len(c.want) {
			t.Errorf("%s: %d items, want %d: %s", c.text, len(p.Items), len(c.want), summary(p))
			continue
		}
		for i, it := range p.Items {
			if it.Name != c.want[i][0] || it.Organization != c.want[i][1] {
				t.Errorf("%s: item %d is %q by %q, want %q by %q", c.text, i+1, it.Name, it.Organization, c.want[i][0], c.want[i][1])
			}
		}
	}
}

// 慈善总会 and 红十字会 are registered names' endings (rule org-registered-name).
func TestCharityAndRedCrossAreOrganizations(t *testing.T) {
	for _, c := range []struct{ name, project, org string }{
		{"市慈善总会“微心愿”项目", "“微心愿”项目", "市慈善总会"},
		{"乙縣紅十字會博愛家園項目", "博愛家園項目", "乙縣紅十字會"},
		{"甲市慈善總會困難學生助學項目", "困難學生助學項目", "甲市慈善總會"},
	} {
		project, org, _ := cutOrganization(c.name)
		if project != c.project || org != c.org {
			t.Errorf("%s: %q by %q, want %q by %q", c.name, project, org, c.project, c.org)
		}
	}
}

// An enumerator (一是, 其次) and a verb of giving (资助) before a registered
// name in an item's clause are no part of the organization; a 服务站点 is a
// site, no 服务站.
func TestOrganizationAfterEnumeratorAndVerb(t *testing.T) {
	for _, c := range []struct {
		text string
		orgs []string
	}{
		{"一是资助甲县社会福利院护理设备购置项目，金额35万元；二是资助乙社区志愿服务站点建设项目，金额45万元。",
			[]string{"甲县社会福利院", ""}},
		{"其次，補助丙鎮敬老院消防改造工程，金額12萬元；再次，支持丁村便民服務站點提升項目，金額6萬元。",
			[]string{"丙鎮敬老院", ""}},
	} {
		p := read(t, c.text)
		if len(p.Items) != len(c.orgs) {
			t.Fatalf("%s: %s", c.text, summary(p))
		}
		for i, it := range p.Items {
			if it.Organization != c.orgs[i] {
				t.Errorf("%s: item %d %q has organization %q, want %q", c.text, i+1, it.Name, it.Organization, c.orgs[i])
			}
		}
	}
}

// Who carries a project out, in the clause after its figure (甲项目（50万元），
// 由乙中心承接), is its organization; and a summary figure stated again in
// such a detail takes the detail's organization.
func TestOrganizationInTheClauseAfter(t *testing.T) {
	checkNamedOrgs(t, []namedOrgCase{
		{"1.社区助餐项目（50万元），由甲县乐龄社会工作服务中心承接，服务老人1200人。\n2.儿童关爱项目（30万元），由甲县青苗志愿者协会承接。",
			[][2]string{{"社区助餐项目", "甲县乐龄社会工作服务中心"}, {"儿童关爱项目", "甲县青苗志愿者协会"}}},
		{"全年安排公益金8萬元，其中長者探訪5萬元，助殘康復3萬元。\n（一）長者探訪（5萬元），由乙市助老協會承辦。\n（二）助殘康復（3萬元），由丙區康復協會實施。",
			[][2]string{{"長者探訪", "乙市助老協會"}, {"助殘康復", "丙區康復協會"}}},
	})
}

// Rule org-elided-provider (data/lexicon/amount_context.csv): in one
// sentence of clauses 甲为乙提供的“丙”项目…，为丁提供的“戊”项目…, the
// clause with no one before 为 is provided by the clause before's
// organization; a clause that names its own provider keeps it.
func TestElidedProviderIsTheOneBefore(t *testing.T) {
	for _, c := range []struct {
		text string
		orgs []string
	}{
		{"甲市阳光社会工作服务中心为乙街道提供的“邻里守望”项目价格为30万元，为丙社区提供的“银龄互助”项目价格为20万元。",
			[]string{"甲市阳光社会工作服务中心", "甲市阳光社会工作服务中心"}},
		{"丁區助老協會為戊社區提供的“長者食堂”服務項目價格為18萬元，己社工事務所為庚街道提供的“四點半課堂”項目價格為12萬元，為辛村提供的“鄉村書屋”項目價格為5萬元。",
			[]string{"丁區助老協會", "己社工事務所", "己社工事務所"}},
	} {
		p := read(t, c.text)
		got := orgsOf(p.Items)
		if strings.Join(got, "|") != strings.Join(c.orgs, "|") {
			t.Errorf("%s: organizations %v, want %v", c.text, got, c.orgs)
		}
	}
}

// Rule org-after-dash (data/lexicon/amount_context.csv): a list line's
// registered name printed after a dash is its organization; a dash inside a
// quoted title, or before words that are no registered name, stays in the name.
func TestOrganizationAfterADash(t *testing.T) {
	for _, c := range []struct{ name, project, org string }{
		{"“银龄乐享”社区养老服务项目——甲市阳光社会工作服务中心", "“银龄乐享”社区养老服务项目", "甲市阳光社会工作服务中心"},
		{"“書香滿社區”閱讀推廣項目—丁區志願者協會", "“書香滿社區”閱讀推廣項目", "丁區志願者協會"},
		{"“邻里萤火——楼栋里的精灵”项目", "“邻里萤火——楼栋里的精灵”项目", ""},
		{"社区融合项目——第二期", "社区融合项目——第二期", ""},
	} {
		p, o, _ := cutOrganization(c.name)
		if p != c.project || o != c.org {
			t.Errorf("cutOrganization(%q) = %q, %q; want %q, %q", c.name, p, o, c.project, c.org)
		}
	}
}
