// Package testdb prepares, once per test binary, the databases that tests of
// several packages read: the bundled catalogs loaded and transformed, and the
// same plus a catalog of hostile names. Tests open them read-only; a test
// that writes takes a Copy. A package's TestMain calls Run so that the files
// are removed when its tests end.
package testdb

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"fundscope/data"
	"fundscope/ingest"
	"fundscope/ingest/manifest"
	"fundscope/ingest/template"
	"fundscope/model"
	"fundscope/store"
	"fundscope/synth"
	"fundscope/transform"
)

// Hostile names planted in the hostile catalog: markup, and cell text that a
// spreadsheet would take for a formula.
var Hostile = []string{
	`<script>alert(1)</script>`,
	`=HYPERLINK("http://evil.example","click")`,
	`+1+1`,
	`-2+3`,
	`@SUM(A1:A2)`,
}

// levels is a made-up template (test data, not from any document) with a
// province's catalog in 元 with organizations, a stated total and a cap, a
// city's and one of its districts' catalogs (the city allocates lottery money
// to the district) and the district's payments of the same year.
//
//go:embed testdata/levels.csv
var levels []byte

var (
	mu    sync.Mutex
	dir   string
	built = map[string]string{}
)

// Run runs the package's tests and removes the prepared databases after.
func Run(m *testing.M) int {
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	return code
}

// Bundled is the path of a database holding the bundled catalogs, loaded and
// transformed. Open it read-only.
func Bundled(t testing.TB) string { return prepared(t, "bundled") }

// BundledHostile is Bundled plus a catalog (舟山市普陀区 2022) whose five
// project names are the Hostile strings.
func BundledHostile(t testing.TB) string { return prepared(t, "hostile") }

// BundledLevels is Bundled plus testdata/levels.csv: every level of
// government, organizations, phases and a city with its district.
func BundledLevels(t testing.TB) string { return prepared(t, "levels") }

// BundledGenerated is Bundled plus a few generated catalogs (fundscope gen:
// 3 cities, 2 years, 300 items each), whose groups of place, year and
// category hold more than 20 items.
func BundledGenerated(t testing.TB) string { return prepared(t, "generated") }

// LevelsCSV is the template behind BundledLevels.
func LevelsCSV() []byte { return levels }

// Copy gives the test its own writable copy of a prepared database.
func Copy(t testing.TB, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}

func prepared(t testing.TB, variant string) string {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if p, ok := built[variant]; ok {
		return p
	}
	if dir == "" {
		d, err := os.MkdirTemp("", "fundscope-testdb-")
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	path := filepath.Join(dir, "bundled-"+variant+".duckdb")
	if err := build(path, variant); err != nil {
		t.Fatal(err)
	}
	built[variant] = path
	return path
}

func build(path, variant string) error {
	ctx := context.Background()
	db, err := store.Open(ctx, path, false)
	if err != nil {
		return err
	}
	defer db.Close()
	m, err := manifest.Load(data.FS)
	if err != nil {
		return err
	}
	jobs, err := ingest.BundledJobs(data.FS, m, "data")
	if err != nil {
		return err
	}
	if _, errs := ingest.Run(ctx, db, jobs, nil); errs != nil {
		return fmt.Errorf("bundled catalogs: %v", errs)
	}
	if variant == "levels" {
		v, err := template.LoadVocabulary(data.FS)
		if err != nil {
			return err
		}
		if _, err := ingest.IngestTemplate(ctx, db, "levels.csv", levels, v); err != nil {
			return err
		}
	}
	if variant == "generated" {
		v, err := template.LoadVocabulary(data.FS)
		if err != nil {
			return err
		}
		var csv bytes.Buffer
		if _, err := synth.Generate(&csv, data.FS, synth.Options{Cities: 3, Years: 2, Items: 300, Seed: 3, LastYear: 2025}); err != nil {
			return err
		}
		if _, err := ingest.IngestTemplate(ctx, db, "generated.csv", csv.Bytes(), v); err != nil {
			return err
		}
	}
	if variant == "hostile" {
		district := "普陀区"
		c := model.Catalog{CatalogID: "hostile-2022", Title: "<b>hostile</b> 测试目录", Publisher: "测试", Province: "浙江省", City: "舟山市",
			District: &district, AdminCode: "330903", Level: "district", Year: 2022, Layout: "tsv-table", File: "hostile.txt"}
		var b strings.Builder
		b.WriteString("序号\t购买主体\t项目名称\t服务内容\t服务对象\t金额（万元）\n")
		for i, h := range Hostile {
			b.WriteString(strconv.Itoa(i+1) + "\t" + h + "\t" + h + "\t" + h + "\t" + h + "\t" + strconv.Itoa(100+i) + "\n")
		}
		if _, err := ingest.IngestFile(ctx, db, "hostile.txt", []byte(b.String()), c); err != nil {
			return err
		}
	}
	if err := transform.Run(ctx, db, data.FS); err != nil {
		return err
	}
	return db.Close()
}
