-- description: every total a document states about itself equals the value recomputed from its line items (a pool over items whose amounts are not printed cannot be checked and is not counted)
SELECT r.catalog_id, c.source_file, r.source_line AS line, r.label, r.metric, r.stated_value, r.computed_value
FROM reconciliation r
JOIN catalog c USING (catalog_id)
WHERE NOT r.reconciles;
