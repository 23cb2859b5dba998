-- name: totals_by_region
-- description: Implementation regions ranked by total (pseudo-regions such as 主城区 keep their printed name under the city's code)
-- params: place, year
SELECT place, place_level, year, phase, region_code, region_name, region_level, items, total_yuan,
       items_unknown_amount, cap_yuan, actuals_yuan, basis, basis_yuan, share_pct
FROM mart_region
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
ORDER BY basis_yuan DESC NULLS LAST, place, region_code, region_name;
