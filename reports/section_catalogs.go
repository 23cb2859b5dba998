package reports

func init() {
	registerSection(Section{
		ID: "catalogs", Order: 10, Query: "catalogs", Sheet: "目录 Catalogs",
		TitleZH: "目录与对账", TitleEN: "Catalogs and reconciliation of the totals each document states about itself",
		Note: "“ok n/n”：文件自述的全部合计（合计、资金池、单位数、项目数）均与明细一致；“no stated totals”：文件未自述合计。“ok n/n”: every total the document states (合计, funding pools, counts) equals the sum of its line items.",
		Columns: []column{{"catalog_id", "目录 Catalog", kText}, {"city", "城市 City", kText}, {"district", "区县 District", kText},
			{"year", "年份 Year", kPlain}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_without_amount", "未列金额 Unknown", kInt}, {"reconciliation", "对账 Reconciliation", kStatus}},
	})
}
