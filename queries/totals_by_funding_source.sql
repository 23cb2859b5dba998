-- name: totals_by_funding_source
-- description: Totals per place, year, phase and funding source (福彩公益金 of each level, 社区服务业资金, … or 未注明), with the fund's family and level and its share
-- params: place, year
SELECT place, place_level, year, phase, funding_code, funding_zh, funding_family, funding_level, items, total_yuan,
       items_unknown_amount, cap_yuan, actuals_yuan, basis, basis_yuan, share_pct
FROM mart_place_year_funding
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
ORDER BY compare_level, place, year, phase, basis_yuan DESC NULLS LAST, funding_code;
