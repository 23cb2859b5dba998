-- name: explore_region_facts
-- description: The dashboard's region ranking when there are too many line items to embed them all: line items, those of unknown amount and yuan (firm, caps, actual cost apart) per place, year, phase and implementation region; pseudo-regions that mean the whole city or province (全市, 全杭州市, 主城区, several districts in one cell) are folded into it and named as such
-- params: place, year, category
SELECT f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, coalesce(f.region_code, '') AS region_code, region_label(f.region_code, f.region_level, r.name, f.region_name) AS region_label,
       count(*) AS items,
       count(*) FILTER (WHERE f.amount_yuan IS NULL) AS items_unknown_amount,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'firm')    AS firm_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'cap')     AS cap_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'actuals') AS actuals_yuan
FROM item_fact f
JOIN catalog_place p USING (catalog_id)
LEFT JOIN ref_regions r ON r.code = f.region_code
WHERE in_place(f.place_code, $place)
  AND ($year IS NULL OR f.year = $year)
  AND ($category IS NULL OR f.category = $category OR f.category_zh = $category)
GROUP BY ALL
ORDER BY f.compare_level, f.place, f.year, f.phase, region_code;
