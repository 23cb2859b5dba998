-- name: headline
-- description: Headline figures per phase (budgeted, approved, contracted, paid: never added together): firm total counting money once (a district's money its city's catalog in the selection already lists is overlap_yuan, left out), with its shared (derived) and approximate parts, caps and actual-cost amounts apart, line items, catalogs, places by level, years, items of unknown amount
-- params: place, year
SELECT phase,
       CASE WHEN count(amount_yuan) > 0
            THEN CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_basis = 'firm' AND NOT counted_elsewhere), 0) AS BIGINT) END AS total_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_basis = 'firm' AND counted_elsewhere), 0) AS BIGINT) AS overlap_yuan,
       count(*)                                                          AS items,
       count(DISTINCT catalog_id)                                        AS catalogs,
       count(DISTINCT place_code || place_level)                         AS places,
       count(DISTINCT place_code) FILTER (WHERE place_level = 'province' OR place_level = 'national') AS provinces,
       count(DISTINCT place_code) FILTER (WHERE place_level = 'city')    AS cities,
       count(DISTINCT place_code) FILTER (WHERE compare_level = 'district') AS districts,
       count(DISTINCT year)                                              AS years,
       min(year)                                                         AS first_year,
       max(year)                                                         AS last_year,
       count(*) FILTER (WHERE amount_yuan IS NULL)                       AS items_unknown_amount,
       pct(count(*) FILTER (WHERE amount_yuan IS NULL), count(*))        AS unknown_share_pct,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'cap'), 0) AS BIGINT)     AS cap_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'actuals'), 0) AS BIGINT) AS actuals_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'derived'), 0) AS BIGINT) AS derived_yuan,
       CAST(coalesce(sum(amount_yuan) FILTER (WHERE amount_kind = 'approx'), 0) AS BIGINT)  AS approx_yuan,
       count(DISTINCT org_key)                                           AS organizations
FROM (SELECT f.*, coalesce(ov.covered_by IS NOT NULL AND in_place(ov.covered_by, $place), false) AS counted_elsewhere
      FROM item_fact f LEFT JOIN item_overlap ov USING (item_id))
WHERE in_place(place_code, $place)
  AND ($year IS NULL OR year = $year)
GROUP BY phase
ORDER BY list_position(['budgeted', 'approved', 'contracted', 'paid', 'unknown'], phase);
