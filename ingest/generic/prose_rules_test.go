package generic

import (
	"strings"
	"testing"

	"fundscope/model"
)

// Rule shared-verb (data/lexicon/amount_context.csv): one amount stated for
// several names however far the distributive word sits from the figure
// (各获得资助资金, 均获扶持资金); a second figure right after keeps each its
// own. Invented wordings, simplified and traditional.
func TestSharedVerbFarFromTheFigure(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"各 then a verb and a money word",
			"经评审，长者助餐项目、儿童托管项目、邻里互助项目各获得资助资金2万元，社区书屋项目获得资助资金1.5万元。",
			"items: 长者助餐项目=2/derived 儿童托管项目=2/derived 邻里互助项目=2/derived 社区书屋项目=1.5/fixed; totals: ; unread: "},
		{"均 and 和, traditional script",
			"長者食堂項目和兒童書屋項目均獲扶持資金1萬元。",
			"items: 長者食堂項目=1/derived 兒童書屋項目=1/derived; totals: ; unread: "},
		{"分别 before a list of figures: each its own",
			"甲项目、乙项目分别获得资助3万元、2万元。",
			"items: 甲项目=3/fixed 乙项目=2/fixed; totals: ; unread: "},
	})
}

// Rule org-name-run-quoted (data/lexicon/organizations.csv): who stands
// before a quoted project with no verb between carries it; a site where
// the project is done stays in the name.
func TestCarrierBeforeQuotedProject(t *testing.T) {
	cases := []struct{ text, name, org string }{
		{"丙镇新村社区“四点半课堂”项目获得资助资金1.5万元。", "“四点半课堂”项目", "丙镇新村社区"},
		{"2024年，丁县春晖志愿者协会“护苗行动”项目获扶持资金8000元。", "“护苗行动”项目", "丁县春晖志愿者协会"},
		{"甲街道东湖社区“邻里帮帮团”項目、乙村“老有所樂”項目各獲資助2萬元。", "“邻里帮帮团”項目", "甲街道东湖社区"},
		{"用于市社会福利院“圆梦助学”工程支出3万元。", "市社会福利院“圆梦助学”工程", "市社会福利院"},
		{"安排县第一中学“春蕾计划”助学资金5万元。", "", ""},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) == 0 {
			t.Fatalf("%s: no items: %s", c.text, summary(p))
		}
		it := p.Items[0]
		if c.name != "" && it.Name != c.name || it.Organization != c.org {
			t.Errorf("%s: first item %q by %q, want %q by %q (%s)", c.text, it.Name, it.Organization, c.name, c.org, summary(p))
		}
	}
}

// Rule respectively (data/lexicon/amount_context.csv): names listed before
// 分别 and as many figures after it pair in order; a count that differs
// pairs nothing.
func TestRespectivelyPairsNamesAndFigures(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"分别为 with places",
			"甲县、乙县分别为30万元、20万元。",
			"items: 甲县=30/fixed 乙县=20/fixed; totals: ; unread: "},
		{"分别获得资助资金, three names joined by 、 and 和, a total after",
			"2024年，长者食堂项目、儿童书屋项目和助残康复项目分别获得资助资金3万元、2万元、1.5万元，合计6.5万元。",
			"items: 长者食堂项目=3/fixed 儿童书屋项目=2/fixed 助残康复项目=1.5/fixed; totals: 6.5/6.5; unread: "},
		{"分別安排, traditional script",
			"丙區、丁區分別安排福彩公益金12萬元、8萬元。",
			"items: 丙區=12/fixed 丁區=8/fixed; totals: ; unread: "},
	})
}

// Rule org-in-parens (data/lexicon/organizations.csv): the organization in
// the parentheses ending a priced line's project is its organization.
func TestOrganizationInParenthesesAfterTheProject(t *testing.T) {
	cases := []struct{ text, name, org string }{
		{"1.“夕阳红”居家探访项目（甲县爱心志愿者协会）5万元\n2.“长者饭堂”助餐项目（甲县东城社区居委会）4万元", "“夕阳红”居家探访项目", "甲县爱心志愿者协会"},
		{"資助“手語角”溝通培訓項目(乙市聾人協會)2萬元。", "“手語角”溝通培訓項目", "乙市聾人協會"},
		{"丙镇未成年人保护服务项目（河北片区）12万元。", "丙镇未成年人保护服务项目(河北片区)", ""},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) == 0 {
			t.Fatalf("%s: no items", c.text)
		}
		if it := p.Items[0]; !containsSuffix(it.Name, c.name) || it.Organization != c.org {
			t.Errorf("%s: first item %q by %q, want %q by %q", c.text, it.Name, it.Organization, c.name, c.org)
		}
	}
}

// Rule decoy-list-continues (data/lexicon/amount_context.csv): a figure
// listed right after one set aside is set aside with it.
func TestFigureListedAfterADecoy(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"remitted to two levels",
			"按规定上缴中央1200万元、省级3600万元后，全年使用公益金500万元用于养老服务。",
			"items: 养老服务=500/fixed; totals: ; unread: 1200万元(remitted to a higher level, paid away and not spent here) 3600万元(remitted to a higher level, paid away and not spent here)"},
		{"two cumulative figures, traditional script",
			"多年來累計投入80萬元、60萬元。今年資助助學項目12萬元。",
			"items: 今年資助助學項目=12/fixed; totals: ; unread: 80萬元(cumulative figure) 60萬元(cumulative figure)"},
	})
}

// Rule each-listed-quoted (data/lexicon/amount_context.csv): a per-project
// amount after a list of quoted projects is each one's.
func TestEachOfAQuotedList(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a tier label with its count, organizations in parentheses",
			"一等奖（2个）：“爱在夕阳”（甲县乐龄服务中心）、“彩虹桥”（甲县青年志愿者协会），每个项目资助3万元；",
			"items: “爱在夕阳”=3/derived “彩虹桥”=3/derived; totals: ; unread: "},
		{"no label, traditional script, 每項",
			"經評審，“書香童年”、“康樂行”和“暖心驛站”入選，每項資助1.5萬元。",
			"items: “書香童年”=1.5/derived “康樂行”=1.5/derived “暖心驛站”=1.5/derived; totals: ; unread: "},
		{"the label counts otherwise: nothing paired",
			"二等奖（3个）：“甲”、“乙”，每个项目资助2万元。",
			"items: ; totals: ; unread: 2万元(per-head or per-unit amount)"},
	})
}

