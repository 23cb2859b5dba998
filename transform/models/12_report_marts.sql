-- The marts behind the reports' headline and their largest-item lists, so
-- that a report reads small tables at every size instead of scanning every
-- item (at ten million items the headline's scan took 1.4 s, the largest
-- items' 0.6 s, the explorer's sample 1.9 s).
--
-- Every filter a report takes (place, year, category) selects whole groups
-- of place, year and category: a filtered figure adds the whole rows of the
-- groups it selects, and the largest items of a selection are among the
-- largest of the groups it selects.

-- mart_headline: per catalog, year, phase and the city whose catalog already
-- lists the money (covered_by, '' for none) the line items, those of
-- unknown amount and the yuan of each kind. The headline (queries/
-- headline.sql) adds its rows up; catalogs, places and years it counts as
-- distinct keys of the rows it selects.
CREATE OR REPLACE TABLE mart_headline AS
WITH g AS (
    SELECT f.catalog_id, f.place_code, f.place_level, f.year, f.phase,
           coalesce(ov.covered_by, '') AS covered_by,
           count(*) AS items,
           count(f.amount_yuan) AS items_priced,
           yuan_of_basis(f.amount_yuan, amount_basis(f.amount_kind), 'firm') AS firm_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'cap')     AS cap_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'actuals') AS actuals_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'derived') AS derived_yuan,
           yuan_of_kind(f.amount_yuan, f.amount_kind, 'approx')  AS approx_yuan
    FROM item_code f
    LEFT JOIN item_overlap ov USING (item_id)
    GROUP BY ALL
)
SELECT g.*, p.compare_level
FROM g
JOIN place p USING (place_code, place_level);

-- mart_organization_presence: each organization once per place, year and
-- phase it has items in, for the headline's count of distinct organizations.
CREATE OR REPLACE TABLE mart_organization_presence AS
SELECT DISTINCT place_code, year, phase, org_key
FROM item_code
WHERE org_key IS NOT NULL;

-- item_rank: the 20 largest items of each place, year, phase and category
-- (amount descending, unknown amounts last, then item_id), ranked 1…20.
-- largest_items takes its top 20 from them; explore_items its sample of
-- the largest of each group when it needs at most 20 of each. A top-n
-- aggregate: a window over every item costs several times more.
CREATE OR REPLACE TABLE item_rank AS
WITH top AS (
    SELECT place_code, place_level, year, phase, category,
           min_by({'item_id': item_id, 'amount_yuan': amount_yuan},
                  {'a': coalesce(-amount_yuan, 9223372036854775807), 'i': item_id}, 20) AS items
    FROM item_code
    GROUP BY ALL
), ranked AS (
    SELECT place_code, place_level, year, phase, category,
           unnest(items) AS item, unnest(range(1, len(items) + 1)) AS rank
    FROM top
)
SELECT place_code, place_level, year, phase, category, item.item_id, item.amount_yuan, CAST(rank AS INTEGER) AS rank
FROM ranked;
