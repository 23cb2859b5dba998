package reports

func init() {
	registerSection(Section{
		ID: "largest", Order: 70, Query: "largest_items", Sheet: "最大项目 Largest items",
		TitleZH: "金额最大的项目", TitleEN: "The largest line items, with their catalog and source lines",
		Note: "单位：万元。最高资助 = 资助上限 (cap); 按实结算 = 按实际成本结算 (settled on actual cost). 出处 = 源文件:行号 (source file:lines).",
		Columns: []column{{"name", "项目 Project", kText}, {"organization", "承接单位 Organization", kText}, {"place", "发布辖区 Place", kText}, {"year", "年份 Year", kPlain},
			{"phase", "阶段 Phase", kPhase}, {"category_zh", "类别 Category", kText}, {"funding_zh", "资金来源 Funding", kText}, {"amount_yuan", "金额（万元）Amount", kWan},
			{"amount_kind", "类型 Kind", kAmountKind}, {"source_ref", "出处 Source", kText}},
	})
}
