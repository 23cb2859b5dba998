-- name: headline
-- description: Headline figures per phase (budgeted, approved, contracted, paid: never added together): firm total counting money once (a district's money its city's catalog in the selection already lists is overlap_yuan, left out), with its shared (derived) and approximate parts, caps and actual-cost amounts apart, line items, catalogs, places by level, years, items of unknown amount
-- params: place, year
-- Added up from mart_headline (per catalog, year, phase and covering city)
-- and mart_organization_presence, never from the items (12_report_marts.sql).
WITH sel AS (
    SELECT h.*, h.covered_by <> '' AND in_place(h.covered_by, $place) AS counted_elsewhere
    FROM mart_headline h
    WHERE in_place(h.place_code, $place)
      AND ($year IS NULL OR h.year = $year)
), orgs AS (
    SELECT phase, count(DISTINCT org_key) AS organizations
    FROM mart_organization_presence
    WHERE in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
    GROUP BY phase
), figures AS (
    SELECT phase,
           CASE WHEN sum(items_priced) > 0
                THEN CAST(coalesce(sum(firm_yuan) FILTER (WHERE NOT counted_elsewhere), 0) AS BIGINT) END AS total_yuan,
           CAST(coalesce(sum(firm_yuan) FILTER (WHERE counted_elsewhere), 0) AS BIGINT) AS overlap_yuan,
           CAST(sum(items) AS BIGINT)                                        AS items,
           count(DISTINCT catalog_id)                                        AS catalogs,
           count(DISTINCT place_code || place_level)                         AS places,
           count(DISTINCT place_code) FILTER (WHERE place_level = 'province' OR place_level = 'national') AS provinces,
           count(DISTINCT place_code) FILTER (WHERE place_level = 'city')    AS cities,
           count(DISTINCT place_code) FILTER (WHERE compare_level = 'district') AS districts,
           count(DISTINCT year)                                              AS years,
           min(year)                                                         AS first_year,
           max(year)                                                         AS last_year,
           CAST(sum(items - items_priced) AS BIGINT)                         AS items_unknown_amount,
           pct(sum(items - items_priced), sum(items))                        AS unknown_share_pct,
           CAST(coalesce(sum(cap_yuan), 0) AS BIGINT)                        AS cap_yuan,
           CAST(coalesce(sum(actuals_yuan), 0) AS BIGINT)                    AS actuals_yuan,
           CAST(coalesce(sum(derived_yuan), 0) AS BIGINT)                    AS derived_yuan,
           CAST(coalesce(sum(approx_yuan), 0) AS BIGINT)                     AS approx_yuan
    FROM sel
    GROUP BY phase
)
SELECT f.*, coalesce(o.organizations, 0) AS organizations
FROM figures f
LEFT JOIN orgs o USING (phase)
ORDER BY list_position(['budgeted', 'approved', 'contracted', 'paid', 'unknown'], f.phase);
