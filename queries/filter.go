package queries

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed filter/*.sql
var filterFiles embed.FS

func filterSQL(name string) string {
	b, err := filterFiles.ReadFile("filter/" + name + ".sql")
	if err != nil {
		panic(err) // embedded at build time: a missing file is a build mistake
	}
	return string(b)
}

// FilterError is a filter value that selects nothing loaded: the flag, the
// value and the nearest values that would select something ("舟山市 330900").
type FilterError struct {
	Flag    string
	Value   string
	Reason  string
	Nearest []string
	// Listing says what Nearest is: "nearest" when ranked by likeness,
	// else the whole list ("loaded places").
	Listing string
}

func (e *FilterError) Error() string {
	msg := fmt.Sprintf("--%s %s: %s", e.Flag, e.Value, e.Reason)
	if len(e.Nearest) > 0 {
		msg += "; " + e.Listing + ": " + strings.Join(e.Nearest, ", ")
	}
	return msg
}

// Check tells whether each value of f selects something loaded, so that a
// misspelt or unloaded place, year or category is an error naming the
// nearest values rather than an empty table. A place name that several
// loaded places share (普陀区) is not an error: it selects them all, and
// the note says which.
func (f Filter) Check(ctx context.Context, db *sql.DB) (note string, err error) {
	if f.Place != "" {
		if note, err = checkPlace(ctx, db, f.Place); err != nil {
			return "", err
		}
	}
	if f.Year != 0 {
		if err := checkYear(ctx, db, f.Year); err != nil {
			return "", err
		}
	}
	if f.Category != "" {
		if err := checkCategory(ctx, db, f.Category); err != nil {
			return "", err
		}
	}
	return note, nil
}

// maxListed is how many loaded places an error lists when none is near.
const maxListed = 15

// named is a name with its code.
type named struct{ name, code string }

func (n named) String() string { return n.name + " " + n.code }

func readNamed(ctx context.Context, db *sql.DB, query string, args ...any) ([]named, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []named
	for rows.Next() {
		var n named
		if err := rows.Scan(&n.name, &n.code); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func checkPlace(ctx context.Context, db *sql.DB, place string) (string, error) {
	matches, err := readNamed(ctx, db, filterSQL("place_matches"), sql.Named("place", place))
	if err != nil {
		return "", err
	}
	loaded, err := readNamed(ctx, db, filterSQL("places"))
	if err != nil {
		return "", err
	}
	if len(matches) > 0 {
		if shared(place, loaded) {
			return fmt.Sprintf("--place %s names %d loaded places, all selected: %s", place, len(matches), joinNamed(matches)), nil
		}
		return "", nil
	}
	e := &FilterError{Flag: "place", Value: place, Reason: "no loaded catalog is published by a place of this name or code, or inside it", Listing: "nearest"}
	if ref, err := reference(ctx, db, place); err != nil {
		return "", err
	} else if ref != nil {
		e.Reason = fmt.Sprintf("%s is a place of the GB/T 2260 reference, but no catalog of it or of a place inside it is loaded", ref)
	}
	e.Nearest = nearestNamed(place, loaded, 6)
	if len(e.Nearest) == 0 {
		e.Listing = "loaded places"
		for i, n := range loaded {
			if i == maxListed {
				e.Nearest = append(e.Nearest, fmt.Sprintf("… %d more (fundscope catalogs lists them)", len(loaded)-i))
				break
			}
			e.Nearest = append(e.Nearest, n.String())
		}
	}
	return "", e
}

// shared is true when place is a name that several unrelated loaded places
// bear (普陀区 in two cities), not a jurisdiction above others (合肥市, or
// 北京市 as both province and city): two codes it names, neither inside the
// other.
func shared(place string, names []named) bool {
	var own []string
	for _, n := range names {
		if n.name == place {
			own = append(own, n.code)
		}
	}
	for _, a := range own {
		for _, b := range own {
			if !within(a, b) && !within(b, a) {
				return true
			}
		}
	}
	return false
}

// within is true when GB/T 2260 code b lies inside (or is) code a.
func within(a, b string) bool {
	prefix := strings.TrimSuffix(strings.TrimSuffix(a, "00"), "00")
	return strings.HasPrefix(b, prefix)
}

func reference(ctx context.Context, db *sql.DB, place string) (*named, error) {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ref_regions'").Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	found, err := readNamed(ctx, db, filterSQL("reference_place"), sql.Named("place", place))
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return &found[0], nil
}

func checkYear(ctx context.Context, db *sql.DB, year int) error {
	rows, err := db.QueryContext(ctx, filterSQL("years"))
	if err != nil {
		return err
	}
	defer rows.Close()
	var years []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return err
		}
		if y == year {
			return nil
		}
		years = append(years, y)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sort.Slice(years, func(i, j int) bool { return abs(years[i]-year) < abs(years[j]-year) })
	e := &FilterError{Flag: "year", Value: strconv.Itoa(year), Reason: "no loaded catalog or line item is of this year", Listing: "loaded years, nearest first"}
	if len(years) == 0 {
		e.Reason = "no catalog is loaded (run `fundscope ingest`)"
	}
	for _, y := range years {
		e.Nearest = append(e.Nearest, strconv.Itoa(y))
	}
	return e
}

func checkCategory(ctx context.Context, db *sql.DB, category string) error {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ref_categories'").Scan(&n); err != nil || n == 0 {
		return err // not transformed yet: the queries that take --category say so themselves
	}
	all, err := readNamed(ctx, db, filterSQL("categories"))
	if err != nil {
		return err
	}
	for _, c := range all {
		if c.name == category || c.code == category {
			return nil
		}
	}
	listed := all
	e := &FilterError{Flag: "category", Value: category, Reason: "not a unified category code or label", Listing: "nearest"}
	e.Nearest = nearestNamed(category, listed, 4)
	if len(e.Nearest) == 0 {
		e.Listing = "the categories"
		for _, c := range listed {
			e.Nearest = append(e.Nearest, c.String())
		}
	}
	return e
}

// nearestNamed ranks candidates by how much of v they share: a name that
// contains v or is contained in it first, then by the share of v's
// characters (other than the level words 省市区县) found in the name.
func nearestNamed(v string, cands []named, limit int) []string {
	type scored struct {
		n     named
		score float64
	}
	core := strings.TrimRight(v, "省市区县")
	if core == "" {
		core = v
	}
	var ss []scored
	seen := map[named]bool{}
	for _, c := range cands {
		if seen[c] {
			continue
		}
		seen[c] = true
		var s float64
		switch {
		case strings.Contains(c.name, core) || strings.Contains(v, c.name) || strings.Contains(c.code, v):
			s = 2
		default:
			shared := 0
			for _, r := range core {
				if !strings.ContainsRune("省市区县", r) && strings.ContainsRune(c.name, r) {
					shared++
				}
			}
			s = float64(shared) / float64(utf8.RuneCountInString(core))
		}
		if s > 0.5 {
			ss = append(ss, scored{c, s})
		}
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].score != ss[j].score {
			return ss[i].score > ss[j].score
		}
		if ss[i].n.code != ss[j].n.code {
			return ss[i].n.code < ss[j].n.code
		}
		return ss[i].n.name < ss[j].n.name
	})
	var out []string
	for i, s := range ss {
		if i == limit {
			break
		}
		out = append(out, s.n.String())
	}
	return out
}

func joinNamed(ns []named) string {
	var s []string
	for _, n := range ns {
		s = append(s, n.String())
	}
	return strings.Join(s, ", ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
