-- Writes the validated template rows of the catalogs listed in tpl_write
-- into line_item, set-based. Amounts: exact DECIMAL 万元 × 10,000 = BIGINT yuan.
INSERT INTO line_item (
    item_id, catalog_id, item_no, sub_no, code, name, alt_name, group_name, description, section,
    source_category, purchaser, target_group, region_text, region_line, funding_text, funding_line,
    amount_yuan, amount_text, amount_kind, tax_included, period_start, period_end,
    line_start, line_end, detail_line_start, detail_line_end)
SELECT trim(catalog_id) || '#' || trim(item_no),
       trim(catalog_id),
       trim(item_no),
       NULL, NULL,
       trim(name),
       NULL, NULL,
       nullif(trim(coalesce(description, '')), ''),
       $section,
       nullif(trim(coalesce(category, '')), ''),
       nullif(trim(coalesce(purchaser, '')), ''),
       nullif(trim(coalesce(target_group, '')), ''),
       nullif(trim(coalesce(region, '')), ''),
       CASE WHEN trim(coalesce(region, '')) <> '' THEN row_no END,
       nullif(trim(coalesce(funding, '')), ''),
       CASE WHEN trim(coalesce(funding, '')) <> '' THEN row_no END,
       CAST(CAST(nullif(replace(trim(coalesce(amount_wan, '')), ' ', ''), '') AS DECIMAL(18, 4)) * 10000 AS BIGINT),
       nullif(trim(coalesce(amount_wan, '')), ''),
       CASE WHEN nullif(replace(trim(coalesce(amount_wan, '')), ' ', ''), '') IS NULL THEN 'unknown'
            WHEN trim(coalesce(amount_kind, '')) IN ('cap', '最高资助') THEN 'cap'
            WHEN trim(coalesce(amount_kind, '')) IN ('actuals', '按实结算') THEN 'actuals'
            ELSE 'fixed' END,
       CASE WHEN trim(coalesce(tax_included, '')) IN ('是', 'yes', 'true', '含税') THEN true
            WHEN trim(coalesce(tax_included, '')) IN ('否', 'no', 'false', '不含税') THEN false END,
       CAST(nullif(trim(coalesce(period_start, '')), '') AS DATE),
       CAST(nullif(trim(coalesce(period_end, '')), '') AS DATE),
       row_no, row_no, NULL, NULL
FROM tpl
WHERE trim(catalog_id) IN (SELECT catalog_id FROM tpl_write)
