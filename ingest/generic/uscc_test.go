package generic

import "testing"

// A 统一社会信用代码 printed for an organization is carried with it, from a
// column of its own or from the aside that names the organization; its
// check character is checked by the transforms (uscc_ok), not here. The
// codes are invented, their check characters computed.
func TestCreditCodeTravelsWithItsOrganization(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a credit-code column",
			"序号\t项目名称\t承接单位\t统一社会信用代码\t资助金额（万元）\n1\t长者探访\t甲社会工作服务中心\t52350102MJ0003400F\t5\n2\t儿童托管\t乙青少年发展促进会\t51350100MJ0001200U\t3\n",
			"甲社会工作服务中心/52350102MJ0003400F 乙青少年发展促进会/51350100MJ0001200U"},
		{"in the aside with the organization, traditional script; one without a code",
			"1.“長者探訪”項目（承接單位：丙社會工作服務中心，統一社會信用代碼：52350102MJ0003400F），資助金額5萬元；2.“兒童托管”項目（承接單位：丁促進會），資助金額3萬元。",
			"丙社會工作服務中心/52350102MJ0003400F 丁促進會/"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		got := ""
		for i, it := range p.Items {
			if i > 0 {
				got += " "
			}
			got += it.Organization + "/" + it.OrganizationCode
		}
		if got != c.want {
			t.Errorf("%s: %s\n got %s\nwant %s", c.name, summary(p), got, c.want)
		}
	}
}