// Rule name-recipient-purpose (data/lexicon/naming.csv): a figure given to
// a recipient is named by its purpose, the recipient its organization.
func TestRecipientAndPurpose(t *testing.T) {
	cases := []struct{ text, name, org string }{
		{"镇民政办向东风社区拨付福彩公益金5万元，用于建设老年活动室。", "建设老年活动室", "东风社区"},
		{"向紅星村下達3萬元用於農村互助養老點改造。", "農村互助養老點改造", "紅星村"},
		{"区民政局向甲区阳光社会工作服务中心拨付资金8万元，用于开展困境儿童关爱服务。", "困境儿童关爱服务", "甲区阳光社会工作服务中心"},
		{"近日，乙市福彩中心向乙市儿童福利院捐赠福彩公益金10万元，用于改善院内儿童生活条件。", "改善院内儿童生活条件", "乙市儿童福利院"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) != 1 || !containsSuffix(p.Items[0].Name, c.name) || p.Items[0].Organization != c.org {
			t.Errorf("%s: %s (organization %v), want %q by %q", c.text, summary(p), orgsOf(p.Items), c.name, c.org)
		}
	}
}

func orgsOf(items []model.LineItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Organization)
	}
	return out
}

// Rule name-activity-of-notice (data/lexicon/naming.csv): a notice about
// one activity whose only figure is named by a total word alone names it
// by that activity; a notice with a real name keeps it.
func TestTotalWordItemNamedByTheActivity(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a news report, per-head figure then 总计资助",
			"近日，甲市福彩中心开启“福彩圆梦·助学行”暑期公益行动，为20名困难学生送去助学金。\n受助学生每人资助3000元，总计资助6万元助学资金。",
			"items: “福彩圆梦·助学行”暑期公益行动=6/fixed; totals: 6/6; unread: 3000元(per-head or per-unit amount)"},
		{"共计发放, traditional script",
			"乙區民政局舉辦“溫暖過冬”慰問活動。\n本次活動共計發放3.2萬元。",
			"items: “溫暖過冬”慰問活動=3.2/fixed; totals: ; unread: "},
		{"the figure has a name of its own",
			"丙县开展“银龄关爱”活动。\n其中为老年人购买意外保险4万元。",
			"items: 为老年人购买意外保险=4/fixed; totals: ; unread: "},
	})
}

// Rule list-parts-siblings (data/lexicon/amount_context.csv): parts of one
// 其中： list are never totals of one another.
func TestListPartsAreSiblings(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a part equal to two later parts, a balance after the list",
			"全年支出80万元，其中：甲中心运营补助30万元；乙院运营补助20万元；丙津贴15万元；丁关爱项目10万元；戊培育5万元。结余5万元结转下年使用。",
			"items: 甲中心运营补助=30/fixed 乙院运营补助=20/fixed 丙津贴=15/fixed 丁关爱项目=10/fixed 戊培育=5/fixed; totals: 80/80; unread: 5万元(income or transfer)"},
		{"如下： and 、, traditional script",
			"本年度安排資金如下：助學項目12萬元、助醫項目7萬元、助困項目5萬元。",
			"items: 助學項目=12/fixed 助醫項目=7/fixed 助困項目=5/fixed; totals: ; unread: "},
		{"a part's breakdown in parentheses is still its own",
			"其中：甲类项目50万元（乙项目30万元、丙项目20万元）；丁类项目20万元。",
			"items: 乙项目=30/fixed 丙项目=20/fixed 丁类项目=20/fixed; totals: 50/50; unread: "},
	})
}

// Rule org-before-colon (data/lexicon/organizations.csv): a community,
// village or registered name before the colon of a line whose project is
// quoted carries it, whether the line has its own figure or not.
func TestCarrierBeforeTheColon(t *testing.T) {
	for _, text := range []string{
		"1.甲县东门社区：“暖心午餐”助老项目，资助2万元\n2.甲县光明村：“乡村书屋”，资助1万元",
		"拟给予以下2个项目每个1万元资金支持：\n1. 甲县东门社区：“暖心午餐”助老项目\n2. 甲县光明村：“乡村书屋”",
	} {
		p := read(t, text)
		if got := orgsOf(p.Items); len(got) != 2 || got[0] != "甲县东门社区" || got[1] != "甲县光明村" {
			t.Errorf("%s: organizations %v (%s)", text, got, summary(p))
		}
	}
	// a place before the colon is no carrier
	p := read(t, "甲县：“乡村书屋”，资助1万元")
	if len(p.Items) != 1 || p.Items[0].Organization != "" {
		t.Errorf("a county is no organization: %v", orgsOf(p.Items))
	}
}

