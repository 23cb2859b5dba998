-- Warnings about template rows that load but deserve a look, written to
-- ingest_warning with the sheet row. Parameter: $funding (the reference
-- list of funding-source names).
INSERT INTO ingest_warning (catalog_id, line, message, location)
SELECT catalog_id, row_no, message, $section || ' row ' || row_no
FROM (
    SELECT catalog_id, row_no,
           'funding source "' || funding || '" is not in the reference list: kept as printed and counted as other (add an alias to data/ref/funding_aliases.csv)' AS message
    FROM tpl_amounts
    WHERE NOT is_total AND coalesce(funding, '') <> ''
      AND NOT list_contains($funding, funding)
    UNION ALL
    SELECT catalog_id, row_no,
           'credit code ' || upper(credit_code) || ' fails its check character (GB 32100-2015): kept as printed, not used to join organizations'
    FROM tpl_amounts
    WHERE NOT is_total AND coalesce(credit_code, '') <> '' AND NOT uscc_ok(upper(credit_code))
    UNION ALL
    SELECT catalog_id, row_no,
           'amount ' || amount_clean || amount_unit || ' is above 10,000万元 (1 亿元) for one item: check the unit'
    FROM tpl_amounts
    WHERE NOT is_total AND yuan > 100000000
    UNION ALL
    SELECT catalog_id, row_no,
           'amount ' || amount_clean || ' in a 万元 column is a whole number of ' || length(amount_clean) || ' digits: probably 元 (set unit to 元 on the 目录 sheet)'
    FROM tpl_amounts
    WHERE NOT is_total AND amount_unit = '万元' AND regexp_full_match(amount_clean, '[0-9]{6,}')
);
