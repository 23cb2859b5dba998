-- description: the cleaned tables and marts were built from the raw tables as they are now (no load since the last transform)
SELECT r.value AS raw_generation, d.value AS derived_generation,
       'catalogs were loaded after the last transform: run fundscope transform' AS problem
FROM fundscope_state r, fundscope_state d
WHERE r.key = 'raw_generation' AND d.key = 'derived_generation' AND d.value < r.value;
