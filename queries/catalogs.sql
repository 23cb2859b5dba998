-- name: catalogs
-- description: Every loaded catalog with its line items, total, unknown amounts and reconciliation status
-- params: city, year
WITH rec AS (
    SELECT catalog_id,
           count(*)                                            AS stated_totals,
           count(*) FILTER (WHERE reconciles) AS reconciled_totals
    FROM reconciliation
    GROUP BY catalog_id
)
SELECT c.catalog_id,
       c.city,
       coalesce(c.district, '') AS district,
       c.year,
       count(li.item_id)                                    AS items,
       sum(li.amount_yuan)                                  AS total_yuan,
       count(li.item_id) FILTER (WHERE li.amount_yuan IS NULL) AS items_without_amount,
       CASE
           WHEN coalesce(rec.stated_totals, 0) = 0 THEN 'no stated totals'
           WHEN rec.reconciled_totals = rec.stated_totals
               THEN 'ok ' || rec.reconciled_totals || '/' || rec.stated_totals
           ELSE 'MISMATCH ' || (rec.stated_totals - rec.reconciled_totals) || ' of ' || rec.stated_totals
       END AS reconciliation
FROM catalog c
LEFT JOIN line_item li USING (catalog_id)
LEFT JOIN rec USING (catalog_id)
WHERE ($city IS NULL OR c.city = $city OR c.district = $city)
  AND ($year IS NULL OR c.year = $year)
GROUP BY ALL
ORDER BY c.year, c.city, c.catalog_id;
