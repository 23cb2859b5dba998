-- Implementation regions: split the printed text into parts (、，), drop
-- parenthesised asides and a leading name of the catalog's own city, then
-- match each part, best rule first:
--   1 alias (ref_region_aliases: short names, misprints, pseudo-regions)
--   2 exact name of a city or county in the catalog's province (a name several
--     counties share, 城区 or 铁西区: the one of the catalog's city)
--   3 exact name of a town in the catalog's city (gives its county)
--   4 a county name of the catalog's city that the part starts with
-- An item whose parts land in one region gets it; parts in several counties
-- of one city give the city, with the printed text kept as the name.
-- Each distinct printed text of a catalog is resolved once (region_resolution),
-- however many items print it.

CREATE OR REPLACE TABLE region_part AS
WITH src AS (
    SELECT catalog_id, region_text,
           regexp_split_to_array(
               trim(regexp_replace(region_text, '[（(][^）)]*[）)]', '', 'g')),
               '\s*[、，,；;]\s*') AS parts
    FROM (SELECT DISTINCT catalog_id, region_text FROM line_item WHERE region_text IS NOT NULL)
), exploded AS (
    SELECT catalog_id, region_text,
           unnest(parts)                     AS part,
           unnest(range(1, len(parts) + 1)) AS part_no
    FROM src
)
SELECT e.*,
       cr.city_code,
       cr.city_name,
       cr.province_code,
       cr.admin_code AS catalog_admin_code,
       CASE WHEN starts_with(e.part, cr.city_name) AND length(e.part) > length(cr.city_name)
            THEN substr(e.part, length(cr.city_name) + 1)
            ELSE e.part END AS key
FROM exploded e
JOIN catalog_region cr USING (catalog_id)
WHERE e.part <> '';

CREATE OR REPLACE TABLE region_match AS
WITH candidate AS (
    SELECT rp.catalog_id, rp.region_text, rp.part_no, 1 AS rank,
           CASE a.target WHEN '@city' THEN rp.city_code
                         WHEN '@catalog' THEN rp.catalog_admin_code
                         ELSE a.target END AS code,
           a.kind AS match_kind,
           'alias ' || a.alias AS match_rule,
           a.note
    FROM region_part rp
    JOIN ref_region_aliases a ON a.alias = rp.key OR a.alias = rp.part
    UNION ALL
    SELECT rp.catalog_id, rp.region_text, rp.part_no,
           -- a name several counties of the province share (城区, 铁西区, 市中区): the one in the catalog's city first
           CASE WHEN coalesce(r.city_code, r.code) = rp.city_code THEN 2 ELSE 2.5 END,
           r.code, 'exact', 'name ' || r.name, NULL
    FROM region_part rp
    JOIN region r ON (r.name = rp.key OR r.name = rp.part) -- some units are named with their city (常德市西洞庭管理区)
                 AND r.province_code = rp.province_code AND r.level IN ('city', 'county')
    UNION ALL
    SELECT rp.catalog_id, rp.region_text, rp.part_no, 3, t.county_code, 'town', 'town ' || t.name, NULL
    FROM region_part rp
    JOIN ref_towns t ON t.name = rp.key AND substr(t.county_code, 1, 4) = substr(rp.city_code, 1, 4)
    UNION ALL
    SELECT rp.catalog_id, rp.region_text, rp.part_no, 4, r.code, 'prefix', 'county prefix ' || r.name, NULL
    FROM region_part rp
    JOIN region r ON r.level = 'county' AND r.city_code = rp.city_code
                 AND starts_with(rp.key, r.name) AND length(rp.key) > length(r.name)
)
SELECT rp.catalog_id, rp.region_text, rp.part_no, rp.part,
       c.code, c.match_kind, c.match_rule, c.note
FROM region_part rp
LEFT JOIN candidate c USING (catalog_id, region_text, part_no)
QUALIFY row_number() OVER (PARTITION BY rp.catalog_id, rp.region_text, rp.part_no
                           ORDER BY c.rank NULLS LAST, length(c.match_rule) DESC, c.code) = 1;
-- (a name two codes of one city share, the city listed again as its own county, gives the first code, the same every run)

-- One row per catalog and printed text ('' when none is printed).
CREATE OR REPLACE TABLE region_resolution AS
WITH per_text AS (
    SELECT m.catalog_id, m.region_text,
           count(*)                                    AS parts,
           count(m.code)                               AS resolved_parts,
           count(DISTINCT m.code)                      AS codes,
           min(m.code)                                 AS one_code,
           count(DISTINCT coalesce(r.city_code, r.code)) AS cities,
           min(coalesce(r.city_code, r.code))          AS one_city,
           min(r.province_code)                        AS one_province,
           bool_or(m.match_kind = 'pseudo')            AS any_pseudo,
           string_agg(coalesce(m.match_rule, 'UNRESOLVED ' || m.part), '; ' ORDER BY m.part_no) AS rules
    FROM region_match m
    LEFT JOIN region r ON r.code = m.code
    GROUP BY m.catalog_id, m.region_text
), resolved AS (
    SELECT catalog_id, region_text,
           CASE WHEN resolved_parts < parts THEN NULL
                WHEN codes = 1              THEN one_code
                WHEN cities = 1             THEN one_city
                ELSE one_province END AS region_code,
           rules AS region_rule,
           any_pseudo OR codes > 1 AS keep_printed
    FROM per_text
    UNION ALL
    SELECT catalog_id, '', admin_code, 'none printed: the catalog''s jurisdiction', false
    FROM catalog
)
SELECT x.catalog_id,
       x.region_text AS region_key,
       x.region_code,
       CASE WHEN x.region_code IS NULL THEN NULL
            WHEN x.keep_printed THEN x.region_text
            ELSE r.name END AS region_name,
       r.level AS region_level,
       x.region_rule
FROM resolved x
LEFT JOIN region r ON r.code = x.region_code;

-- Misprints and other aliases that deserve a word, with the line that printed them.
CREATE OR REPLACE TABLE region_warning AS
SELECT li.catalog_id, c.source_file, li.region_line AS line, li.item_id,
       'region "' || m.part || '" read as ' || m.code || ': ' || m.note AS message
FROM region_match m
JOIN line_item li ON li.catalog_id = m.catalog_id AND li.region_text = m.region_text
JOIN catalog c ON c.catalog_id = li.catalog_id
WHERE m.match_kind = 'misprint';
