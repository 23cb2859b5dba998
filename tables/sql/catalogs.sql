-- Catalogs as exported; columns as data/dictionary.csv (table catalogs).
-- The filter comes from the one-row temp table export_params (p_place, p_year, p_category).
SELECT c.catalog_id, c.title, c.publisher, c.province, c.city, c.district, c.admin_code, c.level, cp.place, c.year,
       coalesce(c.phase, 'unknown') AS phase, c.published,
       c.source_file, c.sha256, c.layout, c.encoding, c.source_format, c.conversion, c.synthetic, coalesce(c.review, 'read') AS review, c.ingested_at
FROM catalog c
JOIN catalog_place cp USING (catalog_id)
CROSS JOIN export_params
WHERE in_place(c.admin_code, export_params.p_place)
  AND (export_params.p_year IS NULL OR c.year = export_params.p_year)
ORDER BY c.year, cp.place, c.catalog_id
