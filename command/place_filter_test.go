package command

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fundscope/cmdutil"
	"fundscope/internal/testdb"
	"fundscope/queries"
)

// rowsOf runs a named query through the CLI and decodes its JSON rows.
func rowsOf(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	out, err := run(t, append([]string{"query"}, append(args, "--format", "json")...)...)
	if err != nil {
		t.Fatalf("query %v: %v", args, err)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("query %v: %v: %s", args, err, out)
	}
	return rows
}

// yuan reads a money column of a JSON row: NULL is 0 here, where sums of
// sums are compared.
func yuan(r map[string]any, col string) int64 {
	switch v := r[col].(type) {
	case float64:
		return int64(v)
	case string:
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	return 0
}

// money per phase: firm total, caps, items.
type phaseSums map[string][3]int64

func (p phaseSums) add(phase string, firm, caps, items int64) {
	s := p[phase]
	p[phase] = [3]int64{s[0] + firm, s[1] + caps, s[2] + items}
}

func sumBy(rows []map[string]any, firm, caps, items string) phaseSums {
	p := phaseSums{}
	for _, r := range rows {
		var n int64 = 1
		if items != "" {
			n = yuan(r, items)
		}
		var c int64
		if caps != "" {
			c = yuan(r, caps)
		}
		p.add(fmt.Sprint(r["phase"]), yuan(r, firm), c, n)
	}
	return p
}

// The one place filter: every named query, both reports and an export, run
// with each kind of place filter (none; a province, city or district by
// name or by code; a label; a name two places could share; the --city
// alias) on the bundled catalogs plus a province, a city and its district,
// agree on the money per phase and on the items and places they cover.
func TestPlaceFilterAgreesEverywhere(t *testing.T) {
	db := testdb.BundledLevels(t)
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		flag, place string
		catalogs    int
	}{
		{"", "", 9}, {"--place", "浙江省", 3}, {"--place", "330000", 3}, {"--place", "舟山市", 1}, {"--place", "舟山市普陀区", 1},
		{"--place", "普陀区", 1}, {"--place", "330903", 1}, {"--city", "杭州市", 1}, {"--place", "安徽省", 4}, {"--place", "340000", 4},
		{"--place", "合肥市", 3}, {"--place", "340100", 3}, {"--place", "蜀山区", 2}, {"--place", "合肥市蜀山区", 2}, {"--city", "北京市", 1},
	} {
		t.Run(c.flag+"="+c.place, func(t *testing.T) {
			args := []string{"--db", db}
			if c.place != "" {
				args = append(args, c.flag, c.place)
			}
			q := func(name string) []map[string]any { return rowsOf(t, append([]string{name}, args...)...) }
			items := q("line_items")
			want := phaseSums{}
			places := map[string]bool{}
			var allYuan int64
			for _, r := range items {
				var firm, caps int64
				switch r["amount_basis"] {
				case "firm":
					firm = yuan(r, "amount_yuan")
				case "cap":
					caps = yuan(r, "amount_yuan")
				}
				allYuan += yuan(r, "amount_yuan")
				want.add(fmt.Sprint(r["phase"]), firm, caps, 1)
				places[fmt.Sprint(r["place"])] = true
			}
			cats := q("catalogs")
			if len(cats) != c.catalogs {
				t.Fatalf("%d catalogs, want %d", len(cats), c.catalogs)
			}
			// The headline counts money once: a district's item its city's
			// catalog (in the selection) already lists is left out.
			selected := map[string]bool{}
			for _, r := range cats {
				selected[fmt.Sprint(r["place_code"])] = true
			}
			once := phaseSums{}
			for ph, s := range want {
				once[ph] = s
			}
			for _, r := range items {
				if by, ok := r["covered_by_place_code"].(string); ok && selected[by] && r["amount_basis"] == "firm" {
					once.add(fmt.Sprint(r["phase"]), -yuan(r, "amount_yuan"), 0, 0)
				}
			}
			if got := sumBy(q("headline"), "total_yuan", "cap_yuan", "items"); fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(once)) {
				t.Errorf("headline: per phase [firm caps items] %v; line_items counted once give %v", sorted(got), sorted(once))
			}
			for name, got := range map[string]phaseSums{
				"totals_by_place_year":     sumBy(q("totals_by_place_year"), "total_yuan", "cap_yuan", "items"),
				"totals_by_category":       sumBy(q("totals_by_category"), "total_yuan", "cap_yuan", "items"),
				"totals_by_funding_source": sumBy(q("totals_by_funding_source"), "total_yuan", "cap_yuan", "items"),
				"totals_by_region":         sumBy(q("totals_by_region"), "total_yuan", "cap_yuan", "items"),
				"category_mix":             sumBy(q("category_mix"), "total_yuan", "cap_yuan", "items"),
				"catalogs":                 sumBy(cats, "total_yuan", "cap_yuan", "items"),
			} {
				if fmt.Sprint(sorted(got)) != fmt.Sprint(sorted(want)) {
					t.Errorf("%s: per phase [firm caps items] %v; line_items give %v", name, sorted(got), sorted(want))
				}
			}
			var covItems int64
			for _, r := range q("coverage") {
				covItems += yuan(r, "items")
			}
			if covItems != int64(len(items)) {
				t.Errorf("coverage counts %d items, line_items %d", covItems, len(items))
			}
			ids := map[string]bool{}
			for _, r := range cats {
				ids[fmt.Sprint(r["catalog_id"])] = true
			}
			for _, r := range q("reconciliation") {
				if !ids[fmt.Sprint(r["catalog_id"])] {
					t.Errorf("reconciliation lists %v, outside the filter", r["catalog_id"])
				}
			}
			for _, name := range []string{"largest_items", "top_organizations", "organizations_across_places"} {
				for _, r := range q(name) {
					for _, p := range strings.Split(fmt.Sprint(r["place"], r["place_list"]), "、") {
						p = strings.TrimSuffix(strings.TrimPrefix(p, "<nil>"), "<nil>")
						if p != "" && !places[p] {
							t.Errorf("%s names %q, outside the filter (%v)", name, p, places)
						}
					}
				}
			}
			// Every named query takes the filter (the ones above, and any added later).
			for _, qq := range all {
				q(qq.Name)
			}
			// The export of the same filter: the same line items, the same money.
			dir := t.TempDir()
			if _, err := run(t, append([]string{"export", "--format", "csv", "--out", dir}, args...)...); err != nil {
				t.Fatal(err)
			}
			exported := readCSV(t, filepath.Join(dir, "line_items.csv"))
			var expYuan int64
			for _, r := range exported {
				n, _ := strconv.ParseInt(r["amount_yuan"], 10, 64)
				expYuan += n
			}
			if len(exported) != len(items) || expYuan != allYuan {
				t.Errorf("export: %d rows, %d yuan; line_items %d rows, %d yuan", len(exported), expYuan, len(items), allYuan)
			}
			// Both reports of the same filter.
			out := t.TempDir()
			if _, err := run(t, append([]string{"report", "--out", out}, args...)...); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			detail, _ := f.GetRows("明细 Line items")
			if len(detail)-1 != len(items) {
				t.Errorf("workbook lists %d line items, line_items %d", len(detail)-1, len(items))
			}
			page, _ := os.ReadFile(filepath.Join(out, "report.html"))
			for phase, s := range once {
				if s[0] > 0 && !strings.Contains(string(page), moneyWan(s[0])+" 万元") {
					t.Errorf("page lacks the %s total %s 万元", phase, moneyWan(s[0]))
				}
			}
		})
	}
	// A place nothing is loaded for is refused as wrong usage by queries
	// and reports alike (TestFilterThatMatchesNothingSaysSo has the messages).
	for _, args := range [][]string{{"query", "headline"}, {"report", "--out", t.TempDir()}} {
		if _, err := run(t, append(args, "--db", db, "--place", "火星市")...); cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "--place 火星市") {
			t.Errorf("%v for an unknown place: %v", args, err)
		}
	}
}

