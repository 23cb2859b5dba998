-- Funding sources: the printed name (white space removed) through
-- ref_funding_aliases, or a code or Chinese name of ref_funding_sources; a
-- catalog that names none gets not_stated. A printed name that matches
-- nothing is kept as printed and counted as `other`, and funding_warning
-- lists it with the lines that print it. Resolved once per distinct printed
-- name. Each code carries its family (all welfare-lottery funds roll up to
-- welfare_lottery) and the level of government whose fund it is.

CREATE OR REPLACE TABLE funding_resolution AS
WITH names AS (
    SELECT alias AS name, code FROM ref_funding_aliases
    UNION
    SELECT code, code FROM ref_funding_sources
    UNION
    SELECT name_zh, code FROM ref_funding_sources
), printed AS (
    SELECT DISTINCT funding_text FROM line_item WHERE funding_text IS NOT NULL
)
SELECT p.funding_text AS funding_key,
       coalesce(any_value(n.code), 'other') AS funding_code,
       any_value(n.code) IS NULL AS unlisted
FROM printed p
LEFT JOIN names n ON n.name = regexp_replace(p.funding_text, '\s', '', 'g')
GROUP BY p.funding_text
UNION ALL
SELECT '', 'not_stated', false;

CREATE OR REPLACE TABLE funding_warning AS
SELECT li.catalog_id, c.source_file, min(li.funding_line) AS line, count(*) AS items,
       'funding source "' || li.funding_text || '" is not in data/ref/funding_sources.csv: kept as printed, counted as other ('
           || count(*) || ' items; add an alias to data/ref/funding_aliases.csv)' AS message
FROM line_item li
JOIN funding_resolution f ON f.funding_key = li.funding_text
JOIN catalog c USING (catalog_id)
WHERE f.unlisted
GROUP BY li.catalog_id, c.source_file, li.funding_text;
