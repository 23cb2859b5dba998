package reports

func init() {
	registerSection(Section{
		ID: "catalogs", Order: 10, Query: "catalogs", Sheet: "目录 Catalogs",
		TitleZH: "目录与对账", TitleEN: "Catalogs and reconciliation of the totals each document states about itself",
		Note: "“ok n/n”：文件自述的全部合计（合计、资金池、单位数、项目数）均与明细一致；“no stated totals”：文件未自述合计。合计为定额类金额，最高资助与按实结算另列。“ok n/n”: every total the document states equals the sum of its line items. Totals are firm amounts; caps and actual-cost figures are shown apart. 审核 Review：read 为按版式或有把握的读取；unreviewed 为低于置信阈值、经 ingest --accept 原样载入，未经人工核对；reviewed 为人工填写或核对的草稿。read: a layout or a confident reading; unreviewed: a reading below the confidence threshold loaded as it is (ingest --accept), not checked by a person; reviewed: a template or a corrected draft.",
		Columns: []column{{"catalog_id", "目录 Catalog", kText}, {"place", "发布辖区 Place", kText}, {"place_level", "层级 Level", kLevel},
			{"year", "年份 Year", kPlain}, {"phase", "阶段 Phase", kPhase}, {"review", "审核 Review", kText}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"cap_yuan", "最高资助（万元）Caps", kWan}, {"actuals_yuan", "按实结算（万元）Actual cost", kWan},
			{"items_without_amount", "未列金额 Unknown", kInt}, {"organizations", "单位 Organizations", kInt}, {"reconciliation", "对账 Reconciliation", kStatus}},
	})
}
