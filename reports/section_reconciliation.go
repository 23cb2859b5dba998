package reports

func init() {
	registerSection(Section{
		ID: "reconciliation", Order: 80, Query: "reconciliation", Sheet: "对账 Reconciliation",
		TitleZH: "自述合计对账", TitleEN: "Every total a document states about itself, next to the sum of its line items",
		Note: "不一致者排在最前。Totals that do not reconcile come first; `fundscope check` fails on them.",
		Columns: []column{{"catalog_id", "目录 Catalog", kText}, {"place", "发布辖区 Place", kText},
			{"year", "年份 Year", kPlain}, {"label", "自述合计 Stated total", kText}, {"kind", "类型 Kind", kText}, {"metric", "度量 Metric", kText},
			{"stated_value", "文件所述 Stated", kInt}, {"computed_value", "明细计算 Computed", kInt}, {"reconciled", "一致 Reconciled", kBool},
			{"source_file", "源文件 File", kText}, {"source_line", "行 Line", kPlain}},
	})
}
