-- name: line_items
-- description: Every cleaned line item with place, phase, organization, category, funding source, region, amount and source lines
-- params: place, year, category
SELECT item_id, place, place_level, jurisdiction, year, phase, item_no, code, name, organization, organization_code,
       category, category_rule, funding_code, funding_text, region_code, region_name,
       amount_yuan, amount_text, amount_kind, amount_basis, covered_by_place_code, tax_included, source_file, line_start, line_end, source_location
FROM clean_line_item
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY year, place, catalog_id, line_start, item_id;
