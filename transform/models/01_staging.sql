-- Staging: each catalog's place in the region hierarchy (its own code, its
-- city, its province), and line items with their catalog (a view: nothing
-- is copied).

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

CREATE OR REPLACE VIEW stg_line_item AS
SELECT li.*,
       c.province,
       c.city,
       c.district,
       cp.place                            AS jurisdiction,
       c.admin_code                        AS catalog_admin_code,
       cp.place_code,
       cp.place,
       cp.place_level,
       cp.compare_level,
       cp.place_city,
       cp.place_province,
       coalesce(c.phase, 'unknown')        AS phase,
       c.level                             AS catalog_level,
       coalesce(li.money_year, c.year)     AS year,
       c.source_file,
       c.synthetic,
       coalesce(c.review, 'read')          AS review
FROM line_item li
JOIN catalog c USING (catalog_id)
JOIN catalog_place cp USING (catalog_id);
