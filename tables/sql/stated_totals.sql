-- Stated totals with their reconciliation; columns as data/dictionary.csv (table stated_totals).
-- The filter comes from the one-row temp table export_params (p_place, p_year, p_category).
SELECT r.catalog_id, r.total_no, r.label, r.kind, r.metric, r.stated_value, r.low_value, r.high_value, r.computed_value,
       r.reconciles AS reconciled, r.source_line, r.source_text
FROM reconciliation r
JOIN catalog c USING (catalog_id)
JOIN catalog_place cp USING (catalog_id)
CROSS JOIN export_params
WHERE in_place(c.admin_code, export_params.p_place)
  AND (export_params.p_year IS NULL OR c.year = export_params.p_year)
ORDER BY c.year, cp.place, r.catalog_id, r.total_no
