-- Funding sources: the printed name (white space removed) through
-- ref_funding_aliases; a catalog that names none gets not_stated. A printed
-- name with no alias stays NULL so that the data test lists it.

CREATE OR REPLACE TABLE item_funding AS
SELECT s.item_id,
       CASE WHEN s.funding_text IS NULL THEN 'not_stated' ELSE a.code END AS funding_code
FROM stg_item s
LEFT JOIN ref_funding_aliases a
       ON a.alias = regexp_replace(s.funding_text, '\s', '', 'g');
