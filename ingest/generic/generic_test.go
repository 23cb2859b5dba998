package generic

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fundscope/data"
	"fundscope/ingest/document"
	"fundscope/ingest/layouts"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

func read(t *testing.T, text string) *model.Parsed {
	t.Helper()
	d, err := document.Decode("snippet.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(d, model.Catalog{CatalogID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if trad := toTraditional(t, text); trad != text {
		// the same text printed in traditional characters reads the same, folded
		td, err := document.Decode("snippet.txt", []byte(trad))
		if err != nil {
			t.Fatal(err)
		}
		tp, err := Read(td, model.Catalog{CatalogID: "t"})
		if err != nil {
			t.Errorf("%s, in traditional characters: %v", money.Clip(text, 40), err)
		} else if g, w := textfold.Han(fullSummary(tp)), textfold.Han(fullSummary(p)); g != w {
			t.Errorf("%s, in traditional characters:\n got %s\nwant %s", money.Clip(text, 40), g, w)
		}
	}
	return p
}

// fullSummary is summary with each item's organization and funding text.
func fullSummary(p *model.Parsed) string {
	var orgs []string
	for _, it := range p.Items {
		orgs = append(orgs, it.Organization+"/"+it.FundingText)
	}
	return summary(p) + "; orgs: " + strings.Join(orgs, " ")
}

// summary is "items: name=万元 …; totals: 万元/computed …; unread: text(reason)".
// summaryCase is an invented snippet and the summary (see summary) its
// reading must give.
type summaryCase struct{ name, text, want string }

