-- Stated totals with their reconciliation; columns as data/dictionary.csv (table stated_totals).
SELECT r.catalog_id, r.total_no, r.label, r.kind, r.metric, r.stated_value, r.computed_value,
       r.stated_value = r.computed_value AS reconciled, r.source_line, r.source_text
FROM reconciliation r
JOIN catalog c USING (catalog_id)
WHERE ($city IS NULL OR c.city = $city OR c.district = $city)
  AND ($year IS NULL OR c.year = $year)
ORDER BY c.year, c.city, r.catalog_id, r.total_no
