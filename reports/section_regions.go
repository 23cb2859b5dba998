package reports

func init() {
	registerSection(Section{
		SheetChart: &SheetChart{Value: "total_yuan", Label: []string{"place", "region_name"}},
		ID:         "regions", Order: 50, Query: "totals_by_region", Chart: "regions", Sheet: "按实施地区 By region",
		TitleZH: "实施地区资金排名", TitleEN: "Implementation regions ranked by total",
		Columns: []column{{"place", "发布辖区 Place", kText}, {"year", "年份 Year", kPlain}, {"phase", "阶段 Phase", kPhase}, {"region_code", "区划代码 Code", kText},
			{"region_name", "实施地区 Region", kText}, {"region_level", "层级 Level", kText}, {"items", "条目 Items", kInt},
			{"total_yuan", "合计（万元）Total", kWan}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
			{"cap_yuan", "最高资助（万元）Caps", kWan}, {"actuals_yuan", "按实结算（万元）Actual cost", kWan}, {"basis", "口径 Basis", kBasis}, {"share_pct", "占比 Share %", kPct}},
	})
}
