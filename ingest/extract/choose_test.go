package extract

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/ingest/document"
	"fundscope/ingest/layouts"
	"fundscope/internal/testdoc"
	"fundscope/model"
)

// A known layout that drops a column the generic reader carries does not
// win the choice, and whatever reader is used says what it dropped.
func TestAReaderThatDropsAColumnDoesNotWin(t *testing.T) {
	for _, rows := range [][]string{
		{"序号|项目名称|承接单位|金额（元）", "1|长者助餐服务|某市乐龄服务中心|50000", "2|儿童课后托管|某市青少年社工事务所|30000"},
		{"序号|项目名称|实施单位|金额(元)", "1|社区助浴|某区助老协会|8000", "2|心理疏导|某区心理学会|6000", "3|助残就业|某区残疾人福利基金会|12000"},
	} {
		d := testdoc.HTMLTable(t, rows...)
		res, err := Document(d, model.Catalog{AdminCode: "330300", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		orgs := 0
		for _, it := range res.Items {
			if it.Organization != "" {
				orgs++
			}
		}
		if orgs != len(rows)-1 {
			t.Errorf("%s: read by %s with %d organizations of %d", rows[0], res.Reader, orgs, len(rows)-1)
		}
		forced, err := layouts.Parse(d, model.Catalog{CatalogID: "x", Layout: "tsv-table", File: "t.html", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		warned := false
		for _, w := range forced.Warnings {
			warned = warned || strings.Contains(w.Message, "carries no field for this column") && strings.Contains(w.Message, strings.Split(rows[0], "|")[2])
		}
		for _, fit := range layouts.DetectDocument(d) {
			if fit.Layout == "tsv-table" && !strings.Contains(fit.Evidence, "drops table 1 column 3 「"+strings.Split(rows[0], "|")[2]+"」") {
				t.Errorf("detect does not say what tsv-table drops: %s", fit.Evidence)
			}
		}
		if !warned {
			t.Errorf("%s: tsv-table dropped the organization column silently: %+v", rows[0], forced.Warnings)
		}
	}
}

// The same holds for a table printed as text with tabs (a copy of a page,
// a converter's output): its columns are seen, so the reader that keeps the
// organization and its credit code is chosen.
func TestATextTableKeepsItsColumns(t *testing.T) {
	for _, text := range []string{
		"序号\t项目名称\t承接单位\t资助金额（万元）\n1\t长者探访\t甲社会工作服务中心\t5\n2\t儿童托管\t乙青少年发展促进会\t3\n",
		"序号\t项目名称\t申报单位\t统一社会信用代码\t金额（元）\n1\t社区助浴\t丙助老协会\t51350100MJ0001200U\t8000\n2\t心理疏导\t丁心理学会\t52350102MJ0003400F\t6000\n",
	} {
		res := readText(t, text, "330300")
		for _, it := range res.Items {
			if it.Organization == "" {
				t.Errorf("%q read by %s: %s has no organization", text, res.Reader, it.Name)
			}
			if strings.Contains(text, "信用代码") && it.OrganizationCode == "" {
				t.Errorf("read by %s: %s has no credit code", res.Reader, it.Name)
			}
		}
		d, err := document.Decode("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		forced, err := layouts.Parse(d, model.Catalog{CatalogID: "x", Layout: "tsv-table", File: "t.txt", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		warned := false
		for _, w := range forced.Warnings {
			warned = warned || strings.Contains(w.Message, "carries no field for this column")
		}
		if !warned {
			t.Errorf("tsv-table forced on a text table drops its organization column silently: %+v", forced.Warnings)
		}
	}
}

// A second amount column the reader does not carry (a sub-column under a
// merged 金额 header) is never silent: its figures are unread amounts, the
// column is a warning, and the reading is no longer fully confident.
func TestAnUncarriedAmountColumnIsUnread(t *testing.T) {
	for _, rows := range [][]string{
		{"序号|项目名称|实施单位|市级资金（万元）|区级配套（万元）", "1|长者助餐|某区乐龄服务中心|5|4.5", "2|儿童托管|某区青少年事务社|3|2"},
		{"编号|项目|承接机构|补助（元）|自筹（元）", "1|助浴服务|某区助老协会|8000|1200", "2|心理疏导|某区心理学会|6000|3", "3|就业帮扶|某区残疾人福利基金会|12000|2"},
	} {
		res, err := Document(testdoc.HTMLTable(t, rows...), model.Catalog{AdminCode: "330300", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		n := len(rows) - 1
		var unread []string
		for _, u := range res.Unread {
			if strings.Contains(u.Location, "col 5") {
				unread = append(unread, u.Text)
			}
		}
		if len(unread) != n || res.Confidence >= 1 {
			t.Errorf("%s: col 5 unread %v (want %d), confidence %.2f", rows[0], unread, n, res.Confidence)
		}
	}
}

// A pool over items whose amounts are not printed is marked unpriced: it is
// no mismatch, and lowers no confidence as one.
func TestAPoolOverUnpricedItemsIsNoMismatch(t *testing.T) {
	for _, text := range []string{
		"关于下达社区项目资金的通知\n共安排福彩公益金20万元用于以下3个项目：\n1.甲社区邻里互助站\n2.乙街道长者食堂\n3.丙村儿童之家\n",
		"區級公益金12萬元，用於下列項目：\n（1）甲市助老協會：長者書法班\n（2）乙社工服務中心：親子閱讀會\n",
	} {
		d, err := document.Decode("pool.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Document(d, model.Catalog{AdminCode: "330300", Year: 2024})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Totals) != 1 || !res.Totals[0].Unpriced || res.Totals[0].Kind != "pool" {
			t.Fatalf("%q: totals %+v", text, res.Totals)
		}
		for _, s := range res.Signals {
			if s.Rule == "total-mismatch" {
				t.Errorf("%q: the pool counts as a mismatch: %+v", text, s)
			}
		}
	}
}

// A known layout that leaves a column of figures out (a second amount
// column it has no field for) loses the choice to the generic reader,
// which says why it left them out and is not confident which column is the
// row's money (amount-column-choice). A budget beside what was awarded is
// no such choice: the award is the money (amount_rank.csv).
func TestAReaderThatLeavesFiguresOutDoesNotWin(t *testing.T) {
	for _, text := range []string{
		"序号\t项目名称\t中央资金（万元）\t省级资金（万元）\n1\t敬老院改造\t100\t50\n2\t儿童福利院建设\t80\t40\n3\t残疾人康复站\t30\t20\n",
		"序号\t項目名稱\t市級補助（元）\t區級補助（元）\n1\t長者助餐\t50000\t48000\n2\t社區助浴\t30000\t29500\n",
	} {
		res := readText(t, text, "330300")
		if res.Reader != "generic" || res.Confidence >= 0.5 {
			t.Errorf("%q: read by %s at confidence %.2f; want generic, below 0.5", text, res.Reader, res.Confidence)
		}
		for _, u := range res.Unread {
			if u.Reason == "" {
				t.Errorf("%q: %s unread without a reason", text, u.Text)
			}
		}
	}
	res := readText(t, "序号\t项目名称\t预算金额（元）\t中标金额（元）\n1\t长者助餐\t50000\t48000\n2\t社区助浴\t30000\t29500\n", "330300")
	if res.Reader != "generic" || res.Confidence < Threshold || len(res.Items) != 2 || *res.Items[0].AmountYuan != 48000 {
		t.Errorf("a budget beside the award: read by %s at confidence %.2f, items %+v; want the awards, confidently", res.Reader, res.Confidence, res.Items)
	}
}

// A table's rows named by its region column are places' allocations by the
// header: rule name-bare-place does not fire on them, and still fires on a
// place read as a name from prose.
func TestBarePlaceRuleSparesRegionRows(t *testing.T) {
	for _, c := range []struct {
		text  string
		fires bool
	}{
		{"地市\t补助资金（万元）\n鞍山市\t120\n本溪市\t80\n合计\t200\n", false},
		{"县区\t资金（元）\n平山区\t300000\n溪湖区\t200000\n", false},
		{"现将资金下达如下：平山区30万元；溪湖区20万元。合计50万元。", true},
	} {
		res := readText(t, c.text, "210500")
		fired := false
		for _, s := range res.Signals {
			fired = fired || s.Rule == "name-bare-place"
		}
		if fired != c.fires {
			t.Errorf("%q: name-bare-place fired %v, want %v (%d items, confidence %.2f)", c.text, fired, c.fires, len(res.Items), res.Confidence)
		}
	}
}

// updateChoice rewrites testdata/reader_choice.txt from what the readers
// choose now (go test ./ingest/extract -run TestFormatCopiesKeepTheirReader -update-choice).
var updateChoice = flag.Bool("update-choice", false, "rewrite testdata/reader_choice.txt")

// The reader chosen, with no layout named, for each bundled catalog's format
// copies (.txt, .docx, .html, .xlsx, .pdf) is the one testdata/reader_choice.txt
// records: a change to the choice that takes a fixed layout's document from
// it (or gives it one) fails here, to be reviewed.
func TestFormatCopiesKeepTheirReader(t *testing.T) {
	files, err := filepath.Glob("../testdata/formats/*/*")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".txt", ".docx", ".html", ".xlsx", ".pdf":
		default:
			continue // legacy formats reach the same readers through LibreOffice
		}
		res, err := File(f, model.Catalog{AdminCode: "330300", Year: 2024})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		got = append(got, filepath.Base(f)+" "+res.Reader)
	}
	const golden = "testdata/reader_choice.txt"
	text := strings.Join(got, "\n") + "\n"
	if *updateChoice {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if text != string(want) || len(got) < 10 {
		t.Errorf("readers chosen now:\n%s\nrecorded in %s:\n%s", text, golden, want)
	}
}

// readText reads a text document with no layout named, for a catalog of
// that admin code in 2024.
func readText(t *testing.T, text, adminCode string) *Result {
	t.Helper()
	d, err := document.Decode("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Document(d, model.Catalog{AdminCode: adminCode, Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
