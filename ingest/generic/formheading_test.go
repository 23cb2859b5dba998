package generic

import "testing"

// Rule form-heading-name: forms that have no name field are named by the
// numbered heading above each, never by their organization.
func TestFormsNamedByTheirHeadings(t *testing.T) {
	for _, c := range []struct{ text, want, orgs string }{
		{"一、“邻里守望”独居老人关爱项目\n实施单位：甲区益友社会工作服务中心\n资助金额：8万元\n二、残疾人居家康复指导项目\n实施单位：乙康复辅助器具服务站\n资助金额：5万元\n",
			"items: “邻里守望”独居老人关爱项目=8/fixed 残疾人居家康复指导项目=5/fixed; totals: ; unread: ",
			"甲区益友社会工作服务中心|乙康复辅助器具服务站"},
		{"（一）長者數字課堂\n承接單位：丙市老年大學協會\n資助資金：3萬元\n（二）兒童托管服務\n承接單位：丁社區服務社\n資助資金：2.5萬元\n",
			"items: 長者數字課堂=3/fixed 兒童托管服務=2.5/fixed; totals: ; unread: ",
			"丙市老年大學協會|丁社區服務社"},
	} {
		p := read(t, c.text)
		orgs := ""
		for i, it := range p.Items {
			if i > 0 {
				orgs += "|"
			}
			orgs += it.Organization
		}
		if got := summary(p); got != c.want || orgs != c.orgs {
			t.Errorf("%s:\n got %s (organizations %s)\nwant %s (organizations %s)", c.text, got, orgs, c.want, c.orgs)
		}
	}
}
