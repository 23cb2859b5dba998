-- name: totals_by_city_rollup
-- description: Each city with its districts' catalogs added, per year and phase (firm amounts), leaving out district money the city's own catalog already allocates to that district from the same funding family (overlap_yuan)
-- params: place, year
SELECT city, year, phase, city_catalogs, district_catalogs, city_yuan, districts_yuan, overlap_yuan, overlap_items, rollup_yuan
FROM mart_city_rollup
WHERE ($place IS NULL OR city_code IN (SELECT place_city_code FROM catalog_place WHERE in_place(place_code, $place)))
  AND ($year IS NULL OR year = $year)
ORDER BY city, year, phase;
