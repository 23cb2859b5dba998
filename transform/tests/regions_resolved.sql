-- description: every implementation region resolves to a GB/T 2260 code (add an alias to region_aliases.csv)
SELECT c.item_id, c.region_text, c.region_rule, c.source_file, li.region_line AS line
FROM clean_line_item c
JOIN line_item li USING (item_id)
WHERE c.region_code IS NULL OR c.region_code NOT IN (SELECT code FROM region);
