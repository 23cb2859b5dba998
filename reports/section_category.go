package reports

func init() {
	registerSection(Section{
		SheetChart: &SheetChart{Value: "share_pct", Label: []string{"place", "phase", "category_zh"}},
		ID:         "category_mix", Order: 30, Query: "category_mix", Chart: "category_mix", Sheet: "类别构成 Category mix",
		TitleZH: "各地区资金类别构成", TitleEN: "Category mix per place (% of the place's total over all loaded years)",
		Note: "占比以定额类金额计；只有最高资助的地区以最高资助计（口径 Basis 注明）。Shares of firm amounts; a place with only caps shows shares of its caps (see Basis).",
		Columns: []column{{"place", "发布辖区 Place", kText}, {"phase", "阶段 Phase", kPhase}, {"category", "类别代码 Code", kText}, {"category_zh", "类别 Category", kText},
			{"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan}, {"cap_yuan", "最高资助（万元）Caps", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}, {"basis", "口径 Basis", kBasis}, {"share_pct", "占比 Share %", kPct}},
	})
	registerSection(Section{
		ID: "category", Order: 35, Query: "totals_by_category", Sheet: "按类别 By category",
		TitleZH: "各地区历年分类别合计", TitleEN: "Totals per place, year and category",
		Columns: []column{{"place", "发布辖区 Place", kText}, {"year", "年份 Year", kPlain}, {"phase", "阶段 Phase", kPhase}, {"category", "类别代码 Code", kText},
			{"category_zh", "类别 Category", kText}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}, {"cap_yuan", "最高资助（万元）Caps", kWan},
			{"actuals_yuan", "按实结算（万元）Actual cost", kWan}, {"basis", "口径 Basis", kBasis}, {"share_pct", "占比 Share %", kPct}},
	})
}
