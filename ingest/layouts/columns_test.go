package layouts

import (
	"strings"
	"testing"

	"fundscope/internal/testdoc"
	"fundscope/model"
)

// A column whose values reach no item is dropped; one whose values are
// names, organizations or amounts (in any unit) is carried; total rows are
// not data.
func TestDroppedColumnsCompareCellsWithItems(t *testing.T) {
	d := testdoc.HTMLTable(t, "序号|项目名称|承接单位|金额（万元）|备注",
		"1|长者助餐|甲服务中心|5|新增", "2|课后托管|乙社工事务所|3.5|续办", "合计|||8.5|")
	y := func(v int64) *int64 { return &v }
	withOrg := &model.Parsed{Items: []model.LineItem{
		{ItemNo: "1", Name: "长者助餐", Organization: "甲服务中心", Amount: model.Amount{Yuan: y(50000)}},
		{ItemNo: "2", Name: "课后托管", Organization: "乙社工事务所", Amount: model.Amount{Yuan: y(35000)}},
	}}
	got := Dropped(d, withOrg)
	if len(got) != 1 || got[0].Header != "备注" || got[0].Col != 5 || got[0].Values != 2 {
		t.Errorf("with organizations: %v", got)
	}
	noOrg := &model.Parsed{Items: []model.LineItem{
		{ItemNo: "1", Name: "长者助餐", Amount: model.Amount{Yuan: y(50000)}},
		{ItemNo: "2", Name: "课后托管", Amount: model.Amount{Yuan: y(35000)}},
	}}
	var headers []string
	for _, c := range Dropped(d, noOrg) {
		headers = append(headers, c.Header)
	}
	if strings.Join(headers, ",") != "承接单位,备注" {
		t.Errorf("without organizations: %v", headers)
	}
	// Amounts in 元 printed with separators are carried too.
	d2 := testdoc.HTMLTable(t, "项目|资助金额(元)", "助老|50,000", "助残|120,000")
	inYuan := &model.Parsed{Items: []model.LineItem{{Name: "助老", Amount: model.Amount{Yuan: y(50000)}}, {Name: "助残", Amount: model.Amount{Yuan: y(120000)}}}}
	if got := Dropped(d2, inYuan); len(got) != 0 {
		t.Errorf("amounts in 元: %v", got)
	}
}