// Rules org-aside-name, org-label-after and org-space-field
// (data/lexicon/organizations.csv): who carries a project, printed in an
// aside inside the name, in a labelled field after the figure, or as a
// space-separated field before it, is its organization and no part of its
// name.
func TestOrganizationFieldsAroundTheName(t *testing.T) {
	cases := []struct{ text, name, org string }{
		{"1.困境儿童关爱项目（实施单位：甲县童心社会工作服务中心），资助金额6万元。", "困境儿童关爱项目", "甲县童心社会工作服务中心"},
		{"“邻里节”项目（申报单位：甲县和美社区居民委员会）资助1万元。", "“邻里节”项目", "甲县和美社区居民委员会"},
		{"乙项目获资助2万元，承接单位为甲县阳光志愿者协会。", "乙项目", "甲县阳光志愿者协会"},
		{"長者陪診項目補助3萬元，實施單位：乙市仁愛社會工作服務中心。", "長者陪診項目補助", "乙市仁愛社會工作服務中心"},
		{"4.社区矫正帮扶项目 甲县启航社工事务所 4万元", "社区矫正帮扶项目", "甲县启航社工事务所"},
		{"青少年成长陪伴计划　乙区青苗社工服务中心　12.8万元", "青少年成长陪伴计划", "乙区青苗社工服务中心"},
		// no space: a name that runs on is left whole
		{"社区矫正帮扶项目甲县启航社工事务所4万元", "社区矫正帮扶项目甲县启航社工事务所", "社区矫正帮扶项目甲县启航社工事务所"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) != 1 || p.Items[0].Name != c.name || p.Items[0].Organization != c.org {
			t.Errorf("%s: %s %v, want %q by %q", c.text, summary(p), orgsOf(p.Items), c.name, c.org)
		}
	}
}

// Rule list-parts-siblings, opened by 用于：: the parts after it are
// siblings even when one equals the sum of the others after it.
func TestPartsAfterUsedForColon(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"主要用于： with a part equal to the rest",
			"省本级使用福彩公益金3.2亿元，主要用于：老年人福利1.6亿元，残疾人福利0.5亿元，儿童福利0.6亿元，社会公益0.5亿元。",
			"items: 老年人福利=16000/fixed 残疾人福利=5000/fixed 儿童福利=6000/fixed 社会公益=5000/fixed; totals: 32000/32000; unread: "},
		{"具體用於：, traditional script",
			"本級安排公益金90萬元，具體用於：養老服務45萬元；兒童關愛30萬元；助殘15萬元。",
			"items: 養老服務=45/fixed 兒童關愛=30/fixed 助殘=15/fixed; totals: 90/90; unread: "},
	})
}

// Rule name-place-part (ingest/generic/assemble.go placeShapedRe): a part
// of a project named only by a street, town or village is that project's,
// in that place, even when the region table does not list the place.
func TestPartsNamedByAPlace(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"streets in parentheses",
			"街道居家养老服务中心建设项目，资助金额60万元（其中东街街道30万元，西街街道30万元）。",
			"items: 街道居家养老服务中心建设项目（东街街道）=30/fixed 街道居家养老服务中心建设项目（西街街道）=30/fixed; totals: 60/60; unread: "},
		{"villages after 其中",
			"农村互助养老点改造12万元，其中光明村7万元、向阳村5万元。",
			"items: 农村互助养老点改造（光明村）=7/fixed 农村互助养老点改造（向阳村）=5/fixed; totals: 12/12; unread: "},
	})
}

// Rule name-quote-qualifier (ingest/generic/prose.go qualifierBefore): the
// few words that qualify a quoted name stay in it; a clause, an award or an
// organization before the quote does not.
func TestWordsQualifyingAQuotedName(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a qualifier before the quote",
			"1.困境儿童“护苗”行动，资助金额18.4万元；\n2.高龄老人“情暖夕阳”关爱，资助金额16万元。",
			"items: 困境儿童“护苗”行动=18.4/fixed 高龄老人“情暖夕阳”关爱=16/fixed; totals: ; unread: "},
		{"a clause before the quote is no part of the name",
			"经评审，开展“邻里守望”项目，资助金额3万元。",
			"items: “邻里守望”项目=3/fixed; totals: ; unread: "},
	})
}

// The first clause after a figure is that figure's: it names no
// organization for the next figure (rule name-from-clause-before).
func TestClauseAfterAFigureNamesNoOneForTheNext(t *testing.T) {
	for _, text := range []string{
		"其中投入680万元建设社区居家养老服务照料中心34个，投入420万元开展困境儿童关爱帮扶。",
		"安排50万元扶持甲区阳光社会工作服务中心运营，另安排30万元用于困境儿童关爱。",
	} {
		p := read(t, text)
		if len(p.Items) != 2 || p.Items[1].Organization != "" {
			t.Errorf("%s: %s %v", text, summary(p), orgsOf(p.Items))
		}
	}
}

// Rules name-lead-verb, name-purpose-clause and name-from-clause-before
// (kind no-name) of data/lexicon/naming.csv: an office's 投入/安排 before the
// fund names nothing, a why-clause before it names nothing, and the clause
// after the figure says what it was for, where it is done first.
func TestOfficeFundThenWhatItDid(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a why-clause first, where before 开展",
			"为进一步提升社区服务水平，区民政局投入福彩公益金35万元，在全区7个社区开展“幸福邻里”社区营造项目。",
			"items: “幸福邻里”社区营造项目=35/fixed; totals: ; unread: "},
		{"安排 and 实施, traditional script",
			"為了更好地服務老年人，縣民政局安排公益金20萬元，實施農村互助養老點提升工程。",
			"items: 農村互助養老點提升工程=20/fixed; totals: ; unread: "},
	})
}

// Rule org-masked (data/lexicon/organizations.csv): where a page that
// copied the notice printed a mask over who carries a project ((略), ***),
// the project is still cut out, and its organization is left empty.
func TestMaskedOrganization(t *testing.T) {
	cases := []struct{ text, name string }{
		{"乙县颐养 (略) 中心“长者食堂”项目资助6万元，乙县 (略) 协会“助残就业”项目资助4万元。", "“长者食堂”项目"},
		{"项目名称：甲区困境儿童关爱服务项目\n中标供应商：甲区 (略) 社会工作服务中心\n中标金额：28.5万元", "甲区困境儿童关爱服务项目"},
		{"丙市***服務中心“銀齡課堂”項目獲資助3萬元。", "“銀齡課堂”項目"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) == 0 || p.Items[0].Name != c.name || p.Items[0].Organization != "" {
			t.Errorf("%s: %s %v, want %q by nobody", c.text, summary(p), orgsOf(p.Items), c.name)
		}
	}
}

