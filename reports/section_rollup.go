package reports

func init() {
	registerSection(Section{
		ID: "city_rollup", Order: 25, Query: "totals_by_city_rollup", Sheet: "市含区县 City roll-up",
		TitleZH: "市级合计（含所辖区县目录）", TitleEN: "Cities with their districts' catalogs added, without counting money twice",
		Note: "区县目录中的资金，若市级目录同年同阶段已将同类资金（如福彩公益金）分配给该区县，则视为同一笔钱，不再相加（重叠 Overlap）。" +
			"District money is left out (overlap) where the city's own catalog of the same year and phase already allocates money of the same funding family to that district.",
		Columns: []column{{"city", "市 City", kText}, {"year", "年份 Year", kPlain}, {"phase", "阶段 Phase", kPhase},
			{"city_catalogs", "市级目录 City catalogs", kInt}, {"district_catalogs", "区县目录 District catalogs", kInt},
			{"city_yuan", "市级（万元）City", kWan}, {"districts_yuan", "区县（万元）Districts", kWan},
			{"overlap_yuan", "重叠未计（万元）Overlap", kWan}, {"rollup_yuan", "合计（万元）Roll-up", kWan}},
	})
}
