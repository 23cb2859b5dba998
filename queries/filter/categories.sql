-- The unified categories a --category filter can name, by code or Chinese label.
SELECT name_zh, code FROM ref_categories ORDER BY code;
