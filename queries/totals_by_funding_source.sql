-- name: totals_by_funding_source
-- description: Totals per city, year and funding source (福彩金, 社区服务业资金, … or 未注明), with shares
-- params: city, year
SELECT city, year, funding_code, funding_zh, items, total_yuan, items_unknown_amount,
       cap_yuan, actuals_yuan, share_pct
FROM mart_city_year_funding
WHERE ($city IS NULL OR city = $city)
  AND ($year IS NULL OR year = $year)
ORDER BY city, year, total_yuan DESC NULLS LAST, funding_code;
