-- name: explore_region_facts
-- description: The dashboard's region ranking when there are too many line items to embed them all: line items, those of unknown amount and yuan (firm, caps, actual cost apart) per place, year, phase and implementation region; pseudo-regions that mean the whole city or province (全市, 全杭州市, 主城区, several districts in one cell) are folded into it and named as such
-- params: place, year, category
SELECT place_code, place, place_level, compare_level, place_city_code, place_province_code, year, phase, region_code, region_label,
       CAST(sum(items) AS BIGINT) AS items,
       CAST(sum(items_unknown_amount) AS BIGINT) AS items_unknown_amount,
       CAST(sum(firm_yuan) AS BIGINT) AS firm_yuan,
       CAST(sum(cap_yuan) AS BIGINT) AS cap_yuan,
       CAST(sum(actuals_yuan) AS BIGINT) AS actuals_yuan
FROM mart_explore_region
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
GROUP BY ALL
ORDER BY compare_level, place, year, phase, region_code;
