-- Categories: the first rule of ref_category_rules that matches (lowest
-- priority number, then rule_no) gives the category; the rule is kept.
-- A source category that is itself a category code or Chinese label (as the
-- fundscope template asks for) is taken as it is, before any rule.

CREATE OR REPLACE TABLE item_category AS
WITH rules AS (
    SELECT CAST(rule_no AS INTEGER) AS rule_no, CAST(priority AS INTEGER) AS priority,
           field, pattern, category
    FROM ref_category_rules
    UNION ALL
    SELECT 0, 0, 'source_category', code, code FROM ref_categories
    UNION ALL
    SELECT 0, 0, 'source_category', name_zh, code FROM ref_categories
), matched AS (
    SELECT s.item_id, r.category, r.rule_no,
           CASE r.field WHEN 'source_category' THEN 'source_category = ' ELSE r.field || ' contains ' END
               || r.pattern || ' (rule ' || r.rule_no || ')' AS category_rule
    FROM stg_item s
    LEFT JOIN rules r
           ON (r.field = 'source_category' AND s.source_category = r.pattern)
           OR (r.field = 'name'            AND contains(s.name, r.pattern))
           OR (r.field = 'description'     AND contains(coalesce(s.description, ''), r.pattern))
    QUALIFY row_number() OVER (PARTITION BY s.item_id ORDER BY r.priority NULLS LAST, r.rule_no) = 1
)
SELECT item_id,
       coalesce(category, 'other')                       AS category,
       coalesce(category_rule, 'no rule matched: other') AS category_rule
FROM matched;
