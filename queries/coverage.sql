-- name: coverage
-- description: Place × year matrix of what is loaded; has_data = false marks a gap rather than hiding it
-- params: place, year
SELECT place, place_level, year, has_data, catalogs, items, total_yuan, items_unknown_amount
FROM mart_coverage
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
ORDER BY compare_level, place, year;
