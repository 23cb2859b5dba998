package charts

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"fundscope/queries"
)

func TestCityYearTotalsKeepsExactWanAndGaps(t *testing.T) {
	tab := &queries.Table{
		Columns: []string{"city", "year", "total_yuan", "items_unknown_amount"},
		Rows: [][]any{
			{"舟山市", int32(2023), int64(6280770), int64(0)},
			{"北京市", int32(2020), nil, int64(18)},
			{"舟山市", int32(2024), big.NewInt(95770), int64(0)},
		},
	}
	c := CityYearTotals(tab)
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
}

func TestRegionRankingLargestFirstAndShortLabels(t *testing.T) {
	tab := &queries.Table{Columns: []string{"city", "region_name", "total_yuan"}}
	tab.Rows = append(tab.Rows,
		[]any{"杭州市", "上城区、拱墅区、西湖区、滨江区、钱塘区、西湖风景名胜区", int64(300000)},
		[]any{"杭州市", "桐庐县", int64(200000)},
		[]any{"北京市", "房山区", nil},
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
