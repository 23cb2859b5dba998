package reports

func init() {
	registerSection(Section{
		ID: "funding", Order: 40, Query: "totals_by_funding_source", Chart: "funding", Sheet: "按资金来源 By funding",
		TitleZH: "各城市资金来源构成", TitleEN: "Funding sources per city and year",
		Columns: []column{{"city", "城市 City", kText}, {"year", "年份 Year", kPlain}, {"funding_code", "资金来源代码 Code", kText},
			{"funding_zh", "资金来源 Funding source", kText}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}, {"cap_yuan", "其中最高资助（万元）Caps", kWan},
			{"actuals_yuan", "其中按实结算（万元）Actual cost", kWan}, {"share_pct", "占比 Share %", kPct}},
	})
}
