-- description: every catalog has line items, and every line item has its catalog
SELECT c.catalog_id, c.source_file, 'catalog without line items' AS problem
FROM catalog c
WHERE NOT EXISTS (SELECT 1 FROM line_item li WHERE li.catalog_id = c.catalog_id)
UNION ALL
SELECT li.catalog_id, li.item_id, 'line item without catalog'
FROM line_item li
WHERE NOT EXISTS (SELECT 1 FROM catalog c WHERE c.catalog_id = li.catalog_id);
