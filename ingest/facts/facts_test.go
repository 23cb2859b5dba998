package facts

import (
	"testing"

	"fundscope/ingest/document"
)

func infer(t *testing.T, text string) Facts {
	t.Helper()
	d, err := document.Decode("notice.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Infer(d)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A district name alone is not a jurisdiction: 普陀区 is in 上海 and in 舟山;
// the city named beside it decides. A name inside a longer one (坡头区 in
// 沙坡头区) is not a mention.
func TestJurisdiction(t *testing.T) {
	cases := []struct{ text, code, level, year string }{
		{"上海市普陀区民政局关于2024年度公益创投项目的公示\n现将结果公示如下。", "310107", "district", "2024"},
		{"舟山市普陀区2023年政府向社会组织购买服务项目汇总表\n", "330903", "district", "2023"},
		{"沙坡头区民政局2023年政府购买服务项目公示\n中卫市沙坡头区民政局", "640502", "district", "2023"},
		{"福建省民政厅关于2018年度彩票公益金分配使用情况的公告\n来源:福建省民政厅 时间:2019-05-20", "350000", "province", "2018"},
		{"福州市鼓楼区鼓东街道2024年度福彩公益金使用情况公告\n时间:2025-10-29", "350102", "street", "2024"},
	}
	for _, c := range cases {
		f := infer(t, c.text)
		if f.AdminCode != c.code || f.Level != c.level || f.Year == 0 || c.year != itoa(f.Year) {
			t.Errorf("%s:\n got %s %s %d (%v)\nwant %s %s %s", c.text, f.AdminCode, f.Level, f.Year, f.Evidence, c.code, c.level, c.year)
		}
	}
}

// The year is the projects' year, not the publication's.
func TestYearAndPublished(t *testing.T) {
	f := infer(t, "关于下达资金的公告\n时间:2023-03-01 来源:某区民政局\n2022年度福彩公益金已于2023年拨付。2022年度项目如下。")
	if f.Year != 2022 || f.Published != "2023-03-01" || f.Publisher != "某区民政局" {
		t.Errorf("got year %d published %s publisher %s", f.Year, f.Published, f.Publisher)
	}
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
