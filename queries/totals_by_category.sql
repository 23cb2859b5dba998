-- name: totals_by_category
-- description: Totals per place, year, phase and unified category, with the category's share of the place-year's basis (firm amounts, or caps where it has none)
-- params: place, year, category
SELECT place, place_level, year, phase, category, category_zh, items, total_yuan, items_unknown_amount,
       cap_yuan, actuals_yuan, basis, basis_yuan, share_pct
FROM mart_place_year_category
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY compare_level, place, year, phase, basis_yuan DESC NULLS LAST, category;
