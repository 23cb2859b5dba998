package charts

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"fundscope/queries"
)

func TestPlaceYearTotalsKeepsExactWanAndGaps(t *testing.T) {
	tab := &queries.Table{
		Columns: []string{"place", "year", "phase", "total_yuan", "cap_yuan", "items_unknown_amount"},
		Rows: [][]any{
			{"舟山市", int32(2023), "budgeted", int64(6280770), int64(0), int64(0)},
			{"北京市", int32(2020), "budgeted", nil, int64(0), int64(18)},
			{"舟山市", int32(2024), "budgeted", big.NewInt(95770), int64(0), int64(0)},
		},
	}
	c := PlaceYearTotals(tab)
	b, err := json.Marshal(c.Option())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"value":628.077`, `"value":9.577`, `"-"`, `"2020"`, `"2023"`, `"2024"`} {
		if !strings.Contains(s, want) {
			t.Errorf("option lacks %s: %s", want, s)
		}
	}
	if strings.Contains(s, "628.07700") || strings.Contains(s, "9.5769") {
		t.Error("amounts went through float arithmetic")
	}
	if !strings.Contains(c.Footnote, "北京市 2020：18 项未列金额") {
		t.Errorf("footnote should count the items without an amount: %s", c.Footnote)
	}
	if strings.Contains(s, "最高资助") {
		t.Error("no place has caps: no caps series expected")
	}
}

// Caps are a series of their own, never stacked onto the firm total, and two
// phases of one place are two labels, never one bar.
func TestPlaceYearTotalsKeepsCapsAndPhasesApart(t *testing.T) {
	tab := &queries.Table{
		Columns: []string{"place", "year", "phase", "total_yuan", "cap_yuan", "items_unknown_amount"},
		Rows: [][]any{
			{"甲市", int32(2024), "budgeted", int64(1000000), int64(0), int64(0)},
			{"甲市", int32(2024), "paid", int64(800000), int64(0), int64(0)},
			{"乙市", int32(2024), "budgeted", int64(0), int64(500000), int64(0)},
		},
	}
	b, _ := json.Marshal(PlaceYearTotals(tab).Option())
	s := string(b)
	for _, want := range []string{`"甲市 预算"`, `"甲市 拨付"`, `"2024 最高资助 caps"`, `"value":100`, `"value":80`, `"value":50`} {
		if !strings.Contains(s, want) {
			t.Errorf("option lacks %s: %s", want, s)
		}
	}
	if strings.Contains(s, `"stack"`) {
		t.Error("caps must not be stacked onto firm totals")
	}
}

func TestRegionRankingLargestFirstAndShortLabels(t *testing.T) {
	tab := &queries.Table{Columns: []string{"place", "basis", "region_name", "basis_yuan"}}
	tab.Rows = append(tab.Rows,
		[]any{"杭州市", "firm", "上城区、拱墅区、西湖区、滨江区、钱塘区、西湖风景名胜区", int64(300000)},
		[]any{"杭州市", "firm", "桐庐县", int64(200000)},
		[]any{"北京市房山区", "firm", "房山区", nil},
	)
	c := RegionRanking(tab, 15)
	opt := c.Option()
	b, _ := json.Marshal(opt)
	s := string(b)
	if strings.Contains(s, "房山区") {
		t.Error("a region with no amount should not be ranked")
	}
	if !strings.Contains(s, "…") {
		t.Error("long printed region names should be shortened on the axis")
	}
	// Horizontal bars: the largest is the last category (drawn at the top).
	if strings.Index(s, "桐庐县") > strings.Index(s, "上城区") {
		t.Error("the largest region should be drawn at the top")
	}
}
