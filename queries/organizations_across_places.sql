-- name: organizations_across_places
-- description: Organizations funded by more than one place or in more than one year (names folded for width, brackets and traditional characters; joined by 统一社会信用代码 where printed)
-- params: place, year
WITH with_org AS (  -- the items of a known organization, chosen before their rows are joined
    SELECT item_id FROM item_code
    WHERE org_key IS NOT NULL
      AND in_place(place_code, $place)
      AND ($year IS NULL OR year = $year)
)
SELECT f.organization_name AS organization, any_value(f.organization_code) AS credit_code,
       count(DISTINCT f.place_code)                                               AS places,
       count(DISTINCT f.year)                                                     AS years,
       count(*)                                                                   AS items,
       string_agg(DISTINCT f.place, '、' ORDER BY f.place)                       AS place_list,
       string_agg(DISTINCT CAST(f.year AS VARCHAR), '、' ORDER BY CAST(f.year AS VARCHAR)) AS year_list,
       string_agg(DISTINCT f.phase, '、' ORDER BY f.phase)                       AS phases,
       string_agg(DISTINCT f.organization, '、' ORDER BY f.organization)         AS printed_as
FROM clean_items(with_org) f
GROUP BY f.org_key, f.organization_name
HAVING count(DISTINCT f.place_code) > 1 OR count(DISTINCT f.year) > 1
ORDER BY places DESC, years DESC, items DESC, organization;
