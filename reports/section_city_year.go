package reports

func init() {
	registerSection(Section{
		ID: "city_year", Order: 20, Query: "totals_by_city_year", Chart: "city_year", Sheet: "按城市年份 By city-year",
		TitleZH: "各城市历年资金总额", TitleEN: "Total allocation by city and year",
		Columns: []column{{"city", "城市 City", kText}, {"year", "年份 Year", kPlain}, {"catalogs", "目录 Catalogs", kInt},
			{"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
			{"fixed_yuan", "定额（万元）Fixed", kWan}, {"cap_yuan", "最高资助（万元）Caps", kWan}, {"actuals_yuan", "按实结算（万元）Actual cost", kWan},
			{"change_yuan", "较上年（万元）Change", kWan}, {"change_pct", "较上年 % Change", kPct}},
	})
}
