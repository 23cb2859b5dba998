-- name: category_mix
-- description: Each city's category mix as shares of its total over all loaded years, for comparing cities
-- params: city, category
SELECT city, years, category, category_zh, items, total_yuan, items_unknown_amount, share_pct
FROM mart_category_mix
WHERE ($city IS NULL OR city = $city)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY city, share_pct DESC NULLS LAST, category;
