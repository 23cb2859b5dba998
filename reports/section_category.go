package reports

func init() {
	registerSection(Section{
		ID: "category_mix", Order: 30, Query: "category_mix", Chart: "category_mix", Sheet: "类别构成 Category mix",
		TitleZH: "各城市资金类别构成", TitleEN: "Category mix per city (% of the city's total over all loaded years)",
		Columns: []column{{"city", "城市 City", kText}, {"category", "类别代码 Code", kText}, {"category_zh", "类别 Category", kText},
			{"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
			{"share_pct", "占比 Share %", kPct}},
	})
	registerSection(Section{
		ID: "category", Order: 35, Query: "totals_by_category", Sheet: "按类别 By category",
		TitleZH: "各城市历年分类别合计", TitleEN: "Totals per city, year and category",
		Columns: []column{{"city", "城市 City", kText}, {"year", "年份 Year", kPlain}, {"category", "类别代码 Code", kText},
			{"category_zh", "类别 Category", kText}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}, {"cap_yuan", "其中最高资助（万元）Caps", kWan},
			{"actuals_yuan", "其中按实结算（万元）Actual cost", kWan}, {"share_pct", "占比 Share %", kPct}},
	})
}
