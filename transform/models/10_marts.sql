-- Marts: totals by place × year, × category, × funding source, by region,
-- by organization; the category mix per place; a coverage matrix; a city
-- roll-up of its districts' catalogs. A place is the jurisdiction that
-- publishes a catalog (舟山市普陀区), never its city: a catalog counts for its
-- publisher only. Every total is per phase (budgeted, approved, contracted,
-- paid: never added together), and keeps the amount bases apart:
--   total_yuan    firm amounts (fixed, plus derived and approx, shown apart too)
--   cap_yuan      caps (最高资助), never added to total_yuan
--   actuals_yuan  actual-cost estimates (按实结算), never added to total_yuan
-- basis / basis_yuan: what a chart of the place-year draws: its firm total,
-- or, where it has none, its caps (else its actual-cost figures), named.
-- Shares are percentages of the place-year's basis, exact DECIMAL(18,2).

CREATE OR REPLACE MACRO pct(part, whole) AS
    CASE WHEN whole IS NULL OR whole = 0 THEN NULL
         ELSE CAST(CAST(part AS DECIMAL(38, 6)) * 100 / whole AS DECIMAL(18, 2)) END;

-- The money columns every mart carries, as aggregates over line items: NULL
-- where no item of the group states an amount (a missing amount is never 0),
-- else the sum of the amounts of one basis or kind (0 when none is of it).
CREATE OR REPLACE MACRO yuan_of_basis(amount, basis, wanted) AS
    CASE WHEN count(amount) = 0 THEN NULL ELSE CAST(coalesce(sum(amount) FILTER (WHERE basis = wanted), 0) AS BIGINT) END;
CREATE OR REPLACE MACRO yuan_of_kind(amount, kind, wanted) AS
    CASE WHEN count(amount) = 0 THEN NULL ELSE CAST(coalesce(sum(amount) FILTER (WHERE kind = wanted), 0) AS BIGINT) END;
CREATE OR REPLACE MACRO unknown_amounts(amount) AS count(*) FILTER (WHERE amount IS NULL);
-- A firm sum over groups already added up: priced is each group's count of
-- amounts, yuan its sum.
CREATE OR REPLACE MACRO rollup_yuan(priced, yuan, cond) AS
    CASE WHEN sum(priced) = 0 THEN NULL ELSE CAST(coalesce(sum(yuan) FILTER (WHERE cond), 0) AS BIGINT) END;
CREATE OR REPLACE MACRO basis_of(firm, cap, actuals) AS
    CASE WHEN firm > 0 THEN 'firm' WHEN cap > 0 THEN 'cap' WHEN actuals > 0 THEN 'actuals' ELSE 'firm' END;

-- Every mart adds up item_code (06_clean.sql) by codes, then sets the names
-- beside the sums (place, ref_categories, ref_funding_sources): the groups
-- are few, the items many, so names are joined once per group, not per item.

CREATE OR REPLACE TABLE mart_place_year AS
WITH g AS (
    SELECT place_code, place_level, year, phase,
           count(DISTINCT catalog_id)                               AS catalogs,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'firm')    AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_kind(amount_yuan, amount_kind, 'fixed')          AS fixed_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'derived')        AS derived_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'approx')         AS approx_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'actuals') AS actuals_yuan
    FROM item_code
    GROUP BY place_code, place_level, year, phase
), t AS (
    SELECT p.province, p.city, g.place_code, p.place, g.place_level, p.compare_level, g.year, g.phase,
           g.catalogs, g.items, g.total_yuan, g.items_unknown_amount, g.fixed_yuan, g.derived_yuan, g.approx_yuan,
           g.cap_yuan, g.actuals_yuan
    FROM g JOIN place p USING (place_code, place_level)
)
SELECT t.*,
       basis_of(total_yuan, cap_yuan, actuals_yuan) AS basis,
       CASE basis_of(total_yuan, cap_yuan, actuals_yuan) WHEN 'cap' THEN cap_yuan WHEN 'actuals' THEN actuals_yuan ELSE total_yuan END AS basis_yuan,
       lag(year)       OVER w AS prev_year,
       lag(total_yuan) OVER w AS prev_total_yuan,
       total_yuan - lag(total_yuan) OVER w AS change_yuan,
       pct(total_yuan - lag(total_yuan) OVER w, lag(total_yuan) OVER w) AS change_pct
FROM t
WINDOW w AS (PARTITION BY place_code, place_level, phase ORDER BY year);

-- The part of its basis a group holds: the group's sum of the basis the
-- place-year (or place) is drawn on.
CREATE OR REPLACE MACRO basis_part(basis, firm, cap, actuals) AS
    CASE basis WHEN 'cap' THEN cap WHEN 'actuals' THEN actuals ELSE firm END;

