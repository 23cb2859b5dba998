-- description: amounts are non-negative, and NULL exactly when the kind is unknown (a missing amount is NULL, never 0)
SELECT item_id, amount_yuan, amount_kind, amount_text, source_file, line_start
FROM clean_line_item
WHERE amount_yuan < 0
   OR (amount_yuan IS NULL) <> (amount_kind = 'unknown')
   OR amount_kind NOT IN ('fixed', 'cap', 'actuals', 'unknown');
