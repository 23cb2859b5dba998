package reports

func init() {
	registerSection(Section{
		SheetChart: &SheetChart{Value: "total_yuan", Label: []string{"place", "year", "funding_zh"}},
		ID:         "funding", Order: 40, Query: "totals_by_funding_source", Chart: "funding", Sheet: "按资金来源 By funding",
		TitleZH: "各地区资金来源构成", TitleEN: "Funding sources per place and year",
		Columns: []column{{"place", "发布辖区 Place", kText}, {"year", "年份 Year", kPlain}, {"phase", "阶段 Phase", kPhase}, {"funding_code", "资金来源代码 Code", kText},
			{"funding_zh", "资金来源 Funding source", kText}, {"funding_level", "资金层级 Fund level", kText}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}, {"cap_yuan", "最高资助（万元）Caps", kWan},
			{"actuals_yuan", "按实结算（万元）Actual cost", kWan}, {"basis", "口径 Basis", kBasis}, {"share_pct", "占比 Share %", kPct}},
	})
}
