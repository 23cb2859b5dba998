-- description: every line item id appears once in the cleaned dataset
SELECT item_id, count(*) AS copies
FROM clean_line_item
GROUP BY item_id
HAVING count(*) > 1;
