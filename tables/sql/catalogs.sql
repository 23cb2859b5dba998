-- Catalogs as exported; columns as data/dictionary.csv (table catalogs).
-- The filter comes from the one-row temp table export_params (p_city, p_year, p_category).
SELECT catalog_id, title, publisher, province, city, district, admin_code, level, year, published,
       source_file, sha256, layout, encoding, source_format, conversion, synthetic, ingested_at
FROM catalog, export_params
WHERE (export_params.p_city IS NULL OR city = export_params.p_city OR district = export_params.p_city)
  AND (export_params.p_year IS NULL OR year = export_params.p_year)
ORDER BY year, city, catalog_id