// A figure finer than one yuan is listed as unread with its reason, in
// prose and in a table, never passed over nor rounded.
func TestFinerThanOneYuanIsUnread(t *testing.T) {
	for _, text := range []string{
		"资助甲项目12345.67元；资助乙项目5000元。",
		"序号\t项目名称\t金额（元）\n1\t甲项目\t12345.67\n2\t乙项目\t5000\n",
	} {
		p := read(t, text)
		found := false
		for _, u := range p.Unread {
			found = found || strings.HasPrefix(u.Reason, "an amount finer than one yuan") && strings.Contains(u.Text, "12345.67")
		}
		for _, it := range p.Items {
			if it.Amount.Yuan != nil && *it.Amount.Yuan == 12345 || it.Amount.Yuan != nil && *it.Amount.Yuan == 12346 {
				t.Errorf("%q: the figure was rounded into an item: %s", text, summary(p))
			}
		}
		if !found {
			t.Errorf("%q: 12345.67 not listed as unread: %s", text, summary(p))
		}
	}
}

// Rule form-contact-fields (data/lexicon/columns.csv, kind contact): a
// procurement result's contact blocks (名称：…, 地址：…, 项目联系人：…) and a
// report's sections (项目概况, 注意事项) are no project's form, and an
// address is no organization.
func TestContactBlocksAreNoForms(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a result notice with its contact blocks",
			"一、项目名称：甲区社会工作服务站运营项目\n二、供应商名称：甲区启航社会工作服务中心\n供应商地址：甲区人民路1号\n成交金额：48.6万元\n三、联系方式\n1.采购人信息\n名称：甲区民政局\n地址：甲区政府大楼\n联系方式：0000-1234567\n2.项目联系方式\n项目联系人：赵六\n电话：0000-1234567\n",
			"items: 甲区社会工作服务站运营项目=48.6/fixed; totals: ; unread: "},
		{"a performance report's sections, traditional script",
			"項目名稱：乙縣長者助餐服務\n承接單位：乙縣頤年養老服務中心\n資助金額：12萬元\n項目概況：為全縣長者提供助餐\n項目負責人：錢七\n注意事項：按月報送\n",
			"items: 乙縣長者助餐服務=12/fixed; totals: ; unread: "},
	})
	p := read(t, "一、项目名称：甲区社会工作服务站运营项目\n二、供应商名称：甲区启航社会工作服务中心\n供应商地址：甲区人民路1号\n成交金额：48.6万元\n")
	if len(p.Items) != 1 || p.Items[0].Organization != "甲区启航社会工作服务中心" {
		t.Errorf("organization %v, want the supplier's name, not its address", orgsOf(p.Items))
	}
}

// Rule name-fund-lead (data/lexicon/naming.csv): the fund as the means and
// a verb of granting before what it pays for are no part of the name; a
// verb that is the work itself stays; the fund granted to the place is no
// project.
func TestFundAsTheMeans(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"verbs of granting, 对…给予",
			"使用福彩公益金资助乡镇敬老院改造项目50万元；市福彩公益金资助的老年食堂项目15万元；安排福彩公益金对农村幸福院给予运营补助12万元。",
			"items: 乡镇敬老院改造项目=50/fixed 老年食堂项目=15/fixed 农村幸福院运营补助=12/fixed; totals: ; unread: "},
		{"the work itself stays, traditional script",
			"利用福彩公益金建設社區養老服務站30萬元；通過福彩公益金購買社會工作服務6萬元。",
			"items: 建設社區養老服務站=30/fixed 購買社會工作服務=6/fixed; totals: ; unread: "},
		{"a place and its level before the fund",
			"经审核，2022年度乙市市级福彩公益金资助甲县敬老院护理能力提升项目资金50万元。",
			"items: 甲县敬老院护理能力提升项目资金=50/fixed; totals: ; unread: "},
		{"when and where first",
			"今年我区使用福彩公益金资助社区老年食堂建设20万元；全年全市安排福利彩票公益金用于残疾人托养服务18万元。",
			"items: 社区老年食堂建设=20/fixed 残疾人托养服务=18/fixed; totals: ; unread: "},
	})
	p := read(t, "利用福彩公益金建设社区养老服务站30万元。")
	if len(p.Items) != 1 || p.Items[0].Organization != "" {
		t.Errorf("a name holding the fund is no organization: %v", orgsOf(p.Items))
	}
}

// Rules name-lead-verb, name-from-clause-before (kind source) and
// name-purpose-clause: offices that give jointly, the central fund's
// official name, and a figure sent somewhere (至各街道) whose purpose
// follows in the next clause.
func TestFundGivenThenItsPurpose(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"joint givers and the fund's official name",
			"近日，省财政厅、省民政厅联合下拨2023年度中央专项彩票公益金支持社会福利事业资金85万元，主要用于儿童福利机构建设。",
			"items: 儿童福利机构建设=85/fixed; totals: ; unread: "},
		{"sent to the streets, its purpose after, traditional script",
			"區民政局下撥省級福利彩票公益金40萬元至各街道，用於社區居家養老服務中心運營。",
			"items: 社區居家養老服務中心運營=40/fixed; totals: ; unread: "},
	})
}

// Rule text-html-entities (data/lexicon/amount_context.csv): character
// references left by a copy of a page's source read as the characters they
// stand for.
func TestHTMLEntitiesInText(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a space reference inside a figure",
			"资助甲项目12&nbsp;万元；资助乙项目&ensp;8000元。",
			"items: 资助甲项目=12/fixed 资助乙项目=0.8/fixed; totals: ; unread: "},
		{"numeric references, traditional script",
			"資助丙項目5萬&#20803;，資助丁項目3&#x4E07;元。",
			"items: 資助丙項目=5/fixed 資助丁項目=3/fixed; totals: ; unread: "},
	})
}

