-- Categories: the first rule of ref_category_rules that matches (lowest
-- priority number, then rule_no) gives the category; the rule is kept.
-- A source category that is itself a category code or Chinese label (as the
-- fundscope template asks for) is taken as it is, before any rule.
-- Exact source-category rules are hash joins; the keyword rules (name or
-- description contains …) are tried only for texts no better rule settles.
-- Each distinct printed (name, description, source category) is resolved
-- once (category_resolution), however many items print it; item_code
-- (06_clean.sql) joins it on those three keys ('' for a text not printed).

DROP VIEW IF EXISTS item_category;  -- what earlier versions resolved per item

CREATE OR REPLACE TABLE category_resolution AS
WITH rules AS (
    SELECT CAST(rule_no AS INTEGER) AS rule_no, CAST(priority AS INTEGER) AS priority,
           field, pattern, category,
           CASE field WHEN 'source_category' THEN 'source_category = ' ELSE field || ' contains ' END
               || pattern || ' (rule ' || rule_no || ')' AS category_rule
    FROM ref_category_rules
), exact_rules AS (
    -- the best rule for each source-category text: a small table
    SELECT pattern, priority, rule_no, category, category_rule
    FROM (
        SELECT priority, rule_no, pattern, category, category_rule FROM rules WHERE field = 'source_category'
        UNION ALL
        SELECT 0, 0, code, code, 'source_category = ' || code || ' (a category code)' FROM ref_categories
        UNION ALL
        SELECT 0, 0, name_zh, code, 'source_category = ' || name_zh || ' (a category label)' FROM ref_categories
    )
    QUALIFY row_number() OVER (PARTITION BY pattern ORDER BY priority, rule_no) = 1
), keyword_rules AS (
    SELECT * FROM rules WHERE field IN ('name', 'description')
), printed AS (
    SELECT DISTINCT name, coalesce(description, '') AS description_key, coalesce(source_category, '') AS source_category_key
    FROM line_item
), items AS (
    SELECT p.*, e.priority AS e_priority, e.rule_no AS e_rule_no, e.category AS e_category, e.category_rule AS e_rule
    FROM printed p
    LEFT JOIN exact_rules e ON e.pattern = p.source_category_key
), keyword AS (
    SELECT o.name, o.description_key, o.source_category_key, r.priority, r.rule_no, r.category, r.category_rule
    FROM items o
    JOIN keyword_rules r
      ON contains(CASE r.field WHEN 'name' THEN o.name ELSE o.description_key END, r.pattern)
    WHERE o.e_priority IS NULL OR o.e_priority > (SELECT min(priority) FROM keyword_rules)
    QUALIFY row_number() OVER (PARTITION BY o.name, o.description_key, o.source_category_key ORDER BY r.priority, r.rule_no) = 1
)
SELECT i.name, i.description_key, i.source_category_key,
       CASE WHEN k.name IS NOT NULL AND (i.e_priority IS NULL OR (k.priority, k.rule_no) < (i.e_priority, i.e_rule_no))
            THEN k.category ELSE coalesce(i.e_category, 'other') END AS category,
       CASE WHEN k.name IS NOT NULL AND (i.e_priority IS NULL OR (k.priority, k.rule_no) < (i.e_priority, i.e_rule_no))
            THEN k.category_rule ELSE coalesce(i.e_rule, 'no rule matched: other') END AS category_rule
FROM items i
LEFT JOIN keyword k USING (name, description_key, source_category_key);
