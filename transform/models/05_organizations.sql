-- Organizations that receive the money (承接/申报/中标/实施单位). A printed
-- name is folded for matching: white space removed, full-width letters,
-- digits and brackets made ASCII, traditional characters made simplified
-- (data/ref/t2s.csv), a trailing 统一社会信用代码 or bracketed note about the
-- code dropped. Names folding alike are one organization; a credit code
-- printed with any of them joins every name printed with that code, when
-- its check character is right (a wrong one is kept in code_printed with
-- code_problem, and joins nothing). Its first characters give org_kind
-- (51 社会团体, 52 民办非企业单位, 53 基金会). The printed names are kept.

CREATE OR REPLACE TABLE org_fold AS
SELECT string_agg(traditional, '' ORDER BY traditional) || '（）【】〔〕［］｛｝' ||
           (SELECT string_agg(chr(CAST(65281 + i AS INTEGER)), '' ORDER BY i) FROM range(94) t(i)) AS from_chars,
       string_agg(simplified, '' ORDER BY traditional)  || '()[][][]{}' ||
           (SELECT string_agg(chr(CAST(33 + i AS INTEGER)), '' ORDER BY i) FROM range(94) t(i)) AS to_chars
FROM ref_t2s
WHERE length(traditional) = 1 AND length(simplified) = 1;

CREATE OR REPLACE TABLE organization_name AS
WITH printed AS (
    SELECT organization AS printed_name,
           any_value(organization_code) FILTER (WHERE organization_code IS NOT NULL) AS printed_code
    FROM line_item
    WHERE organization IS NOT NULL AND trim(organization) <> ''
    GROUP BY organization
), folded AS (
    SELECT p.printed_name,
           upper(translate(regexp_replace(p.printed_name, '[\s　 ]', '', 'g'), f.from_chars, f.to_chars)) AS f1,
           p.printed_code
    FROM printed p, org_fold f
), coded AS (
    SELECT printed_name,
           coalesce(printed_code,
                    regexp_extract(f1, '([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})', 1)) AS code_printed,
           trim(regexp_replace(regexp_replace(f1, '\(?(统一社会信用代码|信用代码)?[:：]?[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}\)?', ''),
                               '[,，。;；、:：]+$', '')) AS folded_name
    FROM folded
), checked AS (
    -- a code joins names only when its check character is right (uscc_ok,
    -- store/schema.sql); a code that fails is kept as printed, with why
    SELECT *, CASE WHEN uscc_ok(code_printed) THEN code_printed END AS code,
           CASE WHEN nullif(code_printed, '') IS NOT NULL AND NOT uscc_ok(code_printed)
                THEN 'check character wrong: not used to join names' END AS code_problem
    FROM coded
)
SELECT printed_name,
       folded_name,
       code AS credit_code,
       code_printed,
       code_problem,
       -- one key per organization: the credit code printed with any of its folded names, else the folded name
       coalesce(max(code) OVER (PARTITION BY folded_name), folded_name) AS org_key
FROM checked;

CREATE OR REPLACE TABLE organization AS
SELECT o.org_key,
       mode(li.organization)                                   AS name,
       max(o.credit_code)                                      AS credit_code,
       uscc_kind(max(o.credit_code))                           AS org_kind,
       list(DISTINCT li.organization ORDER BY li.organization) AS printed_names,
       count(*)                                                AS items,
       count(DISTINCT li.catalog_id)                           AS catalogs
FROM line_item li
JOIN organization_name o ON o.printed_name = li.organization
GROUP BY o.org_key;
