-- name: explore_facts
-- description: The aggregates behind the dashboard's in-page filters when there are too many line items to embed them all: per place, year, phase, category, funding source and the city whose catalog already lists the money, the line items, those of unknown amount and the yuan of each amount kind (fixed, shared, approximate, caps, actual cost: never added here)
-- params: place, year, category
SELECT *
FROM mart_explore
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY compare_level, place, year, phase, category, funding_code, covered_by;
