-- name: largest_items
-- description: The 20 largest line items with their place, organization, kind, phase, catalog and source location
-- params: place, year, category
-- The 20 largest of a selection are among the 20 largest of each place,
-- year, phase and category it selects (item_rank, 12_report_marts.sql).
WITH largest AS (
    SELECT item_id
    FROM item_rank
    WHERE amount_yuan IS NOT NULL
      AND in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
      AND in_category(category, $category)
    ORDER BY amount_yuan DESC, item_id
    LIMIT 20
)
SELECT item_id, place, jurisdiction, year, phase, name, organization, category_zh, funding_zh, region_name,
       amount_yuan, amount_kind, source_file, line_start, line_end,
       coalesce(source_file || ' ' || source_location,
                source_file || ':' || line_start || CASE WHEN line_end > line_start THEN '–' || line_end ELSE '' END) AS source_ref
FROM clean_items(largest)
ORDER BY amount_yuan DESC, item_id;
