-- name: catalogs
-- description: Every loaded catalog with its place (the publisher's jurisdiction), level, phase, review state (read, unreviewed, reviewed), line items, totals by basis, unknown amounts and reconciliation status
-- params: place, year
WITH rec AS (
    SELECT catalog_id,
           count(*) FILTER (WHERE reconciles IS NOT NULL)      AS stated_totals,  -- a pool of unpriced items cannot be checked
           count(*) FILTER (WHERE reconciles) AS reconciled_totals,
           count(*) FILTER (WHERE reconciles IS NULL)          AS unpriced_pools
    FROM reconciliation
    GROUP BY catalog_id
), items AS (  -- each catalog's items added up before the catalogs are joined: one pass, grouped by one key
    SELECT catalog_id,
           count(*)                                                                       AS items,
           CAST(sum(amount_yuan) FILTER (WHERE amount_kind NOT IN ('cap', 'actuals')) AS BIGINT) AS total_yuan,
           CAST(sum(amount_yuan) FILTER (WHERE amount_kind = 'cap') AS BIGINT)           AS cap_yuan,
           CAST(sum(amount_yuan) FILTER (WHERE amount_kind = 'actuals') AS BIGINT)       AS actuals_yuan,
           count(*) FILTER (WHERE amount_yuan IS NULL)                                    AS items_without_amount,
           count(DISTINCT organization)                                                   AS organizations
    FROM line_item
    GROUP BY catalog_id
)
SELECT c.catalog_id,
       cp.place,
       cp.place_code,
       cp.place_level,
       c.year,
       coalesce(c.phase, 'unknown') AS phase,
       coalesce(c.review, 'read')   AS review,  -- read | unreviewed (ingest --accept) | reviewed (a person's draft)
       coalesce(li.items, 0)                                AS items,
       -- NULL where no item of the basis states an amount (never 0 for "none")
       li.total_yuan,
       li.cap_yuan,
       li.actuals_yuan,
       coalesce(li.items_without_amount, 0)                 AS items_without_amount,
       coalesce(li.organizations, 0)                        AS organizations,
       CASE
           WHEN coalesce(rec.stated_totals, 0) = 0 AND rec.unpriced_pools > 0 THEN 'pool: items unpriced'
           WHEN coalesce(rec.stated_totals, 0) = 0 THEN 'no stated totals'
           WHEN rec.reconciled_totals = rec.stated_totals
               THEN 'ok ' || rec.reconciled_totals || '/' || rec.stated_totals
           ELSE 'MISMATCH ' || (rec.stated_totals - rec.reconciled_totals) || ' of ' || rec.stated_totals
       END AS reconciliation
FROM catalog c
JOIN catalog_place cp USING (catalog_id)
LEFT JOIN items li USING (catalog_id)
LEFT JOIN rec USING (catalog_id)
WHERE in_place(c.admin_code, $place)
  AND ($year IS NULL OR c.year = $year)
ORDER BY c.year, cp.place, c.catalog_id;
