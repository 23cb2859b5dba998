-- export_ids, at most export_params.p_limit of them: the largest items of
-- the selection (amount descending, unknown amounts last, then item_id), for
-- the workbook's capped 明细 sheet.
CREATE OR REPLACE TEMP VIEW export_ids AS
SELECT f.item_id
FROM item_fact f, export_params
WHERE in_place(f.place_code, export_params.p_place)
  AND (export_params.p_year IS NULL OR f.year = export_params.p_year)
  AND (export_params.p_category IS NULL OR f.category = export_params.p_category OR f.category_zh = export_params.p_category)
ORDER BY f.amount_yuan DESC NULLS LAST, f.item_id
LIMIT (SELECT p_limit FROM export_params);