// Words that start with how many count facilities; they are no
// organization (rule name-from-clause-before).
func TestCountedFacilitiesAreNoOrganization(t *testing.T) {
	for _, text := range []string{
		"（一）养老服务类120万元。主要用于3家敬老院消防改造75万元，村级互助养老点运营补助45万元。",
		"投入十二个社区服务中心提升改造资金36萬元。",
		"其中，为全区12家农村敬老院添置设施设备45万元。",
		"资助辖区内5个社区日间照料中心运营20万元。",
	} {
		p := read(t, text)
		for _, it := range p.Items {
			if it.Organization != "" {
				t.Errorf("%s: %q has organization %q", text, it.Name, it.Organization)
			}
		}
		if len(p.Items) == 0 {
			t.Errorf("%s: no items", text)
		}
	}
}

// Rule phase-part (data/lexicon/amount_context.csv): a payment phase after
// the project's amount is a part of it, unread and never added; alone, it
// is the item's amount. A form's field that states no figure (资金来源：县级财政)
// does not outrank the money field that does.
func TestPaymentPhases(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"首期 after the total, in a numbered list",
			"1.“银龄互助”项目，资助总额10万元，首期拨付5万元；\n2.“护苗行动”项目，资助总额8万元，首期拨付4万元。",
			"items: “银龄互助”项目=10/fixed “护苗行动”项目=8/fixed; totals: ; unread: 5万元(a payment phase of 10万元) 4万元(a payment phase of 8万元)"},
		{"尾款 in traditional script",
			"長者助餐項目補助6萬元，尾款2萬元待驗收後撥付。",
			"items: 長者助餐項目補助=6/fixed; totals: ; unread: 2萬元(a payment phase of 6萬元)"},
		{"a phase alone is the item's amount",
			"乙项目首期拨付3万元。",
			"items: 乙项目首期=3/fixed; totals: ; unread: "},
		{"a budget field outranks a field without a figure",
			"项目名称：居家养老上门服务\n预算金额：60万元\n最高限价：58万元\n资金来源：县级财政\n",
			"items: 居家养老上门服务=60/fixed; totals: ; unread: 58万元(outside the form's money field)"},
	})
}

// Rule field-dash (data/lexicon/amount_context.csv): a dash between a
// name and its fields separates them like a comma; inside a quoted title
// it is the title's.
func TestDashBetweenFields(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"name——fields",
			"1.乐龄互助养老项目——实施单位：甲区银龄社工服务中心，资助金额：3.5万元\n2.长者智能手机课堂——实施单位：甲区夕阳红志愿者协会，资助金额：2万元",
			"items: 乐龄互助养老项目=3.5/fixed 长者智能手机课堂=2/fixed; totals: ; unread: "},
		{"a dash inside a quoted title, traditional script",
			"乙社區“鄰里螢火——樓棟里的精靈”項目獲二等獎，項目扶持資金2萬元。",
			"items: “鄰里螢火——樓棟里的精靈”項目=2/fixed; totals: ; unread: "},
	})
}

// A place before a line's colon (东城街道：…) is the item's region, not its
// name.
func TestPlaceBeforeTheColonIsTheRegion(t *testing.T) {
	for _, text := range []string{
		"东城街道：居家养老服务中心运营补助20万元；\n南湖镇：农村幸福院改造10万元。",
		"1.甲縣：困境兒童關愛8萬元\n2.乙區：長者助餐6萬元",
	} {
		p := read(t, text)
		if len(p.Items) != 2 || p.Items[0].RegionText == "" || p.Items[1].RegionText == "" || strings.Contains(p.Items[0].Name, "：") {
			t.Errorf("%s: %s regions %q %q", text, summary(p), p.Items[0].RegionText, p.Items[len(p.Items)-1].RegionText)
		}
	}
}

// Rule cumulative-of-parts (data/lexicon/amount_context.csv): a cumulative
// figure that is the sum of the figures before it in its paragraph is
// their stated total; one that is not stays unread. A name that is only a
// year gives the item that year.
func TestCumulativeOfTheYearsListed(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"three years and their sum",
			"2021年投入150万元，2022年投入180万元，2023年投入210万元，三年累计投入540万元。",
			"items: 2021年=150/fixed 2022年=180/fixed 2023年=210/fixed; totals: 540/540; unread: "},
		{"a cumulative figure over more than the text lists, traditional script",
			"2022年投入180萬元，2023年投入210萬元，多年來累計投入1200萬元。",
			"items: 2022年=180/fixed 2023年=210/fixed; totals: ; unread: 1200萬元(cumulative figure)"},
	})
	p := read(t, "2021年投入150万元，2022年投入180万元。")
	if len(p.Items) != 2 || p.Items[0].Year != 2021 || p.Items[1].Year != 2022 {
		t.Errorf("years %v", p.Items)
	}
}

// A who-label (资助单位：) and the clause after it name no project, and a
// 慈善会, 红十字会 or 联合会 is an organization like a 协会 (rule
// org-registered-name).
func TestWhoLabelsAndCharityNames(t *testing.T) {
	cases := []struct{ text, name, org string }{
		{"项目一：乙区“暖冬行动”困难家庭慰问项目，资助单位：乙区慈善会，资助金额：人民币伍万元整（¥50,000.00）。", "“暖冬行动”困难家庭慰问项目", "乙区慈善会"},
		{"丙縣“助學圓夢”項目，捐贈單位：丙縣紅十字會，資助金額：3萬元。", "“助學圓夢”項目", "丙縣紅十字會"},
	}
	for _, c := range cases {
		p := read(t, c.text)
		if len(p.Items) != 1 || p.Items[0].Name != c.name || p.Items[0].Organization != c.org {
			t.Errorf("%s: %s %v, want %q by %q", c.text, summary(p), orgsOf(p.Items), c.name, c.org)
		}
	}
}