// checkSummaries reads each case's text and compares its summary.
// checkSummaries reads each case (and, through read, its copy in
// traditional characters) and compares the summary with the case's.
func checkSummaries(t *testing.T, cases []summaryCase) {
	t.Helper()
	for _, c := range cases {
		got := summary(read(t, c.text))
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// toTraditional prints text in traditional characters (textfold.Traditional).
func toTraditional(t *testing.T, text string) string {
	t.Helper()
	if err := textfold.Err(); err != nil {
		t.Fatal(err)
	}
	return textfold.Traditional(text)
}

func summary(p *model.Parsed) string {
	byID := map[string]int64{}
	var items []string
	for _, it := range p.Items {
		v := "NULL"
		if it.Amount.Yuan != nil {
			byID[it.ItemID] = *it.Amount.Yuan
			v = money.FormatWan(*it.Amount.Yuan)
		}
		items = append(items, fmt.Sprintf("%s=%s/%s", it.Name, v, it.Amount.Kind))
	}
	var totals []string
	for _, tt := range p.Totals {
		var sum int64
		for _, id := range tt.Scope {
			sum += byID[id]
		}
		totals = append(totals, fmt.Sprintf("%s/%s", money.FormatWan(tt.Stated), money.FormatWan(sum)))
	}
	var unread []string
	for _, u := range p.Unread {
		reason, _, _ := strings.Cut(u.Reason, ":")
		unread = append(unread, u.Text+"("+reason+")")
	}
	return "items: " + strings.Join(items, " ") + "; totals: " + strings.Join(totals, " ") + "; unread: " + strings.Join(unread, " ")
}

// The prose reader on made-up snippets in the shapes real notices take.
func TestProse(t *testing.T) {
	cases := []summaryCase{
		{"a numbered section closes its parts",
			"一、老年人福利类项目300万元\n安排200万元用于居家养老服务；100万元结转下年使用。",
			"items: 居家养老服务=200/fixed 结转下年使用=100/fixed; totals: 300/300; unread: "},
		{"a per-head amount is set aside, the total is the one item",
			"县民政局开展“暖冬送温暖”活动，对20名困难群众进行每人1000元的资助，合计2万元。",
			"items: “暖冬送温暖”=2/fixed; totals: 2/2; unread: 1000元(per-head or per-unit amount)"},
		{"one amount for several places, and a total after the parts",
			"分配甲县和乙县各30万元、丙市40万元，共计100万元。",
			"items: 甲县=30/derived 乙县=30/derived 丙市=40/fixed; totals: 100/100; unread: "},
		{"a money word alone names nothing: the clause before it does",
			"一、养老类50万元。其中,敬老院改造项目3个,资金30万元;甲、乙社区助餐点建设项目2个,资金20万元。",
			"items: 敬老院改造项目3个=30/fixed 甲、乙社区助餐点建设项目2个=20/fixed; totals: 50/50; unread: "},
		{"a numbered list of organization:project lines, one amount given to two organizations",
			"1. 阳光社会工作服务中心:长者关爱项目5万元\n2. 和美志愿者协会:邻里守望项目3万元\n3. 向日葵社工服务中心、彩虹家庭服务中心:暑期托管项目各1.5万元",
			"items: 长者关爱项目=5/fixed 邻里守望项目=3/fixed 暑期托管项目=1.5/derived 暑期托管项目=1.5/derived; totals: ; unread: "},
		{"award tiers: a verb alone names nothing, the quoted projects before it do; one amount for two; a per-project amount of unnamed projects is listed",
			"其中，阳光社会工作服务中心承接的“银龄守护”项目获一等奖，资助5万元；和美志愿者协会的“邻里守望”项目、春苗社工服务中心的“四点半课堂”项目获二等奖，各资助4万元；另有12个项目获三等奖，每个项目资助2.5万元。",
			"items: “银龄守护”项目=5/fixed “邻里守望”项目=4/derived “四点半课堂”项目=4/derived; totals: ; unread: 2.5万元(per-head or per-unit amount)"},
		{"a cumulative figure is not an item",
			"多年来累计投入公益金近50万元。今年安排助学项目12万元。",
			"items: 今年安排助学项目=12/fixed; totals: ; unread: 近50万元(cumulative figure)"},
		{"an approximate total reconciles within its last digit",
			"全年共使用公益金1.2亿多元。其中用于甲类0.7亿元，用于乙类0.55亿元。",
			"items: 甲类=7000/fixed 乙类=5500/fixed; totals: 12000/12500; unread: "},
		{"a total that does not add up is kept and does not reconcile",
			"二、社会公益类项目50万元(社区服务30万元、助学30万元)。",
			"items: 社区服务=30/fixed 助学=30/fixed; totals: 50/60; unread: "},
		{"a partial breakdown stays out of the sum",
			"用于养老服务5亿元。其中用于医疗救助3亿元，剩余部分用于其他。",
			"items: 养老服务=50000/fixed; totals: ; unread: 3亿元(sub-item of 5亿元 (a breakdown that does not add up to it, not added))"},
		{"parts named only by a place take their section's name",
			"（一）社区服务设施建设项目300万元。其中:温州100万元、绍兴200万元。",
			"items: 社区服务设施建设项目（温州）=100/fixed 社区服务设施建设项目（绍兴）=200/fixed; totals: 300/300; unread: "},
		{"sales and fund-raising figures are not spending",
			"全年销售福利彩票24亿元，筹集公益金7亿元。资助孤儿助学项目15万元。",
			"items: 资助孤儿助学项目=15/fixed; totals: ; unread: 24亿元(sales or fund-raising figure) 7亿元(sales or fund-raising figure)"},
	}
	checkSummaries(t, cases)
}

// The table reader on a catalog's table: roles from the header words, the
// unit from the header, a 合计 row as a stated total, a merged amount as a
// pool over its rows (never filled down), merged text filled down.
func TestTable(t *testing.T) {
	text := strings.Join([]string{
		"序号\t项目名称\t承接单位\t资金来源\t金额（万元）",
		"1\t社区养老服务\t甲社工服务中心\t福彩公益金\t12.5",
		"2\t儿童关爱\t乙协会\t\t8",
		"3\t助残服务\t丙服务社\t一般公共预算\t最高资助5万元",
		"合计\t\t\t\t25.5",
	}, "\n")
	p := read(t, text)
	want := "items: 社区养老服务=12.5/fixed 儿童关爱=8/fixed 助残服务=5/cap; totals: 25.5/25.5; unread: "
	if got := summary(p); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if p.Items[1].Organization != "乙协会" || p.Items[0].FundingText != "福彩公益金" {
		t.Errorf("organization or funding not read: %+v", p.Items[:2])
	}

	// A merged amount cell over two rows: a pool, the items have no amount.
	tbl := &document.Table{Loc: document.Location{Table: 1}}
	cell := func(text string, r, c, rs int) *document.TableCell {
		return &document.TableCell{Text: text, Row: r, Col: c, RowSpan: rs, ColSpan: 1, Loc: document.Location{Table: 1, Row: r + 1, Col: c + 1}}
	}
	tbl.Rows = [][]*document.TableCell{
		{cell("项目名称", 0, 0, 1), cell("实施单位", 0, 1, 1), cell("金额（元）", 0, 2, 1)},
		{cell("甲项目", 1, 0, 1), cell("丁中心", 1, 1, 2), cell("50000", 1, 2, 2)},
		{cell("乙项目", 2, 0, 1)},
	}
	d := &document.Document{Path: "pool.docx", Format: "docx", Blocks: []document.Block{{Kind: document.TableKind, Table: tbl, Loc: tbl.Loc}}}
	pp, err := Read(d.Render(document.TSV), model.Catalog{CatalogID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(pp), "items: 甲项目=NULL/unknown 乙项目=NULL/unknown; totals: 5/0; unread: "; got != want {
		t.Errorf("pool: got %s, want %s", got, want)
	}
	if pp.Totals[0].Kind != "pool" || pp.Items[1].Organization != "丁中心" {
		t.Errorf("want a pool total and the organization filled down: %+v %+v", pp.Totals, pp.Items)
	}
}

// The generic reader reads a bundled catalog's table in every format it is
// published in exactly as the layout written for it reads the text: the same
// names and amounts, nothing unread.
func TestTableEveryFormatLikeTheWrittenLayout(t *testing.T) {
	const id = "zhoushan-putuo-2023-purchase"
	raw, err := data.FS.ReadFile("raw/zhoushan-putuo-2023-purchase-summary.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, err := document.Decode("putuo.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := layouts.Parse(text, model.Catalog{CatalogID: id, Layout: "tsv-table"})
	if err != nil {
		t.Fatal(err)
	}
	want := nameAmounts(ref)
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "formats", id, id+".*"))
	if len(files) < 5 {
		t.Fatalf("fixtures missing: %v", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Open(f, b)
		if err != nil {
			t.Fatal(err)
		}
		p, err := layouts.Parse(d, model.Catalog{CatalogID: id, Layout: Name})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got := nameAmounts(p); got != want {
			t.Errorf("%s:\n got %s\nwant %s", filepath.Base(f), got, want)
		}
		if len(p.Unread) > 0 {
			t.Errorf("%s: unread %v", filepath.Base(f), p.Unread)
		}
		for _, it := range p.Items {
			if it.SourceLocation == "" && d.Format != "text" {
				t.Errorf("%s: item %s has no location", f, it.Name)
			}
		}
	}
}

func nameAmounts(p *model.Parsed) string {
	var out []string
	for _, it := range p.Items {
		v := "NULL"
		if it.Amount.Yuan != nil {
			v = fmt.Sprint(*it.Amount.Yuan)
		}
		out = append(out, strings.Join(strings.Fields(it.Name), "")+"="+v)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// A single-project notice laid out as fields: the amount comes from the
// money field only; the figures of its performance section are listed as
// unread, never read as items.
func TestKeyValueForm(t *testing.T) {
	p := read(t, `关于某区社区助老项目情况的公告
一、项目名称
某区2024年度社区助老服务项目。
二、项目内容
为辖区老年人提供助餐、助洁服务。
三、资金来源和金额
市级福彩公益金25万元。
四、承接单位
某区阳光社会工作服务中心
五、项目负责人
张三
六、实际效果
全年服务老人3000人次,带动社会资金投入8万元。
`)
	want := "items: 某区2024年度社区助老服务项目=25/fixed; totals: ; unread: 8万元(money from another source (funds leveraged, donated or raised by the project itself), not this fund's)"
	if got := summary(p); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if it := p.Items[0]; it.Organization != "某区阳光社会工作服务中心" || it.FundingText != "市级福彩公益金" || !strings.Contains(it.Description, "助餐") {
		t.Errorf("fields: org %q funding %q description %q", it.Organization, it.FundingText, it.Description)
	}
	// label：value on one line, two projects one after the other
	p = read(t, "项目名称：甲社区关爱行动\n承接单位：甲协会\n资助金额：3万元\n项目名称：乙社区助残服务\n承接单位：乙中心\n资助金额：4.5万元\n")
	if got := summary(p); got != "items: 甲社区关爱行动=3/fixed 乙社区助残服务=4.5/fixed; totals: ; unread: " {
		t.Errorf("inline form: %s", got)
	}
	// A numbered notice whose headings are not fields stays prose.
	p = read(t, "一、总体情况\n2024年共安排资金10万元,其中甲项目6万元,乙项目4万元。\n二、项目完成情况\n已完成。\n")
	if len(p.Items) != 2 {
		t.Errorf("prose read as a form: %s", summary(p))
	}
}

// A page's metadata block (索引号 | … | 文号 | …) is facts, not projects.
func TestMetadataTableIsNotItems(t *testing.T) {
	p := read(t, "文件名称 | 某区民政局关于福彩公益金使用情况的公告 | |\n索引号 | 001/2024 | 公开目录: | 通知公告\n文号 | 成文日期: | 2024年3月1日 |\n有效性 | 有效 | 公开日期: | 2024-03-01\n2024年安排社区养老项目资金12万元。\n")
	if got := summary(p); got != "items: 2024年安排社区养老项目资金=12/fixed; totals: ; unread: " {
		t.Errorf("got %s", got)
	}
}

// A Markdown pipe table: the delimiter row is no item, the heading marker
// no part of the text; locations are the file's lines.
func TestMarkdownPipeTable(t *testing.T) {
	p := read(t, "# 某区2024年项目名单\n\n单位：万元\n\n| 序号 | 项目名称 | 承接单位 | 金额 |\n|---|:---:|---|---:|\n| 1 | 甲项目 | 甲中心 | 5 |\n| 2 | 乙项目 | 乙协会 | 7.5 |\n| 合计 | | | 12.5 |\n")
	if got := summary(p); got != "items: 甲项目=5/fixed 乙项目=7.5/fixed; totals: 12.5/12.5; unread: " {
		t.Errorf("got %s", got)
	}
	if p.Items[0].LineStart != 7 || p.Items[0].Organization != "甲中心" {
		t.Errorf("item 1 at line %d, organization %q", p.Items[0].LineStart, p.Items[0].Organization)
	}
}

// A line injected between two items of a numbered list is skipped with a warning.
func TestInjectedLineWarned(t *testing.T) {
	p := read(t, "1. 阳光社会工作服务中心:长者关爱项目5万元\n（本栏目由某区民政局提供）\n2. 和美志愿者协会:邻里守望项目3万元\n")
	if len(p.Items) != 2 || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Message, "is no item: skipped") || p.Warnings[0].Line != 2 {
		t.Errorf("%s; warnings %+v", summary(p), p.Warnings)
	}
}

// A figure in the title is a total the document states about itself: it
// closes the items when they add up to it and is reported loudly when they
// do not; money transferred to the publisher is income, not an item.
func TestTitleFigureIsADocumentTotal(t *testing.T) {
	text := "五年来我市投入公益金3亿元\n五年来,全市共筹集公益金3.1亿元,其中上级转移支付我市金额1亿元。我市向养老领域投入公益金1.6亿元,向社会公益项目投入公益金1.2亿元。\n"
	d, err := document.Decode("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(d, model.Catalog{CatalogID: "t", Title: "五年来我市投入公益金3亿元"})
	if err != nil {
		t.Fatal(err)
	}
	want := "items: 我市向养老领域投入公益金=16000/fixed 向社会公益项目投入公益金=12000/fixed; totals: 30000/28000; unread: 3.1亿元(sales or fund-raising figure) 1亿元(income or transfer)"
	if got := summary(p); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// A numbered list of projects without an amount column (a 立项名单) gives
// its items with no amount — NULL, never 0; an unnumbered two-column table
// without amounts is no list of projects.
func TestTableWithoutAmounts(t *testing.T) {
	p := read(t, "某区立项名单\n序号\t项目名称\t申报单位\n1\t长者关爱项目\t阳光社会工作服务中心\n2\t邻里守望项目\t和美志愿者协会\n")
	if got := summary(p); got != "items: 长者关爱项目=NULL/unknown 邻里守望项目=NULL/unknown; totals: ; unread: " || p.Items[1].Organization != "和美志愿者协会" {
		t.Errorf("got %s (%q)", got, p.Items[1].Organization)
	}
	d, _ := document.Decode("x.txt", []byte("联系人\t电话\n张三\t123\n"))
	if _, err := Read(d, model.Catalog{CatalogID: "t"}); err == nil {
		t.Error("a contact table read as projects")
	}
}

// A two-row header over the amounts applied for and granted: the granted
// column is the amount (in 元 with grouped thousands), the other is listed.
func TestGrantedColumnOverRequested(t *testing.T) {
	page := `<html><body><table>
<tr><td rowspan="2">序号</td><td rowspan="2">申报单位</td><td rowspan="2">项目名称</td><td colspan="2">资金（元）</td></tr>
<tr><td>申请金额</td><td>拟资助金额</td></tr>
<tr><td>1</td><td>甲社会工作服务中心</td><td>居家养老服务</td><td>80,000.00</td><td>50,000.00</td></tr>
<tr><td>2</td><td>乙志愿者协会</td><td>儿童陪伴计划</td><td>60,000.00</td><td>40,000.00</td></tr>
<tr><td colspan="3">合计</td><td>140,000.00</td><td>90,000.00</td></tr></table></body></html>`
	d, err := document.Open("list.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(d.Render(document.TSV), model.Catalog{CatalogID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	want := "items: 居家养老服务=5/fixed 儿童陪伴计划=4/fixed; totals: 9/9; unread: 80,000.00(what was applied for or raised elsewhere, beside what was granted) 60,000.00(what was applied for or raised elsewhere, beside what was granted) 140,000.00(what was applied for or raised elsewhere, beside what was granted)"
	if got := summary(p); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// A workbook with a sheet per category: the sheet's name is its items'
// category as printed, a program's default name (Sheet1) is not.
func TestSheetNameIsTheCategory(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "养老服务类")
	f.SetSheetRow("养老服务类", "A1", &[]any{"序号", "项目名称", "资助金额（万元）"})
	f.SetSheetRow("养老服务类", "A2", &[]any{1, "长者食堂运营", 30})
	f.NewSheet("Sheet2")
	f.SetSheetRow("Sheet2", "A1", &[]any{"序号", "项目名称", "资助金额（万元）"})
	f.SetSheetRow("Sheet2", "A2", &[]any{1, "困境儿童关爱", 20})
	var buf bytes.Buffer
	f.Write(&buf)
	d, err := document.Open("book.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(d.Render(document.TSV), model.Catalog{CatalogID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || p.Items[0].SourceCat != "养老服务类" || p.Items[1].SourceCat != "" || p.Items[0].SourceLocation != "" && !strings.Contains(p.Items[0].SourceLocation, "A2") {
		t.Errorf("%s: categories %q %q", summary(p), p.Items[0].SourceCat, p.Items[1].SourceCat)
	}
}

// A form that names no project is its place's (街道名称：甲街道) or its
// organization's item; a count field (项目数量) is never the name; a total
// word after the forms equal to their sum is their stated total (rule
// form-total).
func TestFormsHeadedByTheirPlace(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a place, a count and a payment per form, then the total",
			"社区项目资金拨付明细\n街道名称：甲街道\n项目数量：3个\n拨付金额：12.6万元\n街道名称：乙街道\n项目数量：2个\n拨付金额：8.4万元\n合计拨付：21万元",
			"items: 甲街道=12.6/fixed 乙街道=8.4/fixed; totals: 21/21; unread: "},
		{"an organization per form, traditional script",
			"資助名單\n申報單位：甲社會工作服務中心\n資助人數（人）：30\n資助金額：5萬元\n申報單位：乙志願者協會\n資助人數（人）：12\n資助金額：3萬元\n總計：8萬元",
			"items: 甲社會工作服務中心=5/fixed 乙志願者協會=3/fixed; totals: 8/8; unread: "},
	})
}

// A figure in a table's remark column is the row's detail, listed unread
// with that reason (not an unexplained figure).
func TestRemarkFiguresAreTheRowsDetail(t *testing.T) {
	const why = "a figure in the remark column (备注)"
	checkSummaries(t, []summaryCase{
		{"其中 in the remark",
			"序号\t项目\t金额（万元）\t备注\n1\t社会组织孵化\t120\t其中公益创投80万元\n2\t困境儿童关爱\t85.3\t\n",
			"items: 社会组织孵化=120/fixed 困境儿童关爱=85.3/fixed; totals: ; unread: 80万元(" + why + ")"},
		{"a rate in the remark, traditional script",
			"序號\t項目名稱\t金額（萬元）\t備註\n1\t農村幸福院運營\t120\t按每所2萬元\n2\t兒童之家建設\t30\t\n",
			"items: 農村幸福院運營=120/fixed 兒童之家建設=30/fixed; totals: ; unread: 2萬元(a figure in the remark column (備註))"},
	})
}
