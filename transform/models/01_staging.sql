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

-- Places: the jurisdiction that publishes each catalog, labelled as people
-- name it (舟山市普陀区, not 普陀区 or its city), with its level. A catalog
-- counts for its publisher's place only: a city's totals do not include its
-- districts' catalogs unless a query rolls them up (totals_by_city_rollup).
-- Comparisons are like with like: compare_level puts districts, counties
-- and streets together, cities together, provinces together.
CREATE OR REPLACE TABLE catalog_place AS
SELECT c.catalog_id,
       c.admin_code AS place_code,
       CASE c.level
            WHEN 'national' THEN '全国'
            WHEN 'province' THEN coalesce(prov.name, c.province)
            WHEN 'city'     THEN coalesce(CASE WHEN own.level IN ('city', 'province') THEN own.name END, c.city)
            ELSE coalesce(city.name, nullif(c.city, c.province), '')
                 || CASE WHEN own.level = 'county' THEN own.name ELSE coalesce(c.district, '') END
       END AS place,
       c.level AS place_level,
       CASE WHEN c.level IN ('district', 'county', 'street') THEN 'district' ELSE c.level END AS compare_level,
       CASE WHEN c.level IN ('national', 'province') THEN NULL
            ELSE coalesce(city.name, c.city) END AS place_city,
       coalesce(own.city_code, CASE WHEN own.level = 'city' THEN own.code END) AS place_city_code,
       coalesce(prov.name, c.province) AS place_province,
       c.province AS province_printed
FROM catalog c
LEFT JOIN region own  ON own.code = c.admin_code
LEFT JOIN region city ON city.code = own.city_code AND city.level = 'city'
LEFT JOIN region prov ON prov.code = own.province_code;

-- Every name a place filter (--place, alias --city) may give for a place:
-- its label, its own name and code, and the name and code of each
-- jurisdiction above it (浙江省 and 舟山市 both select 舟山市普陀区's catalogs).
CREATE OR REPLACE TABLE place_key AS
SELECT DISTINCT key, place_code
FROM (
    SELECT cp.place_code,
           unnest([cp.place, cp.place_code, cp.place_city, cp.place_city_code, cp.place_province, cp.province_printed,
                   c.city, c.district, own.name, own.province_code]) AS key
    FROM catalog_place cp
    JOIN catalog c USING (catalog_id)
    LEFT JOIN region own ON own.code = cp.place_code
)
WHERE key IS NOT NULL AND key <> '';

-- The one place filter every query, report and export uses: true when p is
-- NULL (no filter) or names the place of code or a jurisdiction above it.
CREATE OR REPLACE MACRO in_place(code, p) AS
    p IS NULL OR code IN (SELECT place_code FROM place_key WHERE key = p);

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
       c.year,
       c.source_file,
       c.synthetic
FROM line_item li
JOIN catalog c USING (catalog_id)
JOIN catalog_place cp USING (catalog_id);
