-- The loaded publishers a --place value selects (the in_place macro's rows).
SELECT DISTINCT place, place_code
FROM catalog_place
WHERE in_place(place_code, $place)
ORDER BY place_code;
