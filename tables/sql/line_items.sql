-- The cleaned line items as exported;
-- The items are those of the temp view export_ids (sql/ids: the filter of export_params).
-- columns and their order are those of data/dictionary.csv (table line_items).
SELECT item_id, catalog_id, province, province_code, city, city_code, district, jurisdiction, catalog_admin_code, catalog_level,
       place, place_code, place_level, year, phase,
       item_no, sub_no, code, name, alt_name, group_name, description, section, source_category,
       category, category_zh, category_en, category_rule, purchaser, organization, organization_code, organization_name, target_group,
       region_text, region_code, region_name, region_level, region_rule,
       funding_text, funding_code, funding_zh, funding_en, funding_family, funding_level,
       amount_yuan, amount_wan, amount_text, amount_kind, amount_basis, covered_by_place_code, tax_included, period_start, period_end,
       source_file, line_start, line_end, detail_line_start, detail_line_end, source_location, synthetic, review
FROM clean_items(export_ids)
-- No ORDER BY: rows are written in no promised order (each carries its keys:
-- year, place, catalog_id, line_start, item_id). Sorting a million rows of sixty
-- columns cost more than writing them (10 s of a 15 s CSV export, 3 GB).
