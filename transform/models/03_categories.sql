-- Categories: the first rule of ref_category_rules that matches (lowest
-- priority number, then rule_no) gives the category; the rule is kept.
-- A source category that is itself a category code or Chinese label (as the
-- fundscope template asks for) is taken as it is, before any rule.
-- Exact source-category rules are hash joins; the keyword rules (name or
-- description contains …) are tried only for items no better rule settles.

CREATE OR REPLACE TABLE item_category AS
WITH rules AS (
    SELECT CAST(rule_no AS INTEGER) AS rule_no, CAST(priority AS INTEGER) AS priority,
           field, pattern, category,
           CASE field WHEN 'source_category' THEN 'source_category = ' ELSE field || ' contains ' END
               || pattern || ' (rule ' || rule_no || ')' AS category_rule
    FROM ref_category_rules
), exact_rules AS (
    SELECT priority, rule_no, pattern, category, category_rule FROM rules WHERE field = 'source_category'
    UNION ALL
    SELECT 0, 0, code, code, 'source_category = ' || code || ' (a category code)' FROM ref_categories
    UNION ALL
    SELECT 0, 0, name_zh, code, 'source_category = ' || name_zh || ' (a category label)' FROM ref_categories
), exact AS (
    SELECT li.item_id, r.priority, r.rule_no, r.category, r.category_rule
    FROM line_item li
    JOIN exact_rules r ON r.pattern = li.source_category
    QUALIFY row_number() OVER (PARTITION BY li.item_id ORDER BY r.priority, r.rule_no) = 1
), keyword_rules AS (
    SELECT * FROM rules WHERE field IN ('name', 'description')
), open_items AS (
    SELECT li.item_id, li.name, coalesce(li.description, '') AS description
    FROM line_item li
    LEFT JOIN exact e USING (item_id)
    WHERE e.item_id IS NULL OR e.priority > (SELECT min(priority) FROM keyword_rules)
), keyword AS (
    SELECT o.item_id, r.priority, r.rule_no, r.category, r.category_rule
    FROM open_items o
    JOIN keyword_rules r
      ON contains(CASE r.field WHEN 'name' THEN o.name ELSE o.description END, r.pattern)
    QUALIFY row_number() OVER (PARTITION BY o.item_id ORDER BY r.priority, r.rule_no) = 1
), best AS (
    SELECT * FROM exact
    UNION ALL
    SELECT * FROM keyword
)
SELECT li.item_id,
       coalesce(b.category, 'other')                       AS category,
       coalesce(b.category_rule, 'no rule matched: other') AS category_rule
FROM line_item li
LEFT JOIN best b USING (item_id)
QUALIFY row_number() OVER (PARTITION BY li.item_id ORDER BY b.priority NULLS LAST, b.rule_no) = 1;