CREATE OR REPLACE TABLE mart_place_year_category AS
WITH g AS (
    SELECT place_code, place_level, year, phase, category,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'firm')    AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'actuals') AS actuals_yuan
    FROM item_code
    GROUP BY ALL
)
SELECT py.province, py.city, g.place_code, py.place, g.place_level, py.compare_level, g.year, g.phase,
       g.category, rc.name_zh AS category_zh, rc.name_en AS category_en,
       g.items, g.total_yuan, g.items_unknown_amount, g.cap_yuan, g.actuals_yuan,
       py.basis,
       basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan) AS basis_yuan,
       pct(basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan), py.basis_yuan) AS share_pct
FROM g
JOIN mart_place_year py USING (place_code, place_level, year, phase)
LEFT JOIN ref_categories rc ON rc.code = g.category;

CREATE OR REPLACE TABLE mart_place_year_funding AS
WITH g AS (
    SELECT place_code, place_level, year, phase, funding_code,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'firm')    AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'actuals') AS actuals_yuan
    FROM item_code
    GROUP BY ALL
)
SELECT py.province, py.city, g.place_code, py.place, g.place_level, py.compare_level, g.year, g.phase,
       g.funding_code, fs.name_zh AS funding_zh, fs.name_en AS funding_en, fs.family AS funding_family, fs.level AS funding_level,
       g.items, g.total_yuan, g.items_unknown_amount, g.cap_yuan, g.actuals_yuan,
       py.basis,
       basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan) AS basis_yuan,
       pct(basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan), py.basis_yuan) AS share_pct
FROM g
JOIN mart_place_year py USING (place_code, place_level, year, phase)
LEFT JOIN ref_funding_sources fs ON fs.code = g.funding_code;

CREATE OR REPLACE TABLE mart_region AS
WITH g AS (
    SELECT place_code, place_level, year, phase, region_code, region_name, region_level,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'firm')    AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'actuals') AS actuals_yuan
    FROM item_code
    GROUP BY ALL
)
SELECT py.province, py.city, g.place_code, py.place, g.place_level, py.compare_level, g.year, g.phase,
       g.region_code, g.region_name, g.region_level,
       g.items, g.total_yuan, g.items_unknown_amount, g.cap_yuan, g.actuals_yuan,
       py.basis,
       basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan) AS basis_yuan,
       pct(basis_part(py.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan), py.basis_yuan) AS share_pct
FROM g
JOIN mart_place_year py USING (place_code, place_level, year, phase);

-- Category mix of each place over all its years (per phase), for comparing places.
CREATE OR REPLACE TABLE mart_category_mix AS
WITH g AS (
    SELECT place_code, place_level, phase, category,
           list(DISTINCT year)                                      AS year_list,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'firm')    AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'cap')     AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis(amount_kind), 'actuals') AS actuals_yuan
    FROM item_code
    GROUP BY ALL
), p AS (
    SELECT place_code, place_level, phase,
           array_to_string(list_sort(list_distinct(flatten(list(year_list)))), '、') AS years,
           CASE WHEN count(total_yuan) = 0 THEN NULL ELSE CAST(sum(total_yuan) AS BIGINT) END     AS firm,
           CASE WHEN count(cap_yuan) = 0 THEN NULL ELSE CAST(sum(cap_yuan) AS BIGINT) END         AS cap,
           CASE WHEN count(actuals_yuan) = 0 THEN NULL ELSE CAST(sum(actuals_yuan) AS BIGINT) END AS actuals
    FROM g
    GROUP BY place_code, place_level, phase
), pb AS (
    SELECT *, basis_of(firm, cap, actuals) AS basis,
           basis_part(basis_of(firm, cap, actuals), firm, cap, actuals) AS place_basis_yuan
    FROM p
)
SELECT pl.province, pl.city, g.place_code, pl.place, g.place_level, pl.compare_level, g.phase, pb.years,
       g.category, rc.name_zh AS category_zh, rc.name_en AS category_en,
       g.items, g.total_yuan, g.items_unknown_amount, g.cap_yuan,
       pb.basis,
       basis_part(pb.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan) AS basis_yuan,
       pct(basis_part(pb.basis, g.total_yuan, g.cap_yuan, g.actuals_yuan), pb.place_basis_yuan) AS share_pct
FROM g
JOIN pb USING (place_code, place_level, phase)
JOIN place pl USING (place_code, place_level)
LEFT JOIN ref_categories rc ON rc.code = g.category;

