package facts

import (
	"strings"
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

// Traditional characters and romanization debris are folded for matching;
// the title and publisher are quoted as printed.
func TestTraditionalAndDebris(t *testing.T) {
	f := infer(t, "首頁 > 新聞 > 溫州市社會組織服務項目簽約\n溫州市社會組織服務項目簽約\n2019-06-02 來源:某日報\n溫州市民(mín)政局與三家機構簽訂協議,以總共80萬元購買服務。")
	if f.AdminCode != "330300" || f.Level != "city" || f.Publisher != "溫州市民政局" || f.Title != "溫州市社會組織服務項目簽約" || f.Year != 2019 || f.Published != "2019-06-02" {
		t.Errorf("got %s %s publisher %q title %q year %d published %s (%v)", f.AdminCode, f.Level, f.Publisher, f.Title, f.Year, f.Published, f.Evidence)
	}
}

// A text that names no region but names two towns of one county is that
// county's; a municipality's own city row stands for the province; a
// text with no title line gets the opening clause that says what it is.
func TestTownsMunicipalityAndOpeningTitle(t *testing.T) {
	f := infer(t, "2024年,我区福彩公益金用于东华门街道和景山街道的社区养老服务,现将使用情况公告如下:共计20万元。")
	if f.AdminCode != "110101" || f.Level != "district" || f.Title != "现将使用情况公告如下" {
		t.Errorf("towns: got %s %s title %q (%v)", f.AdminCode, f.Level, f.Title, f.Evidence)
	}
	if f := infer(t, "北京市财政局公布了2024年度福彩公益金使用情况,共计1亿元。"); f.AdminCode != "110000" || f.Level != "province" {
		t.Errorf("municipality: got %s %s (%v)", f.AdminCode, f.Level, f.Evidence)
	}
	if f := infer(t, "一个东华门街道的项目获得资助10万元。"); f.AdminCode != "" {
		t.Errorf("one town alone is not enough: got %s (%v)", f.AdminCode, f.Evidence)
	}
}

// A year where a period began (自2018年, 2018年以来) is not the projects' year.
func TestYearSince(t *testing.T) {
	if f := infer(t, "某市福彩公益金资助困境儿童\n据统计,自2018年以来累计资助300万元。今年资助6万元。"); f.Year != 0 {
		t.Errorf("got year %d (%v)", f.Year, f.Evidence)
	}
}

// A signature dated in Chinese numerals is the publication date, never the title.
func TestChineseNumeralDate(t *testing.T) {
	f := infer(t, "按照有关规定,现将2012年度彩票公益金使用情况公告如下:\n一、用于社会福利的彩票公益金支出100万元。\n特此公告。\n二〇一三年五月二十三日\n")
	if f.Published != "2013-05-23" || f.Year != 2012 || strings.Contains(f.Title, "二〇一三") {
		t.Errorf("published %q year %d title %q", f.Published, f.Year, f.Title)
	}
	for in, want := range map[string]string{"二〇二四年十月一日": "2024-10-01", "二〇二四年十二月三十日": "2024-12-30", "二〇二四年二月十五日": "2024-02-15", "二〇二四年十三月一日": ""} {
		if got := cnDate(in); got != want {
			t.Errorf("cnDate(%s) = %q, want %q", in, got, want)
		}
	}
}

// A region's short name that straddles two common words (金安 in 资金安排,
// 织金 in 组织金额) is no mention of it; standing alone it still is.
func TestShortNameInsideCommonWords(t *testing.T) {
	for _, text := range []string{
		"关于2025年度福彩公益金使用情况的公告\n一、资金安排情况\n共安排资金80万元。",
		"2025年度项目资金核定说明\n本年度社会组织金额共计30万元。",
		// one side a common word is enough (定结 in 规定结转, 规定结算)
		"2023年度福利彩票公益金使用情况公告\n结余26万元，将按规定结转下年使用。",
		"公益创投项目资金拨付通知\n项目资金按有关规定结算，共计15万元。",
	} {
		if f := infer(t, text); f.AdminCode != "" {
			t.Errorf("%q: jurisdiction %s (%v), want none", text, f.AdminCode, f.Evidence)
		}
	}
	if f := infer(t, "金安2025年公益创投项目公示\n现将结果公示如下。"); f.AdminCode != "341502" {
		t.Errorf("a short name standing alone: %s (%v), want 341502", f.AdminCode, f.Evidence)
	}
}

// No region's short name is one of the common words: it would straddle
// nothing but hide itself.
func TestCommonWordsAreNoRegionNames(t *testing.T) {
	if err := loadRegions(); err != nil {
		t.Fatal(err)
	}
	shorts := map[string]bool{}
	for _, g := range regions {
		shorts[shortName(g.name)] = true
		shorts[g.name] = true
	}
	rows := dataRows("ref/common_words.csv")
	if len(rows) < 50 {
		t.Fatalf("common_words.csv: %d rows", len(rows))
	}
	for _, r := range rows {
		if shorts[r[0]] {
			t.Errorf("common word %s is a region's name", r[0])
		}
	}
}

// A signature is the issuing body on a line of its own near the end; a
// registered name on its own line followed by a figure is a table's cell
// printed one per line (a converter's output), not the publisher.
func TestSignatureIsNoTableCell(t *testing.T) {
	cases := []struct{ text, publisher string }{
		{"2025年度项目资助公示\n现将资助项目公示如下。\n\n某县民政局\n2025年6月3日\n", "某县民政局"},
		{"项目资助公示\n序号\n项目名称\n承接单位\n金额\n1\n长者探访\n某某社会工作服务中心\n12\n2\n儿童托管\n某某青少年发展促进会\n8.5\n", ""},
		{"拟资助项目名单\n1\n邻里互助\n某市助老协会\n30000元\n", ""},
	}
	for _, c := range cases {
		if f := infer(t, c.text); f.Publisher != c.publisher {
			t.Errorf("%q: publisher %q, want %q", c.text, f.Publisher, c.publisher)
		}
	}
}

// The salutation line of a notice (各县区民政局：) names who it is sent to,
// never its publisher.
func TestAddresseeIsNoPublisher(t *testing.T) {
	for _, text := range []string{
		"关于下达2022年福彩公益金项目资金的通知\n\n各县区民政局：\n现将项目资金下达你们，请按规定使用。\n",
		"關於撥付社區服務項目經費的通知\n各鎮人民政府、各街道辦事處：\n現將經費撥付如下。\n",
	} {
		if f := infer(t, text); f.Publisher != "" {
			t.Errorf("%q: publisher %q, want none", text, f.Publisher)
		}
	}
	if f := infer(t, "关于下达项目资金的通知\n各县区民政局：\n现将资金下达。\n某市民政局\n2022年5月6日\n"); f.Publisher != "某市民政局" {
		t.Errorf("a signature after the salutation: publisher %q", f.Publisher)
	}
}

// A short heading is a title (拟资助项目公示); a numbered list line never is.
func TestTitleIsNoListLine(t *testing.T) {
	if f := infer(t, "拟资助项目公示\n1.“甲”助餐服务项目（承接单位：乙中心），资助金额5万元；\n2.“丙”项目，资助金额4万元。"); f.Title != "拟资助项目公示" {
		t.Errorf("title %q, want the heading", f.Title)
	}
	if f := infer(t, "资助名单\n1.社区书屋运营项目由甲协会承接资助3万元\n2.长者助餐项目由乙中心承接资助2万元"); strings.HasPrefix(f.Title, "1.") || strings.HasPrefix(f.Title, "2.") {
		t.Errorf("title %q: a list line", f.Title)
	}
}

// What a title says the amounts are (data/lexicon/phases.csv), in both scripts.
func TestPhaseOfTitle(t *testing.T) {
	for title, want := range map[string]string{
		"某区民政局下拨2022年省级福彩公益金12万元用于社区建设": "paid",
		"某縣撥付2023年度福彩公益金使用情況公告":         "paid",
		"2024年度公益创投拟资助项目公示":             "approved",
		"某市2025年政府购买服务目录":               "budgeted",
		"某区2024年社区服务项目中标结果":             "contracted",
		"关于社区工作的几点意见":                   "unknown",
	} {
		if got := Phase(title); got != want {
			t.Errorf("%s: phase %s, want %s", title, got, want)
		}
	}
}

// A region's short name that is an everyday word (data/ref/place_like_words.csv)
// is no mention of the region; its full name still is.
func TestEverydayWordIsNoPlace(t *testing.T) {
	for _, text := range []string{
		"福彩公益金使用情况公告\n省民政厅会同省财政厅加强资金监管,全年资助项目12个。",
		"長者服務項目公示\n與社會組織合作開展長壽老人探訪,資助資金5萬元。",
		"项目公示\n在城中村新建老年友好型社区活动室,开展康乐活动。",
	} {
		if f := infer(t, text); f.AdminCode != "" {
			t.Errorf("%q: jurisdiction %s from an everyday word", text, f.AdminCode)
		}
	}
	if f := infer(t, "会同县民政局项目公示\n资助资金5万元。"); f.AdminCode == "" {
		t.Errorf("the full name 会同县 is still a mention: no jurisdiction")
	}
	if err := loadRegions(); err != nil {
		t.Fatal(err)
	}
	rows := dataRows("ref/place_like_words.csv")
	if len(rows) < 10 {
		t.Fatalf("place_like_words.csv: %d rows", len(rows))
	}
	for _, r := range rows {
		if len(byShort[r[0]]) == 0 {
			t.Errorf("%s is no region's short name: the row does nothing", r[0])
		}
	}
}

// A priced line after a sentence is the body's, never the title: the title
// comes before the body begins.
func TestPricedLineAfterTheBodyIsNoTitle(t *testing.T) {
	for _, text := range []string{
		"资助甲项目5万元。\n资助乙项目6000元",
		"經評審，現將結果公布如下。\n長者助餐服務項目3.5萬元",
	} {
		if f := infer(t, text); f.Title != "" {
			t.Errorf("%q: title %q, want none", text, f.Title)
		}
	}
	if f := infer(t, "甲县2023年公益创投项目资助名单\n资助乙项目6000元"); f.Title != "甲县2023年公益创投项目资助名单" {
		t.Errorf("title %q, want the first line", f.Title)
	}
}
