-- name: line_items
-- description: Every cleaned line item with category, funding source, region, amount and source lines
-- params: city, year, category
SELECT item_id, city, jurisdiction, year, item_no, code, name, category, category_rule,
       funding_code, funding_text, region_code, region_name, amount_yuan, amount_text, amount_kind,
       tax_included, source_file, line_start, line_end
FROM clean_line_item
WHERE ($city IS NULL OR city = $city OR district = $city)
  AND ($year IS NULL OR year = $year)
  AND ($category IS NULL OR category = $category OR category_zh = $category)
ORDER BY year, city, catalog_id, line_start;
