package reports

import (
	"encoding/json"
	"fmt"
	"math"

	"fundscope/queries"
)

// The dashboard filters in the page. The numbers it filters come from three
// named queries (explore_items, explore_facts, explore_region_facts) and are
// embedded as compact columns with dictionaries:
//
//   - when every line item fits (explore_items says complete), the page holds
//     them all and adds up whatever a reader selects: every chart follows every
//     filter, medians are exact, a click lists every item behind a bar;
//   - past that, it holds the aggregates per place, year, phase, category,
//     funding source and amount kind (and per region), plus the largest items
//     of each place-year-category for the drill-down, which says how many more
//     there are and the command that exports them.
//
// Money stays integer yuan. The page adds integers only, exact while every
// sum stays below 2^53 yuan (9×10^15); exploreData refuses anything larger
// rather than print a rounded total.
const (
	exploreItemsQuery   = "explore_items"
	exploreFactsQuery   = "explore_facts"
	exploreRegionsQuery = "explore_region_facts"
)

// exploreQueries are run for the HTML page only.
var exploreQueries = []string{exploreItemsQuery, exploreFactsQuery, exploreRegionsQuery}

// dict numbers the distinct values of a dimension in first-seen order; each
// entry keeps the attributes the page shows (code first).
type dict struct {
	index map[string]int
	Rows  [][]any
}

func newDict() *dict { return &dict{index: map[string]int{}} }

func (d *dict) id(attrs ...any) int {
	key, ok := attrs[0].(string)
	if !ok {
		key = fmt.Sprint(attrs[0])
	}
	if i, ok := d.index[key]; ok {
		return i
	}
	d.index[key] = len(d.Rows)
	d.Rows = append(d.Rows, attrs)
	return len(d.Rows) - 1
}

// columns are the facts of one table, column by column.
type columns map[string][]any

type exploreData struct {
	Complete   bool              `json:"complete"`   // every line item is in Items
	ItemsAll   int64             `json:"itemsAll"`   // line items under the report's filter
	Phases     []any             `json:"phases"`     // codes, numbered
	Kinds      []any             `json:"kinds"`      // amount kinds of the items, numbered
	Places     [][]any           `json:"places"`     // code, label, level, compare level, city code, province code
	Categories [][]any           `json:"categories"` // code, label
	Funding    [][]any           `json:"funding"`    // code, label
	Regions    [][]any           `json:"regions"`    // code, label
	Orgs       [][]any           `json:"orgs"`       // key, name
	Catalogs   [][]any           `json:"catalogs"`   // id, title, source file
	Items      columns           `json:"items"`
	Facts      columns           `json:"facts,omitempty"`
	RegionFact columns           `json:"regionFacts,omitempty"`
	Terms      map[string]any    `json:"terms"`
	Scope      map[string]any    `json:"scope"` // the report's own filter (--place, --year, --category)
	Notes      map[string]string `json:"notes"`
}