-- Organizations: what each received, per phase, from how many places and years.
CREATE OR REPLACE TABLE mart_organization AS
SELECT f.org_key, o.name AS organization, o.credit_code, f.phase,
       count(*)                                                 AS items,
       yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'firm')    AS total_yuan,
       yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'cap')     AS cap_yuan,
       yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'actuals') AS actuals_yuan,
       unknown_amounts(f.amount_yuan)                           AS items_unknown_amount,
       count(DISTINCT f.place_code)                             AS places,
       count(DISTINCT f.year)                                   AS years,
       string_agg(DISTINCT pl.place, '、' ORDER BY pl.place)    AS place_list,
       string_agg(DISTINCT CAST(f.year AS VARCHAR), '、' ORDER BY CAST(f.year AS VARCHAR)) AS year_list,
       list(DISTINCT f.place_code)                              AS place_codes,
       len(o.printed_names)                                     AS printed_names
FROM (SELECT * FROM item_code WHERE org_key IS NOT NULL) f
JOIN place pl USING (place_code, place_level)
JOIN organization o USING (org_key)
GROUP BY f.org_key, o.name, o.credit_code, f.phase, o.printed_names;

-- A city with its districts' catalogs rolled up, per year and phase, without
-- counting money twice: a district item the city's own catalog already
-- covers (item_overlap, 06_clean.sql) is shown as overlap_yuan and left out
-- of rollup_yuan. Firm amounts only; caps and actual-cost figures stay in
-- the place marts.
CREATE OR REPLACE TABLE mart_city_rollup AS
WITH m AS (  -- per catalog, year, phase and overlap: the items and their firm money
    SELECT x.catalog_id, x.place_code, x.place_level, x.year, x.phase, ov.item_id IS NOT NULL AS overlaps,
           count(*)                                                          AS items,
           count(x.amount_yuan)                                              AS priced,
           sum(x.amount_yuan) FILTER (WHERE amount_basis(x.amount_kind) = 'firm') AS firm_yuan
    FROM item_code x
    LEFT JOIN item_overlap ov USING (item_id)
    WHERE x.place_level IN ('city', 'district', 'county', 'street')
    GROUP BY ALL
), c AS (
    SELECT m.*, pl.place_city_code AS city_code
    FROM m JOIN place pl USING (place_code, place_level)
    WHERE pl.place_city_code IS NOT NULL
)
SELECT c.city_code, any_value(r.name) AS city, c.year, c.phase,
       count(DISTINCT c.catalog_id) FILTER (WHERE c.place_level = 'city')  AS city_catalogs,
       count(DISTINCT c.catalog_id) FILTER (WHERE c.place_level <> 'city') AS district_catalogs,
       rollup_yuan(c.priced, c.firm_yuan, c.place_level = 'city')  AS city_yuan,
       rollup_yuan(c.priced, c.firm_yuan, c.place_level <> 'city') AS districts_yuan,
       rollup_yuan(c.priced, c.firm_yuan, c.overlaps)              AS overlap_yuan,
       rollup_yuan(c.priced, c.firm_yuan, NOT c.overlaps)          AS rollup_yuan,
       CAST(coalesce(sum(c.items) FILTER (WHERE c.overlaps), 0) AS BIGINT) AS overlap_items
FROM c
LEFT JOIN region r ON r.code = c.city_code
GROUP BY c.city_code, c.year, c.phase;

-- Every place × every year between the first and last year loaded, with
-- has_data false where no catalog covers the pair: gaps stay visible.
CREATE OR REPLACE TABLE mart_coverage AS
WITH places AS (SELECT DISTINCT place_code, place, place_level, compare_level, place_province AS province, place_city AS city FROM catalog_place),
     years  AS (SELECT unnest(range(min(year), max(year) + 1)) AS year FROM catalog),
     loaded AS (
        SELECT cp.place_code, cp.place_level, c.year,
               count(DISTINCT c.catalog_id) AS catalogs,
               count(li.item_id)            AS items,
               CAST(sum(li.amount_yuan) FILTER (WHERE amount_basis(li.amount_kind) = 'firm') AS BIGINT) AS total_yuan,
               count(li.item_id) FILTER (WHERE li.amount_yuan IS NULL) AS items_unknown_amount
        FROM catalog c
        JOIN catalog_place cp USING (catalog_id)
        LEFT JOIN line_item li USING (catalog_id)
        GROUP BY cp.place_code, cp.place_level, c.year)
SELECT p.province, p.city, p.place_code, p.place, p.place_level, p.compare_level, y.year,
       coalesce(l.catalogs, 0) AS catalogs,
       coalesce(l.items, 0)    AS items,
       l.total_yuan,
       coalesce(l.items_unknown_amount, 0) AS items_unknown_amount,
       l.catalogs IS NOT NULL  AS has_data
FROM places p CROSS JOIN years y
LEFT JOIN loaded l ON l.place_code = p.place_code AND l.place_level = p.place_level AND l.year = y.year;
