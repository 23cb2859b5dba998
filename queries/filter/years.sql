-- The years of the loaded catalogs.
SELECT DISTINCT year FROM catalog WHERE year IS NOT NULL ORDER BY year;