// exploreJSON builds the page's data from the explore queries of ds.
func exploreJSON(ds *Dataset) ([]byte, error) {
	items := ds.Table(exploreItemsQuery)
	d := exploreData{Complete: true, Items: columns{}, Terms: termsForPage(),
		Scope: map[string]any{"place": ds.Filter.Place, "year": ds.Filter.Year, "category": ds.Filter.Category}}
	places, cats, funds, regions, orgs, catalogs := newDict(), newDict(), newDict(), newDict(), newDict(), newDict()
	phases, kinds := newDict(), newDict()
	place := func(t *queries.Table, r int) int {
		return places.id(value(t, r, "place_code"), value(t, r, "place"), value(t, r, "place_level"), value(t, r, "compare_level"),
			value(t, r, "place_city_code"), value(t, r, "place_province_code"))
	}
	var sum, all int64
	add := func(c columns, k string, v any) { c[k] = append(c[k], v) }
	// where adds the place, year and phase of row r: every table of the page has them.
	where := func(c columns, t *queries.Table, r int) {
		add(c, "p", place(t, r))
		add(c, "y", value(t, r, "year"))
		add(c, "ph", phases.id(value(t, r, "phase")))
	}
	money := func(v any) (any, error) {
		y, ok := queries.AsInt64(v)
		if !ok {
			return nil, nil
		}
		if sum += abs(y); sum >= 1<<53 {
			return nil, fmt.Errorf("the amounts add up past 2^53 yuan, more than the page can add exactly: narrow the report with --place or --year")
		}
		return y, nil
	}
	for r := range items.Rows {
		if b, _ := value(items, r, "complete").(bool); !b {
			d.Complete = false
		}
		c := d.Items
		add(c, "id", value(items, r, "item_id"))
		where(c, items, r)
		add(c, "c", cats.id(value(items, r, "category"), value(items, r, "category_zh")))
		add(c, "f", funds.id(value(items, r, "funding_code"), value(items, r, "funding_zh")))
		add(c, "r", regions.id(value(items, r, "region_code"), value(items, r, "region_label")))
		add(c, "o", orgs.id(value(items, r, "org_key"), value(items, r, "organization_name")))
		add(c, "k", kinds.id(value(items, r, "amount_kind")))
		add(c, "cv", value(items, r, "covered_by"))
		add(c, "cat", catalogs.id(value(items, r, "catalog_id"), value(items, r, "catalog_title"), value(items, r, "source_file")))
		add(c, "name", value(items, r, "name"))
		add(c, "text", value(items, r, "amount_text"))
		add(c, "loc", value(items, r, "location"))
		v, err := money(value(items, r, "amount_yuan"))
		if err != nil {
			return nil, err
		}
		add(c, "v", v)
	}
	sum = 0
	if !d.Complete {
		d.Facts, d.RegionFact = columns{}, columns{}
		f := ds.Table(exploreFactsQuery)
		for r := range f.Rows {
			c := d.Facts
			where(c, f, r)
			add(c, "c", cats.id(value(f, r, "category"), value(f, r, "category_zh")))
			add(c, "f", funds.id(value(f, r, "funding_code"), value(f, r, "funding_zh")))
			add(c, "cv", value(f, r, "covered_by"))
			n, _ := queries.AsInt64(value(f, r, "items"))
			all += n
			add(c, "n", n)
			add(c, "u", value(f, r, "items_unknown_amount"))
			for _, k := range kindColumns {
				v, err := money(value(f, r, k+"_yuan"))
				if err != nil {
					return nil, err
				}
				add(c, k, v)
			}
		}
		g := ds.Table(exploreRegionsQuery)
		for r := range g.Rows {
			c := d.RegionFact
			where(c, g, r)
			add(c, "r", regions.id(value(g, r, "region_code"), value(g, r, "region_label")))
			add(c, "n", value(g, r, "items"))
			add(c, "u", value(g, r, "items_unknown_amount"))
			add(c, "firm", value(g, r, "firm_yuan"))
			add(c, "cap", value(g, r, "cap_yuan"))
			add(c, "actuals", value(g, r, "actuals_yuan"))
		}
	} else {
		all = int64(len(items.Rows))
	}
	d.ItemsAll = all
	d.Phases, d.Kinds = firsts(phases), firsts(kinds)
	d.Places, d.Categories, d.Funding, d.Regions, d.Orgs, d.Catalogs = places.Rows, cats.Rows, funds.Rows, regions.Rows, orgs.Rows, catalogs.Rows
	d.Notes = map[string]string{
		"partial": fmt.Sprintf("本页嵌入 %d 项中最大的 %d 项明细（每个地区、年份、类别至少一项）；图表与合计按全部明细的汇总计算。The page holds the largest %d of %d line items (at least one per place, year and category); charts and totals are computed over all of them.",
			all, len(items.Rows), len(items.Rows), all),
		"orgPartial":    "按机构筛选只作用于嵌入的明细：明细太多，图表不随机构筛选。With this many line items the organization filter narrows the line-item list only, not the charts.",
		"regionPartial": "实施地区排名不随类别、资金来源筛选（明细太多，按地区汇总）。The region ranking does not follow the category and funding filters at this scale.",
	}
	return json.Marshal(d) // escapes <, > and & so that no text can end the <script>
}

// kindColumns are the amount kinds explore_facts gives apart (column KIND_yuan).
var kindColumns = []string{"fixed", "derived", "approx", "cap", "actuals"}

// firsts lists the codes of a dictionary.
func firsts(d *dict) []any {
	out := make([]any, len(d.Rows))
	for i, r := range d.Rows {
		out[i] = r[0]
	}
	return out
}

func abs(v int64) int64 {
	if v < 0 {
		if v == math.MinInt64 {
			return math.MaxInt64
		}
		return -v
	}
	return v
}
