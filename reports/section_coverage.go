package reports

func init() {
	registerSection(Section{
		SheetChart: &SheetChart{Value: "items", Label: []string{"place", "year"}},
		ID:         "coverage", Order: 60, Query: "coverage", Chart: "coverage", Sheet: "覆盖 Coverage",
		TitleZH: "数据覆盖", TitleEN: "Coverage: what is loaded per place and year",
		Columns: []column{{"place", "发布辖区 Place", kText}, {"place_level", "层级 Level", kLevel}, {"year", "年份 Year", kPlain}, {"has_data", "有数据 Loaded", kBool},
			{"catalogs", "目录 Catalogs", kInt}, {"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan},
			{"items_unknown_amount", "未列金额条目 Unknown", kInt}},
	})
}
