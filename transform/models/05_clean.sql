-- The cleaned dataset: one row per line item, raw columns as printed next to
-- their normalized codes. Money stays BIGINT yuan; amount_wan is exact DECIMAL.
-- A view: the line items are stored once (line_item); the marts below are
-- the tables that analysis reads.

CREATE OR REPLACE VIEW clean_line_item AS
SELECT s.item_id,
       s.catalog_id,
       s.province,
       cr.province_code,
       s.city,
       cr.city_code,
       s.district,
       s.jurisdiction,
       s.catalog_admin_code,
       s.catalog_level,
       s.year,
       s.item_no,
       s.sub_no,
       s.code,
       s.name,
       s.alt_name,
       s.group_name,
       s.description,
       s.section,
       s.source_category,
       cat.category,
       rc.name_zh AS category_zh,
       rc.name_en AS category_en,
       cat.category_rule,
       s.purchaser,
       s.target_group,
       s.region_text,
       ir.region_code,
       ir.region_name,
       ir.region_level,
       ir.region_rule,
       s.funding_text,
       f.funding_code,
       fs.name_zh AS funding_zh,
       fs.name_en AS funding_en,
       s.amount_yuan,
       CAST(CAST(s.amount_yuan AS DECIMAL(18, 4)) * 0.0001 AS DECIMAL(18, 4)) AS amount_wan,
       s.amount_text,
       s.amount_kind,
       s.tax_included,
       s.period_start,
       s.period_end,
       s.source_file,
       s.line_start,
       s.line_end,
       s.detail_line_start,
       s.detail_line_end,
       s.synthetic
FROM stg_line_item s
JOIN catalog_region cr USING (catalog_id)
JOIN item_category cat USING (item_id)
LEFT JOIN ref_categories rc ON rc.code = cat.category
JOIN region_resolution ir ON ir.catalog_id = s.catalog_id AND ir.region_key = coalesce(s.region_text, '')
JOIN funding_resolution f ON f.funding_key = coalesce(s.funding_text, '')
LEFT JOIN ref_funding_sources fs ON fs.code = f.funding_code;

-- The narrow columns the marts aggregate, materialized once.
CREATE OR REPLACE TABLE item_fact AS
SELECT item_id, catalog_id, province, city, year, jurisdiction,
       category, category_zh, category_en, funding_code, funding_zh, funding_en,
       region_code, region_name, region_level, amount_yuan, amount_kind
FROM clean_line_item;
