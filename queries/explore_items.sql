-- name: explore_items
-- description: The line items the dashboard embeds: every item when there are at most 20000 (the page then filters and adds them up itself), else the largest items of each place, year, phase and category (at least one each, about 8000 in all) for the drill-down; complete says which
-- params: place, year, category
-- How many items and groups the selection holds comes from mart_explore;
-- the largest of each group from item_rank when 20 or fewer of each are
-- wanted (12_report_marts.sql), else from the items. A branch not taken
-- reads no item: its join with counts has an empty side.
WITH counts AS (
    SELECT coalesce(sum(items), 0) AS n_all, count(DISTINCT (place_code, place_level, year, phase, category)) AS n_cells
    FROM mart_explore
    WHERE in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
      AND in_category(category, $category)
), mode AS (
    SELECT CASE WHEN n_all <= 20000 THEN 'all'
                WHEN 8000 // n_cells <= 20 THEN 'ranked'
                ELSE 'scan' END AS how,
           greatest(1, 8000 // greatest(n_cells, 1)) AS per_cell
    FROM counts
), scoped AS NOT MATERIALIZED (  -- scanned where used: item_code is narrow, a materialized copy of a million ids cost more
    SELECT item_id, place_code, place_level, year, phase, category, amount_yuan
    FROM item_code
    WHERE in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
      AND in_category(category, $category)
), per_cell AS (
    -- the largest items of each cell (amount descending, then item_id), as a
    -- top-n aggregate: a window over every item costs several times more
    SELECT unnest(min_by(s.item_id, {'a': coalesce(-s.amount_yuan, 9223372036854775807), 'i': s.item_id},
                         m.per_cell)) AS item_id
    FROM (SELECT * FROM mode WHERE how = 'scan') m
    JOIN scoped s ON true
    GROUP BY s.place_code, s.place_level, s.year, s.phase, s.category, m.per_cell
), chosen AS (
    SELECT s.item_id, true AS complete FROM (SELECT * FROM mode WHERE how = 'all') m JOIN scoped s ON true
    UNION ALL
    SELECT item_id, false AS complete FROM per_cell
    UNION ALL
    SELECT r.item_id, false AS complete
    FROM (SELECT * FROM mode WHERE how = 'ranked') m
    JOIN item_rank r ON r.rank <= m.per_cell
    WHERE in_place(r.place_code, $place)
      AND ($year IS NULL OR r.year = $year)
      AND in_category(r.category, $category)
)
SELECT f.item_id, f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, f.category, f.category_zh, f.funding_code, f.funding_zh,
       coalesce(f.region_code, '') AS region_code, region_label(f.region_code, f.region_level, r.name, f.region_name) AS region_label,
       coalesce(f.org_key, '') AS org_key, coalesce(f.organization_name, f.organization, '') AS organization_name,
       f.amount_kind, coalesce(f.covered_by_place_code, '') AS covered_by,
       f.name, f.amount_yuan, f.amount_text, f.catalog_id, c.title AS catalog_title, f.source_file,
       coalesce(f.source_location, f.line_start || CASE WHEN f.line_end > f.line_start THEN '–' || f.line_end ELSE '' END) AS location,
       ch.complete
FROM chosen ch
JOIN clean_items(chosen) f USING (item_id)
JOIN catalog c USING (catalog_id)
JOIN catalog_place p USING (catalog_id)
LEFT JOIN ref_regions r ON r.code = f.region_code
ORDER BY f.amount_yuan DESC NULLS LAST, f.item_id;
