package reports

func init() {
	registerSection(Section{
		ID: "regions", Order: 50, Query: "totals_by_region", Chart: "regions", Sheet: "按地区 By region",
		TitleZH: "实施地区资金排名", TitleEN: "Implementation regions ranked by total",
		Columns: []column{{"city", "城市 City", kText}, {"year", "年份 Year", kPlain}, {"region_code", "区划代码 Code", kText},
			{"region_name", "实施地区 Region", kText}, {"region_level", "层级 Level", kText}, {"items", "条目 Items", kInt},
			{"total_yuan", "合计（万元）Total", kWan}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
			{"cap_yuan", "其中最高资助（万元）Caps", kWan}, {"actuals_yuan", "其中按实结算（万元）Actual cost", kWan}, {"share_pct", "占比 Share %", kPct}},
	})
}
