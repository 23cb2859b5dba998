-- fundscope raw schema: what ingest writes. Money is BIGINT yuan; NULL means
-- the document states no amount (never 0). Every row carries its source lines.

CREATE TABLE IF NOT EXISTS catalog (
    catalog_id   VARCHAR   NOT NULL,  -- stable slug from data/manifest.json
    title        VARCHAR   NOT NULL,
    publisher    VARCHAR   NOT NULL,
    province     VARCHAR   NOT NULL,
    city         VARCHAR   NOT NULL,
    district     VARCHAR,
    admin_code   VARCHAR   NOT NULL,  -- GB/T 2260 code of the publisher's jurisdiction
    level        VARCHAR   NOT NULL,  -- city | district
    year         INTEGER   NOT NULL,
    published    DATE,
    source_file  VARCHAR   NOT NULL,
    sha256       VARCHAR   NOT NULL,  -- of the source file's bytes
    entry_sha256 VARCHAR   NOT NULL,  -- of its manifest entry: a changed entry re-ingests too
    layout       VARCHAR   NOT NULL,
    encoding     VARCHAR   NOT NULL,
    synthetic    BOOLEAN   NOT NULL DEFAULT false,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS line_item (
    item_id           VARCHAR NOT NULL,  -- catalog_id#code, or catalog_id#number[-sub]
    catalog_id        VARCHAR NOT NULL,
    item_no           VARCHAR,           -- printed 序号
    sub_no            INTEGER,           -- sub-row number within a numbered row
    code              VARCHAR,           -- printed 项目编号
    name              VARCHAR NOT NULL,
    alt_name          VARCHAR,           -- the item as another part of the document prints it
    group_name        VARCHAR,           -- 大项目
    description       VARCHAR,
    section           VARCHAR,           -- table or heading the item sits under
    source_category   VARCHAR,           -- category as printed
    purchaser         VARCHAR,           -- 购买主体 / 经办处室
    target_group      VARCHAR,
    region_text       VARCHAR,           -- implementation region as printed
    region_line       INTEGER,
    funding_text      VARCHAR,           -- funding source as printed
    funding_line      INTEGER,
    amount_yuan       BIGINT,            -- NULL when not stated
    amount_text       VARCHAR,
    amount_kind       VARCHAR NOT NULL,  -- fixed | cap | actuals | unknown
    tax_included      BOOLEAN,
    period_start      DATE,
    period_end        DATE,
    line_start        INTEGER NOT NULL,
    line_end          INTEGER NOT NULL,
    detail_line_start INTEGER,           -- release form / prose detailing the item
    detail_line_end   INTEGER
);

CREATE TABLE IF NOT EXISTS stated_total (
    catalog_id   VARCHAR   NOT NULL,
    total_no     INTEGER   NOT NULL,
    label        VARCHAR   NOT NULL,
    kind         VARCHAR   NOT NULL,  -- document_total | pool | crosscheck
    metric       VARCHAR   NOT NULL,  -- amount_yuan | items | groups | units
    stated_value BIGINT    NOT NULL,
    scope        VARCHAR[] NOT NULL,  -- item ids the figure speaks of
    source_line  INTEGER   NOT NULL,
    source_text  VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_warning (
    catalog_id VARCHAR NOT NULL,
    line       INTEGER,
    message    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS ingest_log (
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    os_user     VARCHAR,
    host        VARCHAR,
    source_file VARCHAR NOT NULL,
    sha256      VARCHAR,
    catalog_id  VARCHAR,
    action      VARCHAR NOT NULL,  -- loaded | replaced | unchanged | failed
    items       INTEGER,
    message     VARCHAR
);

-- Generations: every ingest transaction that changes a catalog adds one to
-- raw_generation; a transform records the raw generation it was built from
-- in derived_generation, in its own transaction. Queries, reports and exports
-- refuse to read cleaned tables whose generation lags the raw one.
CREATE TABLE IF NOT EXISTS fundscope_state (
    key   VARCHAR PRIMARY KEY,
    value BIGINT  NOT NULL
);
INSERT OR IGNORE INTO fundscope_state VALUES ('raw_generation', 0), ('derived_generation', 0);

-- Added with the document formats (docx, xlsx, html, legacy via LibreOffice):
-- the format read, any conversion, and locations in the format's own terms
-- ("table 1 rows 3–4", "sheet 项目 B3:B5"); NULL for text sources, whose
-- line numbers are the location.
ALTER TABLE catalog        ADD COLUMN IF NOT EXISTS source_format   VARCHAR;
ALTER TABLE catalog        ADD COLUMN IF NOT EXISTS conversion      VARCHAR;
ALTER TABLE line_item      ADD COLUMN IF NOT EXISTS source_location VARCHAR;
ALTER TABLE stated_total   ADD COLUMN IF NOT EXISTS source_location VARCHAR;
ALTER TABLE ingest_warning ADD COLUMN IF NOT EXISTS location        VARCHAR;

-- Added with the generic readers: the organization that receives the money,
-- and the range an approximate stated total allows.
ALTER TABLE line_item    ADD COLUMN IF NOT EXISTS organization VARCHAR;
ALTER TABLE stated_total ADD COLUMN IF NOT EXISTS low_value    BIGINT;
ALTER TABLE stated_total ADD COLUMN IF NOT EXISTS high_value   BIGINT;

-- Added with organizations, levels and phases: what the catalog's amounts
-- are (budgeted | approved | contracted | paid | unknown; never summed across),
-- and the organization's 统一社会信用代码 when the document prints it.
ALTER TABLE catalog   ADD COLUMN IF NOT EXISTS phase             VARCHAR;
ALTER TABLE line_item ADD COLUMN IF NOT EXISTS organization_code VARCHAR;

-- Added with the review path: who vouches for a catalog's figures
-- (read | unreviewed | reviewed; NULL in older databases means read).
ALTER TABLE catalog ADD COLUMN IF NOT EXISTS review VARCHAR;

-- Added with tables of one column per year: the year an item's money is for
-- where the document says so per item (NULL: the catalog's year).
ALTER TABLE line_item ADD COLUMN IF NOT EXISTS money_year INTEGER;

-- Places: the jurisdiction that publishes each catalog, labelled as people
-- name it (舟山市普陀区, not 普陀区 or its city), with its level; read from
-- the catalog rows alone, so that listing and filtering work before any
-- transform. A catalog counts for its publisher's place only: a city's
-- totals do not include its districts' catalogs unless a query rolls them up
-- (totals_by_city_rollup). compare_level puts districts, counties and
-- streets together, cities together, provinces (and the nation) together.
CREATE OR REPLACE VIEW catalog_place AS
SELECT catalog_id,
       admin_code AS place_code,
       CASE level WHEN 'national' THEN '全国'
                  WHEN 'province' THEN province
                  WHEN 'city'     THEN city
                  ELSE coalesce(city, '') || coalesce(district, '') END AS place,
       level AS place_level,
       CASE WHEN level IN ('district', 'county', 'street') THEN 'district'
            WHEN level = 'national' THEN 'province' ELSE level END AS compare_level,
       CASE WHEN level IN ('national', 'province') THEN NULL ELSE city END AS place_city,
       CASE WHEN level IN ('national', 'province') THEN NULL ELSE substr(admin_code, 1, 4) || '00' END AS place_city_code,
       province AS place_province,
       substr(admin_code, 1, 2) || '0000' AS place_province_code
FROM catalog;

-- Every name a place filter (--place, alias --city) may give for a place:
-- its label, its own name and code, and the names and codes of the city and
-- province above it (浙江省 and 舟山市 both select 舟山市普陀区's catalogs).
CREATE OR REPLACE VIEW place_key AS
SELECT DISTINCT key, place_code
FROM (
    SELECT cp.place_code,
           unnest([cp.place, cp.place_code, cp.place_city, cp.place_city_code, cp.place_province, cp.place_province_code,
                   c.district]) AS key
    FROM catalog_place cp
    JOIN catalog c USING (catalog_id)
)
WHERE key IS NOT NULL AND key <> '';

-- The one place filter every query, report and export uses: true when p is
-- NULL (no filter) or names the place of code or a jurisdiction above it.
CREATE OR REPLACE MACRO in_place(code, p) AS
    p IS NULL OR code IN (SELECT place_code FROM place_key WHERE key = p);

-- A 统一社会信用代码 (GB 32100-2015) is valid when its 18th character is the
-- check character of the first 17 (weights 3^i mod 31 over the 31-character
-- alphabet without I, O, S, V, Z). Its first two characters type a social
-- organization registered with a civil-affairs bureau: 51 社会团体,
-- 52 民办非企业单位, 53 基金会.
CREATE OR REPLACE MACRO uscc_ok(c) AS
    regexp_full_match(coalesce(c, ''), '[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}')
    AND (31 - list_sum(list_transform(range(1, 18), i ->
            (strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c, i, 1)) - 1)
            * [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i])) % 31) % 31
        = strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c, 18, 1)) - 1;

CREATE OR REPLACE MACRO uscc_kind(c) AS
    CASE WHEN NOT uscc_ok(c) THEN NULL
         WHEN substr(c, 1, 2) = '51' THEN '社会团体 social group'
         WHEN substr(c, 1, 2) = '52' THEN '民办非企业单位 private non-enterprise unit'
         WHEN substr(c, 1, 2) = '53' THEN '基金会 foundation'
         WHEN substr(c, 1, 1) = '9' THEN '企业 business'
         WHEN substr(c, 1, 1) = '1' THEN '机关 government body'
         ELSE '其他 other' END;

-- How a report names an implementation region: a pseudo-region that means a
-- whole city or province (全市, 全杭州市, 主城区, several districts in one cell),
-- resolved to that jurisdiction, is shown as the jurisdiction, city-wide.
CREATE OR REPLACE MACRO region_label(region_code, region_level, code_name, printed) AS
    CASE WHEN region_code IS NULL THEN '未识别 unresolved'
         WHEN region_level = 'province' THEN coalesce(code_name, printed) || '（全省 province-wide）'
         WHEN region_level = 'city' THEN coalesce(code_name, printed) || '（全市 city-wide）'
         ELSE coalesce(code_name, printed) END;

-- Every stated total next to the value recomputed from the line items in its scope.
-- An approximate figure (约2.3亿, 80余万) reconciles within [low_value, high_value].
-- A pool whose items all lack a printed amount (one figure for several
-- projects, how it is shared not printed) cannot be checked: reconciles is
-- NULL there, neither a match nor a mismatch.
CREATE OR REPLACE VIEW reconciliation AS
SELECT *,
       CASE WHEN kind = 'pool' AND scope_items > 0 AND items_without_amount = scope_items THEN NULL
            ELSE computed_value BETWEEN coalesce(low_value, stated_value) AND coalesce(high_value, stated_value)
       END AS reconciles
FROM (
SELECT
    t.catalog_id,
    t.total_no,
    t.label,
    t.kind,
    t.metric,
    t.stated_value,
    CAST(CASE t.metric
        WHEN 'amount_yuan' THEN coalesce(sum(li.amount_yuan), 0)
        WHEN 'items'       THEN count(li.item_id)
        WHEN 'groups'      THEN count(DISTINCT li.group_name)
        WHEN 'units'       THEN count(DISTINCT li.purchaser)
    END AS BIGINT) AS computed_value,
    count(li.item_id) FILTER (WHERE li.amount_yuan IS NULL) AS items_without_amount,
    count(li.item_id) AS scope_items,
    t.source_line,
    t.source_text,
    t.low_value,
    t.high_value
FROM stated_total t
LEFT JOIN line_item li
       ON li.catalog_id = t.catalog_id AND list_contains(t.scope, li.item_id)
GROUP BY t.catalog_id, t.total_no, t.label, t.kind, t.metric, t.stated_value, t.source_line, t.source_text, t.low_value, t.high_value
);