func sorted(p phaseSums) []string {
	var out []string
	for k, v := range p {
		out = append(out, fmt.Sprintf("%s:%v", k, v))
	}
	sort.Strings(out)
	return out
}

func moneyWan(y int64) string {
	s := strconv.FormatFloat(float64(y)/10000, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Totals by place count each catalog for its publisher only; the city
// roll-up adds the district's catalog but not the money the city's own
// catalog already gives that district from the same fund; phases stay
// apart in every total.
func TestHierarchyAndPhases(t *testing.T) {
	db := testdb.BundledLevels(t)
	byPlace := map[string]map[string]any{}
	for _, r := range rowsOf(t, "totals_by_place_year", "--db", db, "--place", "合肥市") {
		byPlace[fmt.Sprint(r["place"], " ", r["phase"])] = r
	}
	if len(byPlace) != 3 || yuan(byPlace["合肥市 budgeted"], "total_yuan") != 800000 ||
		yuan(byPlace["合肥市蜀山区 budgeted"], "total_yuan") != 700000 || yuan(byPlace["合肥市蜀山区 paid"], "total_yuan") != 380000 {
		t.Errorf("by place: %v", byPlace)
	}
	roll := map[string]map[string]any{}
	for _, r := range rowsOf(t, "totals_by_city_rollup", "--db", db, "--place", "合肥市") {
		roll[fmt.Sprint(r["phase"])] = r
	}
	b := roll["budgeted"]
	if yuan(b, "city_yuan") != 800000 || yuan(b, "districts_yuan") != 700000 || yuan(b, "overlap_yuan") != 400000 || yuan(b, "rollup_yuan") != 1100000 {
		t.Errorf("roll-up of 合肥市 2024 budgeted: %v (want 80 + 70 − 40 lottery money the city gave 蜀山区 = 110 万元)", b)
	}
	if p := roll["paid"]; yuan(p, "rollup_yuan") != 380000 || yuan(p, "overlap_yuan") != 0 {
		t.Errorf("payments are their own phase, never added to budgets: %v", p)
	}
	if len(roll) != 2 {
		t.Errorf("roll-up rows %v", roll)
	}
	// The headline gives one row per phase; the province's approved list has its cap apart.
	head := map[string]map[string]any{}
	for _, r := range rowsOf(t, "headline", "--db", db, "--place", "安徽省") {
		head[fmt.Sprint(r["phase"])] = r
	}
	if len(head) != 3 || yuan(head["approved"], "total_yuan") != 550000 || yuan(head["approved"], "cap_yuan") != 150000 ||
		yuan(head["budgeted"], "total_yuan") != 1100000 || yuan(head["budgeted"], "overlap_yuan") != 400000 || yuan(head["paid"], "total_yuan") != 380000 {
		t.Errorf("headline per phase (合肥市 80 + 蜀山区 70, of which 40 the city's catalog already lists): %v", head)
	}
	// The district alone has nothing to count twice.
	for _, r := range rowsOf(t, "headline", "--db", db, "--place", "蜀山区") {
		if r["phase"] == "budgeted" && (yuan(r, "total_yuan") != 700000 || yuan(r, "overlap_yuan") != 0) {
			t.Errorf("蜀山区 alone: %v", r)
		}
	}
	// One organization under three printed forms (traditional characters, a credit code) across places and phases.
	orgs := rowsOf(t, "organizations_across_places", "--db", db)
	if len(orgs) != 1 || yuan(orgs[0], "places") != 3 || !strings.Contains(fmt.Sprint(orgs[0]["printed_as"]), "陽光社會") ||
		orgs[0]["credit_code"] != "52340104MJB12345XD" {
		t.Errorf("organizations across places: %v", orgs)
	}
}
