-- description: keys and required columns are never NULL (item_id, catalog_id, name, year, category, funding_code, amount_kind, source lines)
SELECT item_id, catalog_id, source_file, line_start
FROM clean_line_item
WHERE item_id IS NULL OR catalog_id IS NULL OR name IS NULL OR trim(name) = '' OR year IS NULL
   OR category IS NULL OR amount_kind IS NULL OR line_start IS NULL OR line_end IS NULL;
