package reports

func init() {
	registerSection(Section{
		ID: "organizations", Order: 65, Query: "top_organizations", Sheet: "承接单位 Organizations",
		TitleZH: "获资助最多的单位", TitleEN: "Organizations funded most",
		Note: "单位名称经宽度、括号、繁简体归一后合并；印有统一社会信用代码者按代码合并。Names folded for width, brackets and traditional characters; joined by credit code where printed.",
		Columns: []column{{"organization", "单位 Organization", kText}, {"credit_code", "统一社会信用代码 Credit code", kText}, {"phase", "阶段 Phase", kPhase},
			{"items", "条目 Items", kInt}, {"total_yuan", "合计（万元）Total", kWan}, {"cap_yuan", "最高资助（万元）Caps", kWan},
			{"places", "资助地区数 Places", kInt}, {"years", "年数 Years", kInt}, {"place_list", "发布辖区 Places", kText}, {"printed_as", "原文名称 Printed as", kText}},
	})
}
