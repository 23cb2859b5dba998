-- name: explore_items
-- description: The line items the dashboard embeds: every item when there are at most 20000 (the page then filters and adds them up itself), else the largest items of each place, year, phase and category (at least one each, about 8000 in all) for the drill-down; complete says which
-- params: place, year, category
WITH chosen AS (
    SELECT f.*,
           count(*) OVER () AS n_all,
           row_number() OVER (PARTITION BY f.place_code, f.year, f.phase, f.category
                              ORDER BY f.amount_yuan DESC NULLS LAST, f.item_id) AS rank_in_cell,
           dense_rank() OVER (ORDER BY f.place_code, f.year, f.phase, f.category)
             + dense_rank() OVER (ORDER BY f.place_code DESC, f.year DESC, f.phase DESC, f.category DESC) - 1 AS n_cells
    FROM clean_line_item f
    WHERE in_place(f.place_code, $place)
      AND ($year IS NULL OR f.year = $year)
      AND ($category IS NULL OR f.category = $category OR f.category_zh = $category)
)
SELECT f.item_id, f.place_code, f.place, f.place_level, f.compare_level, p.place_city_code, p.place_province_code,
       f.year, f.phase, f.category, f.category_zh, f.funding_code, f.funding_zh,
       coalesce(f.region_code, '') AS region_code, region_label(f.region_code, f.region_level, r.name, f.region_name) AS region_label,
       coalesce(f.org_key, '') AS org_key, coalesce(f.organization_name, f.organization, '') AS organization_name,
       f.amount_kind, coalesce(f.covered_by_place_code, '') AS covered_by,
       f.name, f.amount_yuan, f.amount_text, f.catalog_id, c.title AS catalog_title, f.source_file,
       coalesce(f.source_location, f.line_start || CASE WHEN f.line_end > f.line_start THEN '–' || f.line_end ELSE '' END) AS location,
       f.n_all <= 20000 AS complete
FROM chosen f
JOIN catalog c USING (catalog_id)
JOIN catalog_place p USING (catalog_id)
LEFT JOIN ref_regions r ON r.code = f.region_code
WHERE f.n_all <= 20000 OR f.rank_in_cell <= greatest(1, 8000 // f.n_cells)
ORDER BY f.amount_yuan DESC NULLS LAST, f.item_id;
