-- name: totals_by_region
-- description: Implementation regions ranked by total (pseudo-regions such as 主城区 keep their printed name under the city's code)
-- params: city, year
SELECT city, year, region_code, region_name, region_level, items, total_yuan,
       items_unknown_amount, cap_yuan, actuals_yuan, share_pct
FROM mart_region
WHERE ($city IS NULL OR city = $city)
  AND ($year IS NULL OR year = $year)
ORDER BY total_yuan DESC NULLS LAST, city, region_code, region_name;
