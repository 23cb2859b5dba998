-- name: headline
-- description: Headline figures: total, line items, catalogs, cities, years, items of unknown amount and their share, caps, actual-cost, shared (derived) and approximate amounts
-- params: city, year
SELECT CAST(sum(amount_yuan) AS BIGINT)                                   AS total_yuan,
       count(*)                                                          AS items,
       count(DISTINCT catalog_id)                                        AS catalogs,
       count(DISTINCT city)                                              AS cities,
       count(DISTINCT year)                                              AS years,
       min(year)                                                         AS first_year,
       max(year)                                                         AS last_year,
       count(*) FILTER (WHERE amount_yuan IS NULL)                       AS items_unknown_amount,
       pct(count(*) FILTER (WHERE amount_yuan IS NULL), count(*))        AS unknown_share_pct,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'cap'), 0) AS BIGINT)     AS cap_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'actuals'), 0) AS BIGINT) AS actuals_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'derived'), 0) AS BIGINT) AS derived_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'approx'), 0) AS BIGINT)  AS approx_yuan
FROM clean_line_item
WHERE ($city IS NULL OR city = $city OR district = $city)
  AND ($year IS NULL OR year = $year);
