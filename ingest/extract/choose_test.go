package extract

import (
	"strings"
	"testing"

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
