-- Checks of a staged template (temp table tpl: row_no and every template
-- column as text). Each SELECT lists the cells that break one rule, as
-- (row_no, column_name, reason). Parameters: $categories, $funding (lists).
WITH t AS MATERIALIZED (
    SELECT row_no,
           trim(coalesce(catalog_id, ''))   AS catalog_id,
           trim(coalesce(title, ''))        AS title,
           trim(coalesce(publisher, ''))    AS publisher,
           trim(coalesce(province, ''))     AS province,
           trim(coalesce(city, ''))         AS city,
           trim(coalesce(district, ''))     AS district,
           trim(coalesce(admin_code, ''))   AS admin_code,
           trim(coalesce(level, ''))        AS level,
           trim(coalesce(year, ''))         AS year,
           trim(coalesce(published, ''))    AS published,
           trim(coalesce(synthetic, ''))    AS synthetic,
           trim(coalesce(item_no, ''))      AS item_no,
           trim(coalesce(name, ''))         AS name,
           trim(coalesce(category, ''))     AS category,
           trim(coalesce(funding, ''))      AS funding,
           replace(trim(coalesce(amount_wan, '')), ' ', '') AS amount_wan,
           trim(coalesce(amount_kind, ''))  AS amount_kind,
           trim(coalesce(tax_included, '')) AS tax_included,
           trim(coalesce(period_start, '')) AS period_start,
           trim(coalesce(period_end, ''))   AS period_end
    FROM tpl
), required AS (
    SELECT row_no, unnest(['catalog_id', 'title', 'publisher', 'province', 'city', 'admin_code', 'level', 'year', 'item_no', 'name']) AS column_name,
           unnest([catalog_id, title, publisher, province, city, admin_code, level, year, item_no, name]) AS value
    FROM t
    WHERE '' IN (catalog_id, title, publisher, province, city, admin_code, level, year, item_no, name)
)
SELECT row_no, column_name, 'required' AS reason FROM required WHERE value = ''
UNION ALL
SELECT row_no, 'catalog_id', '"' || catalog_id || '" must be lower-case letters, digits and - (e.g. wenzhou-2024-purchase)'
FROM t WHERE catalog_id <> '' AND NOT regexp_full_match(catalog_id, '[a-z0-9][a-z0-9-]{2,80}')
UNION ALL
SELECT row_no, 'year', '"' || year || '" is not a year between 1990 and 2100'
FROM t WHERE year <> '' AND coalesce(TRY_CAST(year AS INTEGER) NOT BETWEEN 1990 AND 2100, true)
UNION ALL
SELECT row_no, 'admin_code', '"' || admin_code || '" is not a 6-digit GB/T 2260 code'
FROM t WHERE admin_code <> '' AND NOT regexp_full_match(admin_code, '[0-9]{6}')
UNION ALL
SELECT row_no, 'level', '"' || level || '" must be one of national, province, city, district, county, street'
FROM t WHERE level <> '' AND level NOT IN ('national', 'province', 'city', 'district', 'county', 'street')
UNION ALL
SELECT row_no, 'published', '"' || published || '" is not a date YYYY-MM-DD'
FROM t WHERE published <> '' AND (NOT regexp_full_match(published, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(published AS DATE) IS NULL)
UNION ALL
SELECT row_no, 'synthetic', '"' || synthetic || '" is not true or false'
FROM t WHERE synthetic NOT IN ('', 'true', 'false', '是', '否')
UNION ALL
SELECT row_no, 'catalog_id', 'the catalog columns differ from an earlier row of the same catalog_id'
FROM (SELECT * FROM t WHERE catalog_id IN (
          SELECT catalog_id FROM t GROUP BY catalog_id
          HAVING count(DISTINCT hash(title, publisher, province, city, district, admin_code, level, year, published, synthetic)) > 1))
QUALIFY [title, publisher, province, city, district, admin_code, level, year, published, synthetic]
        <> first_value([title, publisher, province, city, district, admin_code, level, year, published, synthetic])
           OVER (PARTITION BY catalog_id ORDER BY row_no)
UNION ALL
SELECT row_no, 'item_no', '"' || item_no || '" may not contain ''#'', ''/'' or spaces'
FROM t WHERE regexp_matches(item_no, '[#/ ]')
UNION ALL
SELECT row_no, 'item_no', '序号 ' || item_no || ' appears twice in catalog ' || catalog_id || ' (first in row ' || first_row || ')'
FROM (SELECT t.row_no, t.item_no, t.catalog_id, d.first_row
      FROM t
      JOIN (SELECT catalog_id, item_no, min(row_no) AS first_row FROM t WHERE item_no <> ''
            GROUP BY catalog_id, item_no HAVING count(*) > 1) d USING (catalog_id, item_no))
WHERE row_no <> first_row
UNION ALL
SELECT row_no, 'category', '"' || category || '" is not a category (one of: ' || array_to_string($categories, ', ') || ')'
FROM t WHERE category <> '' AND NOT list_contains($categories, category)
UNION ALL
SELECT row_no, 'funding', '"' || funding || '" is not a known funding source; use one of the list or add an alias to data/ref/funding_aliases.csv'
FROM t WHERE funding <> '' AND NOT list_contains($funding, funding)
UNION ALL
SELECT row_no, 'amount_wan',
       CASE WHEN starts_with(amount_wan, '-') THEN '"' || amount_wan || '" is negative'
            WHEN ends_with(amount_wan, '万元') OR ends_with(amount_wan, '万') THEN '"' || amount_wan || '": write the number only; the column is already in 万元'
            WHEN ends_with(amount_wan, '元') THEN '"' || amount_wan || '" is in 元; the column is in 万元 (divide by 10,000)'
            WHEN regexp_full_match(amount_wan, '[0-9]{10,}(\.[0-9]{1,4})?') THEN '"' || amount_wan || '" is too large: more than 999,999,999 万元 (about 10 万亿 yuan) in one line item'
            ELSE '"' || amount_wan || '" is not a number of 万元 with at most 4 decimals' END
FROM t WHERE amount_wan <> '' AND NOT regexp_full_match(amount_wan, '[0-9]{1,9}(\.[0-9]{1,4})?')
UNION ALL
SELECT row_no, 'amount_kind',
       CASE WHEN amount_kind NOT IN ('fixed', '定额', 'cap', '最高资助', 'actuals', '按实结算', 'unknown', '未列')
                THEN '"' || amount_kind || '" is not fixed/定额, cap/最高资助 or actuals/按实结算'
            WHEN amount_kind IN ('unknown', '未列') THEN 'unknown, but an amount is given'
            ELSE amount_kind || ' needs an amount' END
FROM t
WHERE amount_kind <> ''
  AND (amount_kind NOT IN ('fixed', '定额', 'cap', '最高资助', 'actuals', '按实结算', 'unknown', '未列')
       OR (amount_kind IN ('unknown', '未列') AND amount_wan <> '')
       OR (amount_kind NOT IN ('unknown', '未列') AND amount_wan = ''))
UNION ALL
SELECT row_no, 'tax_included', '"' || tax_included || '" is not 是 or 否'
FROM t WHERE tax_included NOT IN ('', '是', 'yes', 'true', '含税', '否', 'no', 'false', '不含税')
UNION ALL
SELECT row_no, 'period_start', '"' || period_start || '" is not a date YYYY-MM-DD'
FROM t WHERE period_start <> '' AND (NOT regexp_full_match(period_start, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(period_start AS DATE) IS NULL)
UNION ALL
SELECT row_no, 'period_end', '"' || period_end || '" is not a date YYYY-MM-DD'
FROM t WHERE period_end <> '' AND (NOT regexp_full_match(period_end, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(period_end AS DATE) IS NULL)
UNION ALL
SELECT row_no, column_name, 'contains a control character (such as NUL, U+0000); remove it'
FROM (UNPIVOT tpl ON COLUMNS(* EXCLUDE (row_no)) INTO NAME column_name VALUE value)
WHERE regexp_matches(value, '[\x00-\x08\x0B\x0C\x0E-\x1F]')
ORDER BY row_no, column_name
