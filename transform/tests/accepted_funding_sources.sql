-- description: every line item has a funding code of data/ref/funding_sources.csv (a printed name outside the list is counted as other and warned about, never left without a code)
SELECT c.item_id, c.funding_text, c.funding_code, c.source_file, li.funding_line AS line
FROM clean_line_item c
JOIN line_item li USING (item_id)
WHERE c.funding_code IS NULL OR c.funding_code NOT IN (SELECT code FROM ref_funding_sources);
