-- Funding sources: the printed name (white space removed) through
-- ref_funding_aliases, or a code or Chinese name of ref_funding_sources; a
-- catalog that names none gets not_stated. A printed name that matches
-- nothing stays NULL so that the data test lists it. Resolved once per
-- distinct printed name.

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
SELECT p.funding_text AS funding_key, any_value(n.code) AS funding_code
FROM printed p
LEFT JOIN names n ON n.name = regexp_replace(p.funding_text, '\s', '', 'g')
GROUP BY p.funding_text
UNION ALL
SELECT '', 'not_stated';
