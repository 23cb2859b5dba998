-- export_ids: the items an export or the workbook selects, by the filter of
-- the one-row temp table export_params. line_items reads their cleaned rows
-- through clean_items(export_ids): the items are chosen before the joins.
CREATE OR REPLACE TEMP VIEW export_ids AS
SELECT f.item_id
FROM item_fact f, export_params
WHERE in_place(f.place_code, export_params.p_place)
  AND (export_params.p_year IS NULL OR f.year = export_params.p_year)
  AND (export_params.p_category IS NULL OR f.category = export_params.p_category OR f.category_zh = export_params.p_category);
