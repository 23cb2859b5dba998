-- The cells that hold a control character, as (row_no, column_name,
-- reason): a branch of template_checks.sql, added when the file's bytes
-- hold a control character other than tab, line feed and carriage return.
SELECT row_no, column_name, 'contains a control character (such as NUL, U+0000); remove it'
FROM (UNPIVOT (SELECT * FROM tpl WHERE regexp_matches(concat_ws('', *COLUMNS(* EXCLUDE (row_no))), '[\x00-\x08\x0B\x0C\x0E-\x1F]'))
      ON COLUMNS(* EXCLUDE (row_no)) INTO NAME column_name VALUE value)
WHERE regexp_matches(value, '[\x00-\x08\x0B\x0C\x0E-\x1F]')
