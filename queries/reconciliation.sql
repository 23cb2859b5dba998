-- name: reconciliation
-- description: Every total a document states about itself next to the value recomputed from its line items
-- params: place, year
SELECT r.catalog_id, cp.place, c.year, r.label, r.kind, r.metric, r.stated_value, r.computed_value,
       r.reconciles AS reconciled, c.source_file, r.source_line
FROM reconciliation r
JOIN catalog c USING (catalog_id)
JOIN catalog_place cp USING (catalog_id)
WHERE in_place(c.admin_code, $place)
  AND ($year IS NULL OR c.year = $year)
ORDER BY reconciled, r.catalog_id, r.total_no;
