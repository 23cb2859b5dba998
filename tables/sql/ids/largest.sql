-- export_ids, at most {{limit}} of them: the largest items of the selection
-- (amount descending, unknown amounts last, then item_id), for the
-- workbook's capped 明细 sheet. Written for speed at a million items:
--   - the parameters are scalar subqueries: a join with export_params makes
--     in_place's subquery run per row,
--   - the Go code writes the limit in place of {{limit}} as a number: a
--     LIMIT that is a subquery sorts every row instead of keeping the top,
--   - the top by amount alone is a cheap top-N; the item_id tie-break then
--     sorts only the rows at or above the amount the last of them has (a
--     top-N with a text tie-break over every row cost 0.15 s).
CREATE OR REPLACE TEMP VIEW export_ids AS
WITH selection AS NOT MATERIALIZED (
    SELECT f.item_id, f.amount_yuan
    FROM item_code f
    WHERE in_place(f.place_code, (SELECT p_place FROM export_params))
      AND ((SELECT p_year FROM export_params) IS NULL OR f.year = (SELECT p_year FROM export_params))
      AND in_category(f.category, (SELECT p_category FROM export_params))
),
top AS (
    SELECT amount_yuan FROM selection ORDER BY amount_yuan DESC NULLS LAST LIMIT {{limit}}
),
cut AS (SELECT min(amount_yuan) AS lowest, count(amount_yuan) AS priced FROM top)
SELECT s.item_id
FROM selection s
WHERE s.amount_yuan >= (SELECT lowest FROM cut)
   OR s.amount_yuan IS NULL AND (SELECT priced FROM cut) < {{limit}}
ORDER BY s.amount_yuan DESC NULLS LAST, s.item_id
LIMIT {{limit}};
