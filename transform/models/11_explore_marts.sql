-- The dashboard's explorer marts: the sums its charts and tables add up per
-- place, year, phase, category and funding source (mart_explore) and per
-- region (mart_explore_region), so that the page is built from small tables
-- whatever the number of items. The named queries explore_facts and
-- explore_region_facts select from them with the page's filter; every group
-- key a filter can name is a column, so a filtered selection adds whole rows.

CREATE OR REPLACE TABLE mart_explore AS
SELECT f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, f.category, f.category_zh, f.funding_code, f.funding_zh,
       coalesce(ov.covered_by, '') AS covered_by,
       count(*) AS items,
       unknown_amounts(f.amount_yuan) AS items_unknown_amount,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'fixed')   AS fixed_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'derived') AS derived_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'approx')  AS approx_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'cap')     AS cap_yuan,
       yuan_of_kind(f.amount_yuan, f.amount_kind, 'actuals') AS actuals_yuan
FROM item_fact f
JOIN catalog_place p USING (catalog_id)
LEFT JOIN item_overlap ov USING (item_id)
GROUP BY ALL;

-- Per category as well, so that a category filter selects whole rows; the
-- query adds the categories up.
CREATE OR REPLACE TABLE mart_explore_region AS
SELECT f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, f.category, f.category_zh,
       coalesce(f.region_code, '') AS region_code, region_label(f.region_code, f.region_level, r.name, f.region_name) AS region_label,
       count(*) AS items,
       unknown_amounts(f.amount_yuan) AS items_unknown_amount,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'firm')    AS firm_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'cap')     AS cap_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'actuals') AS actuals_yuan
FROM item_fact f
JOIN catalog_place p USING (catalog_id)
LEFT JOIN ref_regions r ON r.code = f.region_code
GROUP BY ALL;
