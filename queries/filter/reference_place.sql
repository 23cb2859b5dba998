-- A place of the GB/T 2260 reference, by its name or code, whether or not
-- any catalog of it is loaded.
SELECT name, code FROM ref_regions WHERE name = $place OR code = $place ORDER BY code LIMIT 1;
