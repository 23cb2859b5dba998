-- name: category_mix
-- description: Each place's category mix as shares over all its loaded years, per phase, for comparing places of a level; basis says whether the shares are of firm amounts or, for a place with none, of its caps
-- params: place, category
SELECT place, place_level, compare_level, phase, years, category, category_zh, items, total_yuan, cap_yuan,
       items_unknown_amount, basis, basis_yuan, share_pct
FROM mart_category_mix
WHERE in_place(place_code, $place)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY compare_level, place, phase, share_pct DESC NULLS LAST, category;
