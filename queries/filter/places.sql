-- The places a --place filter can name, each with its own code: every
-- publisher of a loaded catalog (by its label and by its short name), and
-- the cities and provinces above them.
SELECT DISTINCT name, code FROM (
    SELECT place AS name, place_code AS code FROM catalog_place
    UNION ALL
    SELECT c.district, cp.place_code FROM catalog_place cp JOIN catalog c USING (catalog_id)
    UNION ALL
    SELECT place_city, place_city_code FROM catalog_place
    UNION ALL
    SELECT place_province, place_province_code FROM catalog_place
)
WHERE name IS NOT NULL AND name <> ''
ORDER BY code, name;
