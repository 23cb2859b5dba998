-- Funding sources: the printed name (white space removed) through
-- ref_funding_aliases; a catalog that names none gets not_stated. A printed
-- name with no alias stays NULL so that the data test lists it.

CREATE OR REPLACE TABLE item_funding AS
WITH names AS (
    SELECT alias AS name, code FROM ref_funding_aliases
    UNION
    SELECT code, code FROM ref_funding_sources
    UNION
    SELECT name_zh, code FROM ref_funding_sources
)
SELECT s.item_id,
       CASE WHEN s.funding_text IS NULL THEN 'not_stated' ELSE any_value(n.code) END AS funding_code
FROM stg_item s
LEFT JOIN names n
       ON n.name = regexp_replace(s.funding_text, '\s', '', 'g')
GROUP BY s.item_id, s.funding_text;