// The parts after 分别是： are siblings (rule list-parts-siblings); a
// clause of change (较上年增长15%) names nothing; the parts of an income
// named by the central fund are income (kind income-part); a total word with
// the thing paid (共计发放慰问金) names the notice's activity.
func TestSiblingsChangesIncomeParts(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"分别是： with a part equal to the rest",
			"2024年获批项目3个，分别是：甲老年大学建设项目，获得补助资金100万元；乙儿童福利指导中心改造项目，获得补助资金60万元；丙殡仪馆设备更新项目，获得补助资金40万元。",
			"items: 甲老年大学建设项目=100/fixed 乙儿童福利指导中心改造项目=60/fixed 丙殡仪馆设备更新项目=40/fixed; totals: ; unread: "},
		{"a change and the central fund's parts of an income, traditional script",
			"我市共爭取上級福彩公益金1.2億元，較上年增長15%，其中中央專項彩票公益金6500萬元，省級福彩公益金5500萬元。全年支出資助養老服務3000萬元。",
			"items: 全年支出資助養老服務=3000/fixed; totals: 12000/3000; unread: 6500萬元(income or transfer) 5500萬元(income or transfer)"},
		{"共计发放慰问金 in a notice about one activity",
			"区慈善总会开展“福彩送温暖”活动，为全区100户困难家庭每户发放慰问金1000元，共计发放慰问金10万元。",
			"items: “福彩送温暖”活动=10/fixed; totals: 10/10; unread: 1000元(per-head or per-unit amount)"},
	})
}

// Rule parallel-siblings (data/lexicon/amount_context.csv): figures of one
// paragraph printed in the same frame are parallel parts, never one the
// total of the others; a figure with a total word still closes them.
func TestParallelFramesAreSiblings(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the same frame, the first equal to the rest",
			"2024年获批项目3个：甲老年大学建设项目，获得补助资金100万元；乙儿童福利指导中心改造项目，获得补助资金60万元；丙殡仪馆设备更新项目，获得补助资金40万元。",
			"items: 甲老年大学建设项目=100/fixed 乙儿童福利指导中心改造项目=60/fixed 丙殡仪馆设备更新项目=40/fixed; totals: ; unread: "},
		{"traditional script, a total word after them still closes them",
			"甲項目，資助金額8萬元；乙項目，資助金額5萬元；丙項目，資助金額3萬元。以上合計16萬元。",
			"items: 甲項目=8/fixed 乙項目=5/fixed 丙項目=3/fixed; totals: 16/16; unread: "},
	})
}

// Kind income-part: the parts of a budget's income named by where it
// comes from (一般公共预算拨款, 政府性基金预算拨款) are income, never items.
func TestBudgetIncomePartsAreIncome(t *testing.T) {
	for _, text := range []string{
		"2023年部门预算收入总计5680万元，其中一般公共预算拨款5200万元，政府性基金预算拨款480万元。全年资助养老服务补贴320万元。",
		"本年收入合計900萬元，其中上級補助收入600萬元，事業收入300萬元。資助長者助餐50萬元。",
	} {
		p := read(t, text)
		for _, it := range p.Items {
			if strings.Contains(it.Name, "拨款") || strings.Contains(it.Name, "收入") {
				t.Errorf("%s: an income part is an item: %s", text, summary(p))
			}
		}
		if len(p.Items) != 1 {
			t.Errorf("%s: %s", text, summary(p))
		}
	}
}

// Rule name-lead-verb: 现/特/拟 before the verb of giving belong to the
// giving, not the name.
func TestNowGivingIsNoPartOfTheName(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"现下达", "根据年度工作安排，现下达第二批社区服务体系建设补助资金共计260万元。",
			"items: 第二批社区服务体系建设补助资金=260/fixed; totals: ; unread: "},
		{"拟拨付, traditional script", "經研究，擬撥付長者食堂運營補助12萬元。",
			"items: 長者食堂運營補助=12/fixed; totals: ; unread: "},
	})
}

// A clause that is only a verb and a count (资助10个) names nothing: the
// product after a per-unit amount is named by the clause before it.
func TestVerbAndCountNameNothing(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"资助10个", "2.乙市城区社区嵌入式养老服务站建设，资助10个，每个15万元，共150万元；",
			"items: 乙市城区社区嵌入式养老服务站建设=150/fixed; totals: 150/150; unread: 15万元(per-head or per-unit amount)"},
		{"新建12所, traditional script", "農村互助養老點提升，新建12所，每所2萬元，計24萬元。",
			"items: 農村互助養老點提升=24/fixed; totals: ; unread: 2萬元(per-head or per-unit amount)"},
	})
}

// Rule per-head-times-count: a total word that states the product of a
// per-head amount in its sentence (资助80名，每人5000元，共40万元) is the item's
// amount, no stated total of the document.
func TestTotalWordStatingTheProduct(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"two activities, each with its product",
			"其中“助圆大学梦”活动资助困难大学新生80名，每人5000元，共40万元；“爱心暖巢”活动慰问困难老人200名，每人500元，共10万元。",
			"items: “助圆大学梦”=40/fixed “爱心暖巢”=10/fixed; totals: 40/40 10/10; unread: 5000元(per-head or per-unit amount) 500元(per-head or per-unit amount)"},
		{"traditional script, 合計",
			"為30名困境兒童發放助學金，每人2000元，合計6萬元。另資助長者助餐3萬元。",
			"items: 30名困境兒童發放助學金=6/fixed 資助長者助餐=3/fixed; totals: 6/6; unread: 2000元(per-head or per-unit amount)"},
	})
}

// Kind income-part: a level's own allocation listed after a figure received
// in its sentence (收到上级下达156万元，县本级安排40万元，合计196万元) is income too;
// a contest is an activity a total word's item is named by.
func TestIncomeListedAfterReceiptAndContests(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"received, then the county's own",
			"2023年，我县共收到上级下达福彩公益金156万元，县本级安排福彩公益金40万元，合计196万元。全年共支出196万元，其中：敬老院运转经费100万元；困境儿童关爱96万元。",
			"items: 敬老院运转经费=100/fixed 困境儿童关爱=96/fixed; totals: 196/196 196/196; unread: 156万元(income or transfer) 40万元(income or transfer)"},
		{"a contest, traditional script",
			"壬區“鄰里守望”社區公益創投大賽圓滿落幕。\n本次大賽共計資助21.5萬元。",
			"items: “鄰里守望”社區公益創投大賽=21.5/fixed; totals: ; unread: "},
	})
}

