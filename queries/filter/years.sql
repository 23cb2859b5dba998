-- The years of the loaded catalogs, and the years line items' money is for
-- where a document gives it per item (a column per year).
SELECT DISTINCT year
FROM (SELECT year FROM catalog UNION ALL SELECT money_year FROM line_item)
WHERE year IS NOT NULL
ORDER BY year;
