-- name: totals_by_city_year
-- description: Totals per city and year, with caps (最高资助) and actual-cost (按实结算) amounts apart, unknown amounts counted, and change on the city's previous year
-- params: city, year
SELECT city, year, jurisdictions, catalogs, items, total_yuan, items_unknown_amount,
       fixed_yuan, cap_yuan, actuals_yuan, prev_year, change_yuan, change_pct
FROM mart_city_year
WHERE ($city IS NULL OR city = $city OR contains(jurisdictions, $city))
  AND ($year IS NULL OR year = $year)
ORDER BY city, year;
