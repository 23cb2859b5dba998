-- Staging: each catalog's place in the region hierarchy (its own code, its
-- city, its province), and each place with its names.

CREATE OR REPLACE TABLE region AS
SELECT code,
       name,
       level,                               -- province | city | county
       nullif(parent_code, '')   AS parent_code,
       province_code,
       nullif(city_code, '')     AS city_code
FROM ref_regions
-- One row per code: a prefecture-level city without counties (儋州市, 东莞市,
-- 中山市, 嘉峪关市) is listed again as its own county-level unit under the same
-- code; keep the higher level, or every join on the code doubles the rows.
QUALIFY row_number() OVER (PARTITION BY code ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END) = 1;

CREATE OR REPLACE TABLE catalog_region AS
SELECT c.catalog_id,
       c.admin_code,
       own.name                                AS admin_name,
       coalesce(own.city_code, own.code)       AS city_code,
       city.name                               AS city_name,
       own.province_code
FROM catalog c
LEFT JOIN region own  ON own.code = c.admin_code
LEFT JOIN region city ON city.code = coalesce(own.city_code, own.code);

-- One row per place (a jurisdiction that publishes catalogs, at its level)
-- with its names: what the marts set beside the sums they add up by code.
-- Catalogs of one place that print its name differently give it the first.
CREATE OR REPLACE TABLE place AS
SELECT DISTINCT ON (place_code, place_level)
       place_code, place_level, place, compare_level,
       place_province AS province, place_province_code,
       place_city AS city, place_city_code
FROM catalog_place
ORDER BY place_code, place_level, place;

DROP VIEW IF EXISTS stg_line_item;  -- earlier versions staged line items in a view; item_code (06_clean.sql) reads line_item itself