// The part of a cumulative figure that names one year (其中，2023年投入…) is
// that year's money, with its own breakdown; parts of no single year stay
// set aside with the cumulative figure.
func TestOneYearOfACumulativeFigure(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"one year and its uses",
			"2021年至2023年，癸市累计投入福彩公益金1.5亿元。其中，2023年投入5600万元，主要用于：养老服务设施建设3200万元，困境儿童保障1400万元，社会救助1000万元。",
			"items: 养老服务设施建设=3200/fixed 困境儿童保障=1400/fixed 社会救助=1000/fixed; totals: 5600/5600; unread: 1.5亿元(cumulative figure)"},
		{"parts of no single year, traditional script",
			"多年來累計投入300萬元。其中養老100萬元、助殘200萬元。",
			"items: ; totals: ; unread: 300萬元(cumulative figure) 100萬元(breakdown (其中) of a figure set aside (300萬元, cumulative figure)) 200萬元(breakdown (其中) of a figure set aside (300萬元, cumulative figure))"},
	})
}

// A list's next part after a figure (…5万元）、乙协会（项目：…）) names its own
// organization; the clause after a figure names none for the next
// otherwise.
func TestListPartsNameTheirOrganizations(t *testing.T) {
	for _, text := range []string{
		"拟对以下单位给予资助：甲区阳光社会工作服务中心（项目：长者关爱，金额：5万元）、甲区和美志愿者协会（项目：邻里守望，金额：3万元）。",
		"擬資助：乙市春苗社工服務中心（項目：四點半課堂，金額：2.5萬元）及乙市頤年養老服務中心（項目：長者助浴，金額：4萬元）。",
	} {
		p := read(t, text)
		if len(p.Items) != 2 || p.Items[0].Organization == "" || p.Items[1].Organization == "" || p.Items[0].Organization == p.Items[1].Organization {
			t.Errorf("%s: %s %v", text, summary(p), orgsOf(p.Items))
		}
	}
}

// Rule name-site-colon (data/lexicon/organizations.csv, kind site): a site
// alone before a line's colon is where the project is done, part of its
// name; a registered organization there is its organization.
func TestSiteBeforeTheColon(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"sites before the colon",
			"县福利院：改造提升项目，补助资金60万元；\n县救助管理站：设备更新项目，补助资金15万元；",
			"items: 县福利院改造提升项目=60/fixed 县救助管理站设备更新项目=15/fixed; totals: ; unread: "},
		{"traditional script",
			"縣殯儀館：火化設備更新，補助資金40萬元。",
			"items: 縣殯儀館火化設備更新=40/fixed; totals: ; unread: "},
	})
}

// Rule parallel-siblings, by shares: figures that each state their share of
// a whole (，占21.5%) are its parts, never one the total of others; the
// whole divided a second way is that division, not added again. A list
// marker is no part of an organization's name.
func TestSharesOfAWholeAreSiblings(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"shares, then a second division",
			"全年共使用福彩公益金326万元，按用途分：养老服务186万元，占57.1%；儿童福利70万元，占21.5%；残疾人福利40万元，占12.3%；社会公益30万元，占9.2%。按层级分：县本级使用120万元，补助乡镇206万元。",
			"items: 养老服务=186/fixed 儿童福利=70/fixed 残疾人福利=40/fixed 社会公益=30/fixed; totals: 326/326; unread: 120万元(the same money divided another way) 206万元(the same money divided another way)"},
		{"shares in traditional script",
			"本年支出100萬元，其中養老60萬元，約佔60%；兒童25萬元，佔25%；助殘15萬元，佔15%。",
			"items: 養老=60/fixed 兒童=25/fixed 助殘=15/fixed; totals: 100/100; unread: "},
	})
	p := read(t, "一、老年人福利类（共计150万元）\n（一）县社会福利院护理楼维修，80万元\n（二）乡镇敬老院消防设施改造，70万元")
	for _, it := range p.Items {
		if strings.ContainsAny(it.Organization, "()（）") {
			t.Errorf("%q: organization %q holds the list marker", it.Name, it.Organization)
		}
	}
}

// Rule list-parts-siblings, opened by 情况：/明细：/清单：: the parts after
// them are siblings, a middle one never the total of those after it.
func TestPartsAfterACaptionColon(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"主要支出情况：",
			"2023年市本级福彩公益金主要支出情况：市社会福利院1200万元，市儿童福利院800万元，市救助管理站300万元，市殡仪馆改造500万元。",
			"items: 市社会福利院=1200/fixed 市儿童福利院=800/fixed 市救助管理站=300/fixed 市殡仪馆改造=500/fixed; totals: ; unread: "},
		{"資金明細：, traditional script",
			"本年資金明細：長者食堂50萬元，兒童之家30萬元，助殘20萬元，社工站10萬元。",
			"items: 長者食堂=50/fixed 兒童之家=30/fixed 助殘=20/fixed 社工站=10/fixed; totals: ; unread: "},
	})
}

