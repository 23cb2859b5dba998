-- export_ids: the items an export or the workbook selects, by the filter of
-- the one-row temp table export_params. line_items reads their cleaned rows
-- through clean_items(export_ids): the items are chosen before the joins.
-- The parameters are scalar subqueries, not a join with export_params: a
-- join makes in_place's subquery correlated, run per row (0.1 s at 1M).
CREATE OR REPLACE TEMP VIEW export_ids AS
SELECT f.item_id
FROM item_code f
WHERE in_place(f.place_code, (SELECT p_place FROM export_params))
  AND ((SELECT p_year FROM export_params) IS NULL OR f.year = (SELECT p_year FROM export_params))
  AND in_category(f.category, (SELECT p_category FROM export_params));
