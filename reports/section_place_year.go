package reports

func init() {
	registerSection(Section{
		SheetChart: &SheetChart{Value: "total_yuan", Label: []string{"place", "year", "phase"}},
		ID:         "place_year", Order: 20, Query: "totals_by_place_year", Chart: "place_year", Sheet: "按地区年份 By place-year",
		TitleZH: "各地区历年资金总额", TitleEN: "Allocation by place (publishing jurisdiction) and year",

		Columns: []column{{"place", "发布辖区 Place", kText}, {"place_level", "层级 Level", kLevel}, {"year", "年份 Year", kPlain},
			{"phase", "阶段 Phase", kPhase}, {"catalogs", "目录 Catalogs", kInt},
			{"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
			{"cap_yuan", "最高资助（万元）Caps", kWan}, {"actuals_yuan", "按实结算（万元）Actual cost", kWan},
			{"change_yuan", "较上年（万元）Change", kWan}, {"change_pct", "较上年 % Change", kPct}},
	})
}

// hierarchyNote is the footnote on how places are counted, printed under
// every table that compares places.
const hierarchyNote = "每份目录只计入其发布辖区（如 舟山市普陀区），市的合计不含其区县目录，故不重复计算；同级相比（区县与区县）。“合计”为定额类金额，最高资助与按实结算另列；不同阶段（预算、批复、中标、拨付）不相加。" +
	"Each catalog counts for the jurisdiction that publishes it only: a city's total does not include its districts' catalogs, so nothing is counted twice (totals_by_city_rollup adds them without overlap). Totals are firm amounts; caps and actual-cost figures are apart; phases are never added."