// Rule fund-handed-down: a fund a level of government hands down, listed
// beside the next source of money in its sentence, is a source, not an
// item; handed down for a purpose, it is spent.
func TestFundHandedDownBesideOtherSources(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"three sources, the middle one handed down without 我县",
			"关于2023年度福利彩票公益金使用情况的公告\n一、资金来源\n2023年，省民政厅下拨我县中央专项彩票公益金120万元，市民政局下拨省级福彩公益金80万元，县本级留存福彩公益金50万元。\n二、资金使用\n1.养老服务体系建设项目，使用资金100万元。\n2.困境儿童关爱项目，使用资金60万元。\n",
			"items: 养老服务体系建设项目=100/fixed 困境儿童关爱项目=60/fixed; totals: ; unread: 80万元(income or transfer) 120万元(income or transfer) 50万元(income or transfer)"},
		{"two sources in other words, the first handed down by a bureau",
			"甲区2022年彩票公益金使用公告\n本年度区财政局转拨市级彩票公益金30万元、区本级留用福彩公益金12万元。资金安排如下：老年助餐服务18万元；儿童之家运营24万元。\n",
			"items: 老年助餐服务=18/fixed 儿童之家运营=24/fixed; totals: ; unread: 30万元(income or transfer) 12万元(income or transfer)"},
		{"handed down for a purpose: spent",
			"乙县2024年福彩公益金项目公示\n县民政局下拨福彩公益金80万元，用于敬老院消防改造。\n",
			"items: 敬老院消防改造=80/fixed; totals: ; unread: "},
	})
}

// Rule by-source-division: a sentence that divides the total by where the
// money came from lists no projects; the uses listed apart are the items.
func TestDivisionBySourceIsNoProject(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"按资金来源分, then the uses",
			"某市2022年度福彩公益金使用情况公示\n2022年度，我局共使用福彩公益金1500万元。按资金来源分：中央专项彩票公益金600万元，省级福彩公益金400万元，市本级福彩公益金500万元。按资金用途分：\n（一）养老服务类项目800万元。\n（二）儿童福利类项目400万元。\n（三）社会救助类项目300万元。\n",
			"items: 养老服务类项目=800/fixed 儿童福利类项目=400/fixed 社会救助类项目=300/fixed; totals: 1500/1500; unread: 600万元(a division by funding source) 400万元(a division by funding source) 500万元(a division by funding source)"},
		{"从来源看, in other words, two sources",
			"乙县2023年彩票公益金项目安排情况\n全年安排彩票公益金共计90万元，从资金来源看，省级补助55万元、县级配套35万元。其中用于老年食堂建设60万元，用于残疾人托养30万元。\n",
			"items: 老年食堂建设=60/fixed 残疾人托养=30/fixed; totals: 90/90; unread: 55万元(a division by funding source) 35万元(a division by funding source)"},
		{"资金来源 naming the fund of one figure: not a division",
			"丁区2024年福彩公益金项目公示\n助餐点建设项目补助12万元，资金来源为区级福彩公益金；幸福院运营补助8万元，资金来源：市级福彩公益金。\n",
			"items: 助餐点建设项目补助=12/fixed 幸福院运营补助=8/fixed; totals: ; unread: "},
	})
}

// Rule detail-continues (data/lexicon/amount_context.csv): the parts of a
// 其中 list go on after a semicolon, and add up to the figure before it;
// a sentence that starts 另外 or 此外 is no part of the list.
func TestBreakdownGoesOnAfterASemicolon(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"其中 and a comma, parts after semicolons",
			"全年安排公益金60万元。其中，长者助餐补贴35万元；儿童之家运营15万元；志愿服务激励10万元。",
			"items: 长者助餐补贴=35/fixed 儿童之家运营=15/fixed 志愿服务激励=10/fixed; totals: 60/60; unread: "},
		{"another sentence after the list, traditional script",
			"本年度投入40萬元。其中，社區書屋建設25萬元；殘疾人康復15萬元。另外安排困境兒童關愛8萬元。",
			"items: 社區書屋建設=25/fixed 殘疾人康復=15/fixed 困境兒童關愛=8/fixed; totals: 40/40; unread: "},
	})
}

// Rule name-project-verb (data/lexicon/naming.csv): 资助 or 支持 right after
// 项目 before a figure is the verb, no part of the name; 项目补助 is a noun.
func TestProjectVerbIsNoPartOfTheName(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"类项目资助",
			"助老类项目资助50万元；助残类项目资助36万元。",
			"items: 助老类项目=50/fixed 助残类项目=36/fixed; totals: ; unread: "},
		{"计划支持, and a noun kept, traditional script",
			"鄰里守望計劃支持8萬元，長者陪診項目補助3萬元。",
			"items: 鄰里守望計劃=8/fixed 長者陪診項目補助=3/fixed; totals: ; unread: "},
	})
}

// Rule parallel-siblings, in one sentence: figures printed in the same
// frame, each after its own quoted project or a name that ends as a project
// does, are parallel parts; one that happens to equal the sum of the others
// is never their total.
func TestQuotedSiblingsInOneSentence(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"three priced projects, the first the sum of the others",
			"甲协会为乙社区提供的“长者食堂”服务项目价格为18万元，丙事务所为丁街道提供的“四点半课堂”项目价格为12万元，为戊村提供的“乡村书屋”项目价格为6万元。",
			"items: “长者食堂”服务项目=18/fixed “四点半课堂”项目=12/fixed “乡村书屋”项目=6/fixed; totals: ; unread: "},
		{"资助 in the same frame, traditional script",
			"“鄰里守望”項目獲資助9萬元，“書香社區”項目獲資助5萬元，“助殘同行”項目獲資助4萬元。",
			"items: “鄰里守望”項目=9/fixed “書香社區”項目=5/fixed “助殘同行”項目=4/fixed; totals: ; unread: "},
		{"names that end as projects do, no quotes",
			"社区助老项目获资助9万元，儿童关爱项目获资助5万元，残疾人康复项目获资助4万元。",
			"items: 社区助老项目=9/fixed 儿童关爱项目=5/fixed 残疾人康复项目=4/fixed; totals: ; unread: "},
		{"a year's total before its parts still closes them",
			"全年投入9万元，社区助老项目投入5万元，儿童关爱项目投入4万元。",
			"items: 社区助老项目=5/fixed 儿童关爱项目=4/fixed; totals: 9/9; unread: "},
		{"a breakdown after 其中 still adds up to its figure",
			"“邻里守望”项目资助9万元，其中“助老服务”子项目5万元，“助残服务”子项目4万元。",
			"items: “助老服务”子项目=5/fixed “助残服务”子项目=4/fixed; totals: 9/9; unread: "},
	})
}
