-- name: explore_facts
-- description: The aggregates behind the dashboard's in-page filters when there are too many line items to embed them all: per place, year, phase, category, funding source and the city whose catalog already lists the money, the line items, those of unknown amount and the yuan of each amount kind (fixed, shared, approximate, caps, actual cost: never added here)
-- params: place, year, category
SELECT f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, f.category, f.category_zh, f.funding_code, f.funding_zh,
       coalesce(ov.covered_by, '') AS covered_by,
       count(*) AS items,
       count(*) FILTER (WHERE f.amount_yuan IS NULL) AS items_unknown_amount,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'fixed')   AS fixed_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'derived') AS derived_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'approx')  AS approx_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'cap')     AS cap_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'actuals') AS actuals_yuan
FROM item_fact f
JOIN catalog_place p USING (catalog_id)
LEFT JOIN item_overlap ov USING (item_id)
WHERE in_place(f.place_code, $place)
  AND ($year IS NULL OR f.year = $year)
  AND ($category IS NULL OR f.category = $category OR f.category_zh = $category)
GROUP BY ALL
ORDER BY f.compare_level, f.place, f.year, f.phase, f.category, f.funding_code, covered_by;
