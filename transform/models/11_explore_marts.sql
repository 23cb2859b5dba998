-- The dashboard's explorer marts: the sums its charts and tables add up per
-- place, year, phase, category and funding source (mart_explore) and per
-- region (mart_explore_region), so that the page is built from small tables
-- whatever the number of items. The named queries explore_facts and
-- explore_region_facts select from them with the page's filter; every group
-- key a filter can name is a column, so a filtered selection adds whole rows.

CREATE OR REPLACE TABLE mart_explore AS
WITH g AS (  -- added up by code; the names are set beside the sums below
    SELECT f.place_code, f.place_level, f.year, f.phase, f.category, f.funding_code,
           coalesce(ov.covered_by, '') AS covered_by,
           count(*) AS items,
           unknown_amounts(f.amount_yuan) AS items_unknown_amount,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'fixed')   AS fixed_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'derived') AS derived_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'approx')  AS approx_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'cap')     AS cap_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'actuals') AS actuals_yuan
    FROM item_code f
    LEFT JOIN item_overlap ov USING (item_id)
    GROUP BY ALL
)
SELECT g.place_code, p.place, g.place_level, p.compare_level, p.place_city_code, p.place_province_code,
       g.year, g.phase, g.category, rc.name_zh AS category_zh, g.funding_code, fs.name_zh AS funding_zh,
       g.covered_by, g.items, g.items_unknown_amount,
       g.fixed_yuan, g.derived_yuan, g.approx_yuan, g.cap_yuan, g.actuals_yuan
FROM g
JOIN place p USING (place_code, place_level)
LEFT JOIN ref_categories rc ON rc.code = g.category
LEFT JOIN ref_funding_sources fs ON fs.code = g.funding_code;

-- Per category as well, so that a category filter selects whole rows; the
-- query adds the categories up.
CREATE OR REPLACE TABLE mart_explore_region AS
WITH g AS (
    SELECT f.place_code, f.place_level, f.year, f.phase, f.category,
           f.region_code, f.region_level, f.region_name,
           count(*) AS items,
           unknown_amounts(f.amount_yuan) AS items_unknown_amount,
           yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'firm')    AS firm_yuan,
           yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'actuals') AS actuals_yuan
    FROM item_code f
    GROUP BY ALL
)
SELECT g.place_code, p.place, g.place_level, p.compare_level, p.place_city_code, p.place_province_code,
       g.year, g.phase, g.category, rc.name_zh AS category_zh,
       coalesce(g.region_code, '') AS region_code,
       region_label(g.region_code, g.region_level, r.name, g.region_name) AS region_label,
       CAST(sum(g.items) AS BIGINT) AS items, CAST(sum(g.items_unknown_amount) AS BIGINT) AS items_unknown_amount,
       CAST(sum(g.firm_yuan) AS BIGINT) AS firm_yuan, CAST(sum(g.cap_yuan) AS BIGINT) AS cap_yuan,
       CAST(sum(g.actuals_yuan) AS BIGINT) AS actuals_yuan
FROM g
JOIN place p USING (place_code, place_level)
LEFT JOIN ref_categories rc ON rc.code = g.category
LEFT JOIN region r ON r.code = g.region_code  -- one row per code (01_staging.sql)
GROUP BY ALL;
