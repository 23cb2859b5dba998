-- name: coverage
-- description: City × year matrix of what is loaded; has_data = false marks a gap rather than hiding it
-- params: city, year
SELECT city, year, has_data, catalogs, items, total_yuan, items_unknown_amount
FROM mart_coverage
WHERE ($city IS NULL OR city = $city)
  AND ($year IS NULL OR year = $year)
ORDER BY city, year;
