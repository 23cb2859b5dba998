-- Catalogs as exported; columns as data/dictionary.csv (table catalogs).
SELECT catalog_id, title, publisher, province, city, district, admin_code, level, year, published,
       source_file, sha256, layout, encoding, synthetic, ingested_at
FROM catalog
WHERE ($city IS NULL OR city = $city OR district = $city)
  AND ($year IS NULL OR year = $year)
ORDER BY year, city, catalog_id
