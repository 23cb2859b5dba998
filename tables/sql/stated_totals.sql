-- Stated totals with their reconciliation; columns as data/dictionary.csv (table stated_totals).
-- The filter comes from the one-row temp table export_params (p_city, p_year, p_category).
SELECT r.catalog_id, r.total_no, r.label, r.kind, r.metric, r.stated_value, r.computed_value,
       r.reconciles AS reconciled, r.source_line, r.source_text
FROM reconciliation r
JOIN catalog c USING (catalog_id)
CROSS JOIN export_params
WHERE (export_params.p_city IS NULL OR c.city = export_params.p_city OR c.district = export_params.p_city)
  AND (export_params.p_year IS NULL OR c.year = export_params.p_year)
ORDER BY c.year, c.city, r.catalog_id, r.total_no
