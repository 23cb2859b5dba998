-- Writes the validated template rows of the catalogs listed in tpl_write
-- into line_item and stated_total, set-based. Amounts: the exact DECIMAL
-- number in the catalog's unit × 1 (元), 10,000 (万元) or 100,000,000 (亿元)
-- = BIGINT yuan (the checks made sure it is whole). A row with a total_label
-- is a total the document states: its scope is the listed 序号, or every
-- item of the catalog.
CREATE OR REPLACE TEMP TABLE tpl_rows AS
SELECT *,
       trim(coalesce(total_label, '')) <> '' AS is_total,
       replace(replace(trim(coalesce(nullif(trim(amount), ''), amount_wan, '')), ' ', ''), ',', '') AS amount_clean,
       CASE WHEN trim(coalesce(amount, '')) = '' AND trim(coalesce(amount_wan, '')) <> '' THEN '万元'
            ELSE coalesce(nullif(trim(coalesce(unit, '')), ''), '万元') END AS amount_unit
FROM tpl
WHERE trim(catalog_id) IN (SELECT catalog_id FROM tpl_write);

CREATE OR REPLACE TEMP TABLE tpl_amounts AS
SELECT *,
       CAST(CAST(nullif(amount_clean, '') AS DECIMAL(38, 8))
            * CASE amount_unit WHEN '元' THEN 1 WHEN '亿元' THEN 100000000 ELSE 10000 END AS BIGINT) AS yuan
FROM tpl_rows;

INSERT INTO line_item (
    item_id, catalog_id, item_no, sub_no, code, name, alt_name, group_name, description, section,
    source_category, purchaser, target_group, region_text, region_line, funding_text, funding_line,
    amount_yuan, amount_text, amount_kind, tax_included, period_start, period_end,
    line_start, line_end, detail_line_start, detail_line_end, source_location, organization, organization_code)
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
       yuan,
       CASE WHEN amount_clean <> '' THEN amount_clean || amount_unit END,
       CASE WHEN yuan IS NULL THEN 'unknown'
            WHEN trim(coalesce(amount_kind, '')) IN ('cap', '最高资助') THEN 'cap'
            WHEN trim(coalesce(amount_kind, '')) IN ('actuals', '按实结算') THEN 'actuals'
            WHEN trim(coalesce(amount_kind, '')) IN ('derived', '共享') THEN 'derived'
            WHEN trim(coalesce(amount_kind, '')) IN ('approx', '约数') THEN 'approx'
            ELSE 'fixed' END,
       CASE WHEN trim(coalesce(tax_included, '')) IN ('是', 'yes', 'true', '含税') THEN true
            WHEN trim(coalesce(tax_included, '')) IN ('否', 'no', 'false', '不含税') THEN false END,
       CAST(nullif(trim(coalesce(period_start, '')), '') AS DATE),
       CAST(nullif(trim(coalesce(period_end, '')), '') AS DATE),
       row_no, row_no, NULL, NULL,
       $section || ' row ' || row_no,
       nullif(trim(coalesce(organization, '')), ''),
       nullif(upper(trim(coalesce(credit_code, ''))), '')
FROM tpl_amounts
WHERE NOT is_total;

INSERT INTO stated_total (catalog_id, total_no, label, kind, metric, stated_value, scope, source_line, source_text, source_location)
SELECT trim(t.catalog_id),
       CAST(row_number() OVER (PARTITION BY trim(t.catalog_id) ORDER BY t.row_no) AS INTEGER),
       trim(t.total_label),
       'document_total',
       'amount_yuan',
       t.yuan,
       CASE WHEN trim(coalesce(t.total_scope, '')) = ''
            THEN (SELECT list(trim(i.catalog_id) || '#' || trim(i.item_no) ORDER BY i.row_no)
                  FROM tpl_rows i WHERE NOT i.is_total AND trim(i.catalog_id) = trim(t.catalog_id))
            ELSE list_transform(list_filter(regexp_split_to_array(trim(t.total_scope), '\s*[、,，;；]\s*'), x -> x <> ''),
                                x -> trim(t.catalog_id) || '#' || x) END,
       t.row_no % 1000000,  -- rows of the 合计 sheet are staged as 1,000,000 + their row
       trim(t.total_label) || ' ' || t.amount_clean || t.amount_unit,
       coalesce(t._sheet, $section) || ' row ' || (t.row_no % 1000000)
FROM tpl_amounts t
WHERE t.is_total;
