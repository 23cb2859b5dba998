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
CREATE OR REPLACE MACRO yuan_where(amount, cond) AS
    CASE WHEN count(amount) = 0 THEN NULL ELSE CAST(coalesce(sum(amount) FILTER (WHERE cond), 0) AS BIGINT) END;
CREATE OR REPLACE MACRO basis_of(firm, cap, actuals) AS
    CASE WHEN firm > 0 THEN 'firm' WHEN cap > 0 THEN 'cap' WHEN actuals > 0 THEN 'actuals' ELSE 'firm' END;

CREATE OR REPLACE TABLE mart_place_year AS
WITH t AS (
    SELECT province, city, place_code, place, place_level, compare_level, year, phase,
           count(DISTINCT catalog_id)                               AS catalogs,
           count(*)                                                 AS items,
           yuan_of_basis(amount_yuan, amount_basis, 'firm')         AS total_yuan,
           unknown_amounts(amount_yuan)                             AS items_unknown_amount,
           yuan_of_kind(amount_yuan, amount_kind, 'fixed')          AS fixed_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'derived')        AS derived_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'approx')         AS approx_yuan,
           yuan_of_basis(amount_yuan, amount_basis, 'cap')          AS cap_yuan,
           yuan_of_basis(amount_yuan, amount_basis, 'actuals')      AS actuals_yuan
    FROM item_fact
    GROUP BY province, city, place_code, place, place_level, compare_level, year, phase
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

CREATE OR REPLACE MACRO basis_yuan(amount, item_basis, wanted) AS
    CASE WHEN count(amount) = 0 THEN NULL ELSE CAST(coalesce(sum(amount) FILTER (WHERE item_basis = wanted), 0) AS BIGINT) END;

CREATE OR REPLACE TABLE mart_place_year_category AS
SELECT c.province, c.city, c.place_code, c.place, c.place_level, c.compare_level, c.year, c.phase,
       c.category, c.category_zh, c.category_en,
       count(*)                                                 AS items,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'firm')     AS total_yuan,
       unknown_amounts(c.amount_yuan)                           AS items_unknown_amount,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'cap')      AS cap_yuan,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'actuals')  AS actuals_yuan,
       any_value(py.basis)                                      AS basis,
       basis_yuan(c.amount_yuan, c.amount_basis, py.basis)      AS basis_yuan,
       pct(basis_yuan(c.amount_yuan, c.amount_basis, py.basis), any_value(py.basis_yuan)) AS share_pct
FROM item_fact c
JOIN mart_place_year py USING (place_code, place_level, year, phase)
GROUP BY ALL;

CREATE OR REPLACE TABLE mart_place_year_funding AS
SELECT c.province, c.city, c.place_code, c.place, c.place_level, c.compare_level, c.year, c.phase,
       c.funding_code, c.funding_zh, c.funding_en, c.funding_family, c.funding_level,
       count(*)                                                 AS items,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'firm')     AS total_yuan,
       unknown_amounts(c.amount_yuan)                           AS items_unknown_amount,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'cap')      AS cap_yuan,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'actuals')  AS actuals_yuan,
       any_value(py.basis)                                      AS basis,
       basis_yuan(c.amount_yuan, c.amount_basis, py.basis)      AS basis_yuan,
       pct(basis_yuan(c.amount_yuan, c.amount_basis, py.basis), any_value(py.basis_yuan)) AS share_pct
FROM item_fact c
JOIN mart_place_year py USING (place_code, place_level, year, phase)
GROUP BY ALL;

CREATE OR REPLACE TABLE mart_region AS
SELECT c.province, c.city, c.place_code, c.place, c.place_level, c.compare_level, c.year, c.phase,
       c.region_code, c.region_name, c.region_level,
       count(*)                                                 AS items,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'firm')     AS total_yuan,
       unknown_amounts(c.amount_yuan)                           AS items_unknown_amount,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'cap')      AS cap_yuan,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'actuals')  AS actuals_yuan,
       any_value(py.basis)                                      AS basis,
       basis_yuan(c.amount_yuan, c.amount_basis, py.basis)      AS basis_yuan,
       pct(basis_yuan(c.amount_yuan, c.amount_basis, py.basis), any_value(py.basis_yuan)) AS share_pct
FROM item_fact c
JOIN mart_place_year py USING (place_code, place_level, year, phase)
GROUP BY ALL;

