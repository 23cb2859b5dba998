-- Writes the validated template rows of the catalogs listed in tpl_write
-- into line_item and stated_total, set-based, straight from the staged
-- (trimmed) cells. Amounts: the number in the catalog's unit, read as an
-- exact DECIMAL of the unit's scale (元 0, 万元 4, 亿元 8 decimals; 亿元 in 38 digits, as 10^13 yuan has 21 digits at scale 8) and
-- multiplied by 1, 10,000 or 100,000,000 = BIGINT yuan. The checks made sure
-- it is whole and below 10 万亿 yuan, so the casts neither round nor
-- overflow. A row with a total_label is a total the document states: its
-- scope is the listed 序号, or every item of the catalog.
CREATE OR REPLACE TEMP VIEW tpl_amounts AS
SELECT *,
       CASE amount_unit
            WHEN '元'   THEN CAST(CAST(nullif(amount_clean, '') AS DECIMAL(18, 0)) AS BIGINT)
            WHEN '亿元' THEN CAST(CAST(nullif(amount_clean, '') AS DECIMAL(38, 8)) * 100000000 AS BIGINT)  -- 18 digits overflow here
            ELSE             CAST(CAST(nullif(amount_clean, '') AS DECIMAL(18, 4)) * 10000 AS BIGINT) END AS yuan
FROM (
    SELECT *,
           coalesce(total_label, '') <> '' AS is_total,
           replace(replace(coalesce(nullif(amount, ''), amount_wan, ''), ' ', ''), ',', '') AS amount_clean,
           CASE WHEN coalesce(amount, '') = '' AND coalesce(amount_wan, '') <> '' THEN '万元'
                ELSE coalesce(nullif(unit, ''), '万元') END AS amount_unit
    FROM tpl
    WHERE catalog_id IN (SELECT catalog_id FROM tpl_write)
);

INSERT INTO line_item (
    item_id, catalog_id, item_no, sub_no, code, name, alt_name, group_name, description, section,
    source_category, purchaser, target_group, region_text, region_line, funding_text, funding_line,
    amount_yuan, amount_text, amount_kind, tax_included, period_start, period_end,
    line_start, line_end, detail_line_start, detail_line_end, source_location, organization, organization_code)
SELECT catalog_id || '#' || item_no,
       catalog_id,
       item_no,
       NULL, NULL,
       name,
       NULL, NULL,
       nullif(description, ''),
       $section,
       nullif(category, ''),
       nullif(purchaser, ''),
       nullif(target_group, ''),
       nullif(region, ''),
       CASE WHEN coalesce(region, '') <> '' THEN row_no END,
       nullif(funding, ''),
       CASE WHEN coalesce(funding, '') <> '' THEN row_no END,
       yuan,
       CASE WHEN amount_clean <> '' THEN amount_clean || amount_unit END,
       CASE WHEN yuan IS NULL THEN 'unknown'
            WHEN amount_kind IN ('cap', '最高资助') THEN 'cap'
            WHEN amount_kind IN ('actuals', '按实结算') THEN 'actuals'
            WHEN amount_kind IN ('derived', '共享') THEN 'derived'
            WHEN amount_kind IN ('approx', '约数') THEN 'approx'
            ELSE 'fixed' END,
       CASE WHEN tax_included IN ('是', 'yes', 'true', '含税') THEN true
            WHEN tax_included IN ('否', 'no', 'false', '不含税') THEN false END,
       CAST(nullif(period_start, '') AS DATE),
       CAST(nullif(period_end, '') AS DATE),
       row_no, row_no, NULL, NULL,
       $section || ' row ' || row_no,
       nullif(organization, ''),
       nullif(upper(coalesce(credit_code, '')), '')
FROM tpl_amounts
WHERE NOT is_total;

INSERT INTO stated_total (catalog_id, total_no, label, kind, metric, stated_value, scope, source_line, source_text, source_location, low_value, high_value)
SELECT t.catalog_id,
       CAST(row_number() OVER (PARTITION BY t.catalog_id ORDER BY t.row_no) AS INTEGER),
       t.total_label,
       'document_total',
       'amount_yuan',
       t.yuan,
       CASE WHEN coalesce(t.total_scope, '') = ''
            THEN (SELECT list(i.catalog_id || '#' || i.item_no ORDER BY i.row_no)
                  FROM tpl i WHERE coalesce(i.total_label, '') = '' AND i.catalog_id = t.catalog_id)
            ELSE list_transform(list_filter(regexp_split_to_array(t.total_scope, '\s*[、,，;；]\s*'), x -> x <> ''),
                                x -> t.catalog_id || '#' || x) END,
       t.row_no % 1000000,  -- rows of the 合计 sheet are staged as 1,000,000 + their row
       t.total_label || ' ' || t.amount_clean || t.amount_unit,
       coalesce(t._sheet, $section) || ' row ' || (t.row_no % 1000000),
       -- an approximate total's range, in the catalog's unit like its amount (the checks made sure both are numbers)
       CASE WHEN coalesce(t.total_low, '') <> '' AND coalesce(t.total_high, '') <> '' THEN
            CAST(CAST(t.total_low AS DECIMAL(38, 8)) * CASE t.amount_unit WHEN '元' THEN 1 WHEN '亿元' THEN 100000000 ELSE 10000 END AS BIGINT) END,
       CASE WHEN coalesce(t.total_low, '') <> '' AND coalesce(t.total_high, '') <> '' THEN
            CAST(CAST(t.total_high AS DECIMAL(38, 8)) * CASE t.amount_unit WHEN '元' THEN 1 WHEN '亿元' THEN 100000000 ELSE 10000 END AS BIGINT) END
FROM tpl_amounts t
WHERE t.is_total;
