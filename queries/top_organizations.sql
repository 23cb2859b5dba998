-- name: top_organizations
-- description: Organizations funded most (firm amounts per phase), with how many places and years fund them and the names they are printed under
-- params: place, year
WITH with_org AS (  -- the items of a known organization, chosen before their rows are joined
    SELECT item_id FROM item_code
    WHERE org_key IS NOT NULL
      AND in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
)
SELECT f.organization_name AS organization, any_value(f.organization_code) AS credit_code, f.phase,
       count(*)                                                                   AS items,
       CAST(coalesce(sum(f.amount_yuan) FILTER (WHERE f.amount_basis = 'firm'), 0) AS BIGINT) AS total_yuan,
       CAST(coalesce(sum(f.amount_yuan) FILTER (WHERE f.amount_basis = 'cap'), 0) AS BIGINT)  AS cap_yuan,
       count(DISTINCT f.place_code)                                               AS places,
       count(DISTINCT f.year)                                                     AS years,
       string_agg(DISTINCT f.place, '、' ORDER BY f.place)                       AS place_list,
       string_agg(DISTINCT f.organization, '、' ORDER BY f.organization)         AS printed_as
FROM clean_items(with_org) f
GROUP BY f.org_key, f.organization_name, f.phase
ORDER BY total_yuan DESC, cap_yuan DESC, items DESC, organization
LIMIT 50;
