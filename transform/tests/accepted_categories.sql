-- description: every category is one of data/ref/categories.csv (category rules may name only those)
SELECT item_id, category, category_rule, source_file, line_start
FROM clean_line_item
WHERE category NOT IN (SELECT code FROM ref_categories);
