-- Marts: totals by city × year, × category, × funding source, by region; the
-- category mix per city; a coverage matrix. Every total keeps caps (最高资助)
-- and actual-cost items (按实结算) apart, and counts items of unknown amount.
-- Shares are percentages of the city-year total, exact DECIMAL(18,2).

CREATE OR REPLACE MACRO pct(part, whole) AS
    CASE WHEN whole IS NULL OR whole = 0 THEN NULL
         ELSE CAST(CAST(part AS DECIMAL(38, 6)) * 100 / whole AS DECIMAL(18, 2)) END;

-- The money columns every mart carries, as aggregates over line items.
CREATE OR REPLACE MACRO yuan_total(amount) AS CAST(sum(amount) AS BIGINT);
CREATE OR REPLACE MACRO yuan_of_kind(amount, kind, wanted) AS
    CAST(coalesce(sum(amount) FILTER (WHERE kind = wanted), 0) AS BIGINT);
CREATE OR REPLACE MACRO unknown_amounts(amount) AS count(*) FILTER (WHERE amount IS NULL);

CREATE OR REPLACE TABLE mart_city_year AS
WITH t AS (
    SELECT province, city, year,
           count(DISTINCT catalog_id)                                      AS catalogs,
           string_agg(DISTINCT jurisdiction, '、' ORDER BY jurisdiction)    AS jurisdictions,
           count(*)                                                        AS items,
           yuan_total(amount_yuan)                                AS total_yuan,
           unknown_amounts(amount_yuan)                     AS items_unknown_amount,
           yuan_of_kind(amount_yuan, amount_kind, 'fixed')   AS fixed_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'cap')     AS cap_yuan,
           yuan_of_kind(amount_yuan, amount_kind, 'actuals') AS actuals_yuan
    FROM item_fact
    GROUP BY province, city, year
)
SELECT t.*,
       lag(year)       OVER w AS prev_year,
       lag(total_yuan) OVER w AS prev_total_yuan,
       total_yuan - lag(total_yuan) OVER w AS change_yuan,
       pct(total_yuan - lag(total_yuan) OVER w, lag(total_yuan) OVER w) AS change_pct
FROM t
WINDOW w AS (PARTITION BY province, city ORDER BY year);

CREATE OR REPLACE TABLE mart_city_year_category AS
SELECT c.province, c.city, c.year, c.category, c.category_zh, c.category_en,
       count(*)                                            AS items,
       yuan_total(c.amount_yuan)                  AS total_yuan,
       unknown_amounts(c.amount_yuan)       AS items_unknown_amount,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'cap')     AS cap_yuan,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'actuals') AS actuals_yuan,
       pct(sum(c.amount_yuan), any_value(cy.total_yuan))   AS share_pct
FROM item_fact c
JOIN mart_city_year cy USING (province, city, year)
GROUP BY c.province, c.city, c.year, c.category, c.category_zh, c.category_en;

CREATE OR REPLACE TABLE mart_city_year_funding AS
SELECT c.province, c.city, c.year, c.funding_code, c.funding_zh, c.funding_en,
       count(*)                                            AS items,
       yuan_total(c.amount_yuan)                  AS total_yuan,
       unknown_amounts(c.amount_yuan)       AS items_unknown_amount,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'cap')     AS cap_yuan,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'actuals') AS actuals_yuan,
       pct(sum(c.amount_yuan), any_value(cy.total_yuan))   AS share_pct
FROM item_fact c
JOIN mart_city_year cy USING (province, city, year)
GROUP BY c.province, c.city, c.year, c.funding_code, c.funding_zh, c.funding_en;

CREATE OR REPLACE TABLE mart_region AS
SELECT c.province, c.city, c.year, c.region_code, c.region_name, c.region_level,
       count(*)                                            AS items,
       yuan_total(c.amount_yuan)                  AS total_yuan,
       unknown_amounts(c.amount_yuan)       AS items_unknown_amount,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'cap')     AS cap_yuan,
       yuan_of_kind(c.amount_yuan, c.amount_kind, 'actuals') AS actuals_yuan,
       pct(sum(c.amount_yuan), any_value(cy.total_yuan))   AS share_pct
FROM item_fact c
JOIN mart_city_year cy USING (province, city, year)
GROUP BY c.province, c.city, c.year, c.region_code, c.region_name, c.region_level;

-- Category mix of each city over all its years, for comparing cities.
CREATE OR REPLACE TABLE mart_category_mix AS
WITH city AS (
    SELECT province, city, yuan_total(amount_yuan) AS city_total_yuan,
           string_agg(DISTINCT CAST(year AS VARCHAR), '、' ORDER BY CAST(year AS VARCHAR)) AS years
    FROM item_fact GROUP BY province, city
)
SELECT c.province, c.city, city.years, c.category, c.category_zh, c.category_en,
       count(*)                                      AS items,
       yuan_total(c.amount_yuan)            AS total_yuan,
       unknown_amounts(c.amount_yuan) AS items_unknown_amount,
       pct(sum(c.amount_yuan), any_value(city.city_total_yuan)) AS share_pct
FROM item_fact c
JOIN city USING (province, city)
GROUP BY c.province, c.city, city.years, c.category, c.category_zh, c.category_en;

-- Every city × every year between the first and last year loaded, with
-- has_data false where no catalog covers the pair: gaps stay visible.
CREATE OR REPLACE TABLE mart_coverage AS
WITH cities AS (SELECT DISTINCT province, city FROM catalog),
     years  AS (SELECT unnest(range(min(year), max(year) + 1)) AS year FROM catalog),
     loaded AS (
        SELECT c.province, c.city, c.year,
               count(DISTINCT c.catalog_id) AS catalogs,
               count(li.item_id)            AS items,
               yuan_total(li.amount_yuan) AS total_yuan,
               count(li.item_id) FILTER (WHERE li.amount_yuan IS NULL) AS items_unknown_amount
        FROM catalog c LEFT JOIN line_item li USING (catalog_id)
        GROUP BY c.province, c.city, c.year)
SELECT ci.province, ci.city, y.year,
       coalesce(l.catalogs, 0) AS catalogs,
       coalesce(l.items, 0)    AS items,
       l.total_yuan,
       coalesce(l.items_unknown_amount, 0) AS items_unknown_amount,
       l.catalogs IS NOT NULL  AS has_data
FROM cities ci CROSS JOIN years y
LEFT JOIN loaded l ON l.province = ci.province AND l.city = ci.city AND l.year = y.year;
