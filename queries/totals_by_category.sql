-- name: totals_by_category
-- description: Totals per city, year and unified category, with the category's share of the city-year total
-- params: city, year, category
SELECT city, year, category, category_zh, items, total_yuan, items_unknown_amount,
       cap_yuan, actuals_yuan, share_pct
FROM mart_city_year_category
WHERE ($city IS NULL OR city = $city)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY city, year, total_yuan DESC NULLS LAST, category;