-- Category mix of each place over all its years (per phase), for comparing places.
CREATE OR REPLACE TABLE mart_category_mix AS
WITH p AS (
    SELECT place_code, place_level, phase,
           string_agg(DISTINCT CAST(year AS VARCHAR), '、' ORDER BY CAST(year AS VARCHAR)) AS years,
           yuan_of_basis(amount_yuan, amount_basis, 'firm')    AS firm,
           yuan_of_basis(amount_yuan, amount_basis, 'cap')     AS cap,
           yuan_of_basis(amount_yuan, amount_basis, 'actuals') AS actuals
    FROM item_fact GROUP BY place_code, place_level, phase
), pb AS (
    SELECT *, basis_of(firm, cap, actuals) AS basis,
           CASE basis_of(firm, cap, actuals) WHEN 'cap' THEN cap WHEN 'actuals' THEN actuals ELSE firm END AS place_basis_yuan
    FROM p
)
SELECT c.province, c.city, c.place_code, c.place, c.place_level, c.compare_level, c.phase, pb.years,
       c.category, c.category_zh, c.category_en,
       count(*)                                                 AS items,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'firm')     AS total_yuan,
       unknown_amounts(c.amount_yuan)                           AS items_unknown_amount,
       yuan_of_basis(c.amount_yuan, c.amount_basis, 'cap')      AS cap_yuan,
       any_value(pb.basis)                                      AS basis,
       basis_yuan(c.amount_yuan, c.amount_basis, pb.basis)      AS basis_yuan,
       pct(basis_yuan(c.amount_yuan, c.amount_basis, pb.basis), any_value(pb.place_basis_yuan)) AS share_pct
FROM item_fact c
JOIN pb USING (place_code, place_level, phase)
GROUP BY ALL;

-- Organizations: what each received, per phase, from how many places and years.
CREATE OR REPLACE TABLE mart_organization AS
SELECT f.org_key, o.name AS organization, o.credit_code, f.phase,
       count(*)                                                 AS items,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'firm')     AS total_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'cap')      AS cap_yuan,
       yuan_of_basis(f.amount_yuan, f.amount_basis, 'actuals')  AS actuals_yuan,
       unknown_amounts(f.amount_yuan)                           AS items_unknown_amount,
       count(DISTINCT f.place_code)                             AS places,
       count(DISTINCT f.year)                                   AS years,
       string_agg(DISTINCT f.place, '、' ORDER BY f.place)      AS place_list,
       string_agg(DISTINCT CAST(f.year AS VARCHAR), '、' ORDER BY CAST(f.year AS VARCHAR)) AS year_list,
       list(DISTINCT f.place_code)                              AS place_codes,
       len(o.printed_names)                                     AS printed_names
FROM item_fact f
JOIN organization o USING (org_key)
GROUP BY ALL;

-- A city with its districts' catalogs rolled up, per year and phase, without
-- counting money twice: a district item the city's own catalog already
-- covers (item_overlap, 06_clean.sql) is shown as overlap_yuan and left out
-- of rollup_yuan. Firm amounts only; caps and actual-cost figures stay in
-- the place marts.
CREATE OR REPLACE TABLE mart_city_rollup AS
WITH cp AS (
    SELECT DISTINCT place_code, place_level, place_city_code FROM catalog_place
), m AS (
    SELECT x.*, cp.place_city_code AS city_code, ov.item_id IS NOT NULL AS overlaps
    FROM item_fact x
    JOIN cp USING (place_code, place_level)
    LEFT JOIN item_overlap ov USING (item_id)
    WHERE cp.place_city_code IS NOT NULL AND x.place_level IN ('city', 'district', 'county', 'street')
)
SELECT m.city_code, any_value(r.name) AS city, m.year, m.phase,
       count(DISTINCT m.catalog_id) FILTER (WHERE m.place_level = 'city')  AS city_catalogs,
       count(DISTINCT m.catalog_id) FILTER (WHERE m.place_level <> 'city') AS district_catalogs,
       yuan_where(m.amount_yuan, m.amount_basis = 'firm' AND m.place_level = 'city')  AS city_yuan,
       yuan_where(m.amount_yuan, m.amount_basis = 'firm' AND m.place_level <> 'city') AS districts_yuan,
       yuan_where(m.amount_yuan, m.amount_basis = 'firm' AND m.overlaps)              AS overlap_yuan,
       yuan_where(m.amount_yuan, m.amount_basis = 'firm' AND NOT m.overlaps)          AS rollup_yuan,
       count(*) FILTER (WHERE m.overlaps) AS overlap_items
FROM m
LEFT JOIN region r ON r.code = m.city_code
GROUP BY m.city_code, m.year, m.phase;

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
