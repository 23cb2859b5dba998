-- Checks of a staged template (temp table tpl: row_no and every template
-- column as text, trimmed when staged). Each SELECT lists the cells that
-- break one rule, as (row_no, column_name, reason). Parameter: $categories
-- (list). A funding source outside the reference list is not an error: it is
-- kept as printed, counted as other and warned about
-- (template_warnings.sql). A row with a total_label is a total the document
-- states, not a line item. The common table t is a projection, not a copy:
-- each check reads the staged columns it needs (materializing every trimmed
-- cell once cost more than all the checks together at a million rows).
WITH t0 AS NOT MATERIALIZED (
    SELECT row_no,
           coalesce(catalog_id, '')   AS catalog_id,
           coalesce(title, '')        AS title,
           coalesce(publisher, '')    AS publisher,
           coalesce(province, '')     AS province,
           coalesce(city, '')         AS city,
           coalesce(district, '')     AS district,
           coalesce(admin_code, '')   AS admin_code,
           coalesce(level, '')        AS level,
           coalesce(year, '')         AS year,
           coalesce(published, '')    AS published,
           coalesce(synthetic, '')    AS synthetic,
           coalesce(unit, '')         AS unit,
           coalesce(phase, '')        AS phase,
           coalesce(total_label, '')  AS total_label,
           coalesce(total_scope, '')  AS total_scope,
           coalesce(total_low, '')    AS total_low,
           coalesce(total_high, '')   AS total_high,
           coalesce(item_no, '')      AS item_no,
           coalesce(name, '')         AS name,
           coalesce(category, '')     AS category,
           coalesce(funding, '')      AS funding,
           replace(replace(coalesce(nullif(amount, ''), amount_wan, ''), ' ', ''), ',', '') AS amount,
           coalesce(amount, '') <> '' AND coalesce(amount_wan, '') <> '' AS both_amounts,
           CASE WHEN coalesce(amount, '') = '' AND coalesce(amount_wan, '') <> '' THEN 'amount_wan' ELSE 'amount' END AS amount_col,
           CASE WHEN coalesce(amount, '') = '' AND coalesce(amount_wan, '') <> '' THEN '万元'
                ELSE coalesce(nullif(unit, ''), '万元') END AS amount_unit,
           coalesce(amount_kind, '')  AS amount_kind,
           coalesce(tax_included, '') AS tax_included,
           coalesce(period_start, '') AS period_start,
           coalesce(period_end, '')   AS period_end
    FROM tpl
), t AS NOT MATERIALIZED (
    SELECT *, total_label <> '' AS is_total,
           CASE amount_unit WHEN '元' THEN 1 WHEN '万元' THEN 10000 WHEN '亿元' THEN 100000000 END AS factor
    FROM t0
), required AS (
    SELECT row_no, unnest(['catalog_id', 'title', 'publisher', 'province', 'city', 'admin_code', 'level', 'year', 'item_no', 'name']) AS column_name,
           unnest([catalog_id, title, publisher, province,
                   CASE WHEN level IN ('province', 'national') THEN '-' ELSE city END,
                   admin_code, level, year,
                   CASE WHEN is_total THEN '-' ELSE item_no END, CASE WHEN is_total THEN '-' ELSE name END]) AS value
    FROM t
    WHERE '' IN (catalog_id, title, publisher, province, city, admin_code, level, year, item_no, name)
)
SELECT row_no, column_name, 'required' AS reason FROM required WHERE value = ''
UNION ALL
SELECT row_no, 'unit', '"' || unit || '" must be 元, 万元 or 亿元'
FROM t WHERE unit NOT IN ('', '元', '万元', '亿元')
UNION ALL
SELECT row_no, 'phase', '"' || phase || '" must be budgeted/预算, approved/批复, contracted/中标, paid/拨付 or unknown/未明'
FROM t WHERE phase NOT IN ('', 'budgeted', '预算', 'approved', '批复', 'contracted', '中标', 'paid', '拨付', 'unknown', '未明')
UNION ALL
SELECT row_no, 'amount', 'both amount and amount_wan are filled: use amount (in the catalog''s unit) only'
FROM t WHERE both_amounts
UNION ALL
SELECT row_no, 'amount', 'a stated total (total_label ' || total_label || ') needs its amount'
FROM t WHERE is_total AND amount = ''
UNION ALL
SELECT row_no, 'total_scope', '序号 ' || s.no || ' is not an item of catalog ' || t.catalog_id
FROM t, unnest(regexp_split_to_array(t.total_scope, '\s*[、,，;；]\s*')) AS s(no)
WHERE t.is_total AND t.total_scope <> '' AND s.no <> ''
  AND NOT EXISTS (SELECT 1 FROM t i WHERE NOT i.is_total AND i.catalog_id = t.catalog_id AND i.item_no = s.no)
UNION ALL
SELECT row_no, CASE WHEN NOT regexp_full_match(total_low, '[0-9]{1,15}(\.[0-9]{1,8})?')
                      OR regexp_full_match(amount, '[0-9]{1,15}(\.[0-9]{1,8})?') AND TRY_CAST(total_low AS DECIMAL(38, 8)) > TRY_CAST(amount AS DECIMAL(38, 8))
                    THEN 'total_low' ELSE 'total_high' END,
       'an approximate total needs total_low and total_high, numbers of ' || amount_unit || ' with total_low ≤ amount ≤ total_high'
