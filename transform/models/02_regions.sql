-- Implementation regions: split the printed text into parts (、，), drop
-- parenthesised asides and a leading name of the catalog's own city, then
-- match each part, best rule first:
--   1 alias (ref_region_aliases: short names, misprints, pseudo-regions)
--   2 exact name of a city or county in the catalog's province
--   3 exact name of a town in the catalog's city (gives its county)
--   4 a county name of the catalog's city that the part starts with
-- An item whose parts land in one region gets it; parts in several counties
-- of one city give the city, with the printed text kept as the name.

CREATE OR REPLACE TABLE region_part AS
WITH src AS (
    SELECT s.item_id, s.catalog_id, s.source_file, s.region_text, s.region_line,
           regexp_split_to_array(
               trim(regexp_replace(s.region_text, '[（(][^）)]*[）)]', '', 'g')),
               '\s*[、，,；;]\s*') AS parts
    FROM stg_item s
    WHERE s.region_text IS NOT NULL
), exploded AS (
    SELECT item_id, catalog_id, source_file, region_text, region_line,
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
    SELECT rp.item_id, rp.part_no, 1 AS rank,
           CASE a.target WHEN '@city' THEN rp.city_code
                         WHEN '@catalog' THEN rp.catalog_admin_code
                         ELSE a.target END AS code,
           a.kind AS match_kind,
           'alias ' || a.alias AS match_rule,
           a.note
    FROM region_part rp
    JOIN ref_region_aliases a ON a.alias = rp.key OR a.alias = rp.part
    UNION ALL
    SELECT rp.item_id, rp.part_no, 2, r.code, 'exact', 'name ' || r.name, NULL
    FROM region_part rp
    JOIN region r ON r.name = rp.key AND r.province_code = rp.province_code AND r.level IN ('city', 'county')
    UNION ALL
    SELECT rp.item_id, rp.part_no, 3, t.county_code, 'town', 'town ' || t.name, NULL
    FROM region_part rp
    JOIN ref_towns t ON t.name = rp.key AND substr(t.county_code, 1, 4) = substr(rp.city_code, 1, 4)
    UNION ALL
    SELECT rp.item_id, rp.part_no, 4, r.code, 'prefix', 'county prefix ' || r.name, NULL
    FROM region_part rp
    JOIN region r ON r.level = 'county' AND r.city_code = rp.city_code
                 AND starts_with(rp.key, r.name) AND length(rp.key) > length(r.name)
)
SELECT rp.item_id, rp.catalog_id, rp.source_file, rp.region_line, rp.part_no, rp.part,
       c.code, c.match_kind, c.match_rule, c.note
FROM region_part rp
LEFT JOIN candidate c USING (item_id, part_no)
QUALIFY row_number() OVER (PARTITION BY rp.item_id, rp.part_no
                           ORDER BY c.rank NULLS LAST, length(c.match_rule) DESC) = 1;

CREATE OR REPLACE TABLE item_region AS
WITH per_item AS (
    SELECT m.item_id,
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
    GROUP BY m.item_id
), resolved AS (
    SELECT s.item_id,
           s.region_text,
           CASE WHEN s.region_text IS NULL            THEN s.catalog_admin_code
                WHEN p.resolved_parts < p.parts       THEN NULL
                WHEN p.codes = 1                      THEN p.one_code
                WHEN p.cities = 1                     THEN p.one_city
                ELSE p.one_province END AS region_code,
           CASE WHEN s.region_text IS NULL THEN 'none printed: the catalog''s jurisdiction'
                ELSE p.rules END AS region_rule,
           s.region_text IS NOT NULL AND (p.any_pseudo OR p.codes > 1) AS keep_printed
    FROM stg_item s
    LEFT JOIN per_item p USING (item_id)
)
SELECT x.item_id,
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
SELECT catalog_id, source_file, region_line AS line, item_id,
       'region "' || part || '" read as ' || code || ': ' || note AS message
FROM region_match
WHERE match_kind = 'misprint';
