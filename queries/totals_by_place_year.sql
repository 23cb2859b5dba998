-- name: totals_by_place_year
-- description: Totals per place (the publisher's jurisdiction: 舟山市普陀区, not its city), year and phase: firm amounts, with caps (最高资助) and actual-cost (按实结算) amounts apart, unknown amounts counted, and change on the place's previous year
-- params: place, year
SELECT place, place_level, compare_level, year, phase, catalogs, items, total_yuan, items_unknown_amount,
       fixed_yuan, derived_yuan, approx_yuan, cap_yuan, actuals_yuan, basis, basis_yuan,
       prev_year, change_yuan, change_pct
FROM mart_place_year
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
ORDER BY compare_level, place, year, phase;