FROM t
WHERE (total_low <> '' OR total_high <> '')
  AND (NOT is_total
       OR NOT regexp_full_match(total_low, '[0-9]{1,15}(\.[0-9]{1,8})?')
       OR NOT regexp_full_match(total_high, '[0-9]{1,15}(\.[0-9]{1,8})?')
       OR NOT regexp_full_match(amount, '[0-9]{1,15}(\.[0-9]{1,8})?')
       OR TRY_CAST(total_low AS DECIMAL(38, 8)) > TRY_CAST(amount AS DECIMAL(38, 8))
       OR TRY_CAST(amount AS DECIMAL(38, 8)) > TRY_CAST(total_high AS DECIMAL(38, 8)))
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
          HAVING min(title) <> max(title)
              OR min(publisher) <> max(publisher)
              OR min(province) <> max(province)
              OR min(city) <> max(city)
              OR min(district) <> max(district)
              OR min(admin_code) <> max(admin_code)
              OR min(level) <> max(level)
              OR min(year) <> max(year)
              OR min(published) <> max(published)
              OR min(synthetic) <> max(synthetic)
              OR min(unit) <> max(unit)
              OR min(phase) <> max(phase)))
QUALIFY [title, publisher, province, city, district, admin_code, level, year, published, synthetic, unit, phase]
        <> first_value([title, publisher, province, city, district, admin_code, level, year, published, synthetic, unit, phase])
           OVER (PARTITION BY catalog_id ORDER BY row_no)
UNION ALL
SELECT row_no, 'item_no', '"' || item_no || '" may not contain ''#'', ''/'' or spaces'
FROM t WHERE NOT is_total AND regexp_matches(item_no, '[#/ ]')
UNION ALL
SELECT row_no, 'item_no', '序号 ' || item_no || ' appears twice in catalog ' || catalog_id || ' (first in row ' || first_row || ')'
FROM (SELECT t.row_no, t.item_no, t.catalog_id, d.first_row
      FROM t
      JOIN (SELECT catalog_id, item_no, min(row_no) AS first_row FROM t WHERE item_no <> '' AND NOT is_total
            GROUP BY catalog_id, item_no HAVING count(*) > 1) d USING (catalog_id, item_no)
      WHERE NOT t.is_total)
WHERE row_no <> first_row
UNION ALL
SELECT row_no, 'category', '"' || category || '" is not a category (one of: ' || array_to_string($categories, ', ') || ')'
FROM t WHERE category <> '' AND NOT list_contains($categories, category)
UNION ALL
SELECT row_no, amount_col,
       CASE WHEN starts_with(amount, '-') THEN '"' || amount || '" is negative'
            WHEN regexp_full_match(amount, '[0-9.]+(元|万元|万|亿元|亿)') THEN '"' || amount || '": write the number only; the unit is the catalog''s (' || amount_unit || ', column unit on the 目录 sheet)'
            WHEN NOT regexp_full_match(amount, '[0-9]{1,15}(\.[0-9]{1,8})?') THEN '"' || amount || '" is not a number of ' || amount_unit
            WHEN TRY_CAST(amount AS DECIMAL(38, 8)) * factor >= 10000000000000 THEN '"' || amount || '" ' || amount_unit || ' is too large: 10 万亿 yuan (1,000,000,000 万元) or more in one line item'
            ELSE '"' || amount || '" ' || amount_unit || ' is not a whole number of yuan (at most ' ||
                 CASE amount_unit WHEN '元' THEN '0' WHEN '万元' THEN '4' ELSE '8' END || ' decimals)' END
FROM t
WHERE amount <> '' AND factor IS NOT NULL
  -- exact without arithmetic: the integer part decides "too large" (the
  -- fraction adds less than one unit), the digits past the unit's scale
  -- decide "whole yuan"; DECIMAL(38, 8) arithmetic on every row cost 2 s.
  AND (NOT regexp_full_match(amount, '[0-9]{1,15}(\.[0-9]{1,8})?')
       OR TRY_CAST(split_part(amount, '.', 1) AS BIGINT) >= 10000000000000 // factor
       OR (factor = 1 AND NOT regexp_full_match(amount, '[0-9]+(\.0+)?'))
       OR (factor = 10000 AND NOT regexp_full_match(amount, '[0-9]+(\.[0-9]{1,4}0*)?')))
UNION ALL
SELECT row_no, 'amount_kind',
       CASE WHEN amount_kind NOT IN ('fixed', '定额', 'cap', '最高资助', 'actuals', '按实结算', 'derived', '共享', 'approx', '约数', 'unknown', '未列')
                THEN '"' || amount_kind || '" is not fixed/定额, cap/最高资助, actuals/按实结算, derived/共享 or approx/约数'
            WHEN amount_kind IN ('unknown', '未列') THEN 'unknown, but an amount is given'
            ELSE amount_kind || ' needs an amount' END
FROM t
WHERE amount_kind <> '' AND NOT is_total
  AND (amount_kind NOT IN ('fixed', '定额', 'cap', '最高资助', 'actuals', '按实结算', 'derived', '共享', 'approx', '约数', 'unknown', '未列')
       OR (amount_kind IN ('unknown', '未列') AND amount <> '')
       OR (amount_kind NOT IN ('unknown', '未列') AND amount = ''))
UNION ALL
SELECT row_no, 'tax_included', '"' || tax_included || '" is not 是 or 否'
FROM t WHERE tax_included NOT IN ('', '是', 'yes', 'true', '含税', '否', 'no', 'false', '不含税')
UNION ALL
SELECT row_no, 'period_start', '"' || period_start || '" is not a date YYYY-MM-DD'
FROM t WHERE period_start <> '' AND (NOT regexp_full_match(period_start, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(period_start AS DATE) IS NULL)
UNION ALL
SELECT row_no, 'period_end', '"' || period_end || '" is not a date YYYY-MM-DD'
FROM t WHERE period_end <> '' AND (NOT regexp_full_match(period_end, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(period_end AS DATE) IS NULL)
ORDER BY row_no, column_name
