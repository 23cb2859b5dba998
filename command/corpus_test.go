package command

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/cmdutil"
	"fundscope/data"
)

type brokenFile struct {
	label string
	name  string // file name: a manifest entry's, so the layout reader runs
	body  []byte
}

// brokenCorpus builds more than fifty broken inputs from the bundled catalogs.
func brokenCorpus(t *testing.T) []brokenFile {
	seed := func(name string) []byte {
		b, err := data.FS.ReadFile("raw/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const (
		ningbo   = "ningbo-2023-civil-affairs-purchase-catalog.txt"
		putuo    = "zhoushan-putuo-2023-purchase-summary.txt"
		shapotou = "zhongwei-shapotou-2025-children-care-plan.txt"
		hangzhou = "hangzhou-2024-venture-philanthropy-release.txt"
		fangshan = "beijing-fangshan-2020-call-for-proposals.txt"
	)
	var c []brokenFile
	for _, n := range []string{ningbo, putuo, shapotou, hangzhou, fangshan} {
		c = append(c, brokenFile{"empty " + n, n, nil})
	}
	c = append(c,
		brokenFile{"PNG bytes", ningbo, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		brokenFile{"ZIP bytes", putuo, []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")},
		brokenFile{"ELF bytes", fangshan, []byte("\x7fELF\x02\x01\x01\x00\x00\x00")},
		brokenFile{"neither UTF-8 nor GB18030", ningbo, bytes.Repeat([]byte{0xff, 0xfe, 0xfd, 0x80}, 50)},
		brokenFile{"a 10 MB single line", ningbo, bytes.Repeat([]byte("项目资金总量15万元"), 10<<20/len("项目资金总量15万元"))},
		brokenFile{"amount 1e9万元", putuo, bytes.Replace(seed(putuo), []byte("\t42.5\n"), []byte("\t1e9万元\n"), 1)},
		brokenFile{"amount -5万元", putuo, bytes.Replace(seed(putuo), []byte("\t42.5\n"), []byte("\t-5万元\n"), 1)},
		brokenFile{"row cut mid-line", putuo, seed(putuo)[:bytes.Index(seed(putuo), []byte("普陀区高龄老人智慧救援项目"))]},
		brokenFile{"header renamed", putuo, bytes.Replace(seed(putuo), []byte("序号\t购买主体"), []byte("编号\t购买主体"), 1)},
		brokenFile{"plan with two amounts", shapotou, bytes.Replace(seed(shapotou), []byte("(五)项目资金:25万元。"), []byte("(五)项目资金:20万元或25万元。"), 1)},
		brokenFile{"prose without a plan title", shapotou, bytes.ReplaceAll(seed(shapotou), []byte("实施方案"), []byte("说明"))},
		brokenFile{"sub-row before any numbered row", ningbo, bytes.Replace(seed(ningbo), []byte("\t1\n\t婚姻家庭辅导服务"), []byte("\t\n\t婚姻家庭辅导服务"), 1)},
		brokenFile{"guideline row without code", fangshan, bytes.Replace(seed(fangshan), []byte("\t1-1\n"), []byte("\t\n"), 1)},
		brokenFile{"pool that no partition fits", hangzhou, bytes.Replace(seed(hangzhou), []byte("福彩金\n87万元"), []byte("福彩金\n86万元"), 1)},
	)
	// Hangzhou cut at every release-form heading: the summary tables promise more forms than follow.
	lines := strings.Split(string(seed(hangzhou)), "\n")
	for i, l := range lines {
		if strings.Contains(l, "项目编号：【") && !strings.Contains(l, "\t") {
			c = append(c, brokenFile{fmt.Sprintf("hangzhou cut at line %d", i+1), hangzhou, []byte(strings.Join(lines[:i], "\n"))})
		}
	}
	return c
}

// Every broken file gets a clear error naming the file, a non-zero exit, no
// panic, and leaves the database as it was.
func TestBrokenCorpus(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "corpus.duckdb")
	if _, err := run(t, "ingest", "--db", db, "-q"); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		out, err := run(t, "sql", "--db", db, "--format", "csv",
			"SELECT (SELECT count(*) FROM catalog) || '/' || (SELECT count(*) FROM line_item) || '/' || (SELECT sum(amount_yuan) FROM line_item) || '/' || (SELECT count(*) FROM stated_total)")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := snapshot()
	corpus := brokenCorpus(t)
	if len(corpus) < 50 {
		t.Fatalf("corpus has %d files, want at least 50", len(corpus))
	}
	for i, b := range corpus {
		sub := filepath.Join(dir, fmt.Sprint(i))
		os.MkdirAll(sub, 0o755)
		path := filepath.Join(sub, b.name)
		os.WriteFile(path, b.body, 0o644)
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			_, err = run(t, "ingest", "--db", db, "-q", path)
			return err
		}()
		switch {
		case err == nil:
			t.Errorf("%s: accepted", b.label)
		case strings.HasPrefix(err.Error(), "panic"):
			t.Errorf("%s: %v", b.label, err)
		case cmdutil.ExitCode(err) == 0:
			t.Errorf("%s: exit code 0", b.label)
		}
	}
	// The error text names the file and the line (checked on one representative).
	path := filepath.Join(dir, "named", "zhoushan-putuo-2023-purchase-summary.txt")
	os.MkdirAll(filepath.Dir(path), 0o755)
	raw, _ := data.FS.ReadFile("raw/zhoushan-putuo-2023-purchase-summary.txt")
	os.WriteFile(path, bytes.Replace(raw, []byte("\t42.5\n"), []byte("\t1e9万元\n"), 1), 0o644)
	_, err := runStderr(t, "ingest", "--db", db, path)
	if err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("representative: %v", err)
	}
	if after := snapshot(); after != before {
		t.Errorf("broken files changed the database: %s → %s", before, after)
	}

	// A manifest that points at a missing file.
	dataDir := filepath.Join(dir, "data")
	os.MkdirAll(filepath.Join(dataDir, "raw"), 0o755)
	manifest, _ := data.FS.ReadFile("manifest.json")
	os.WriteFile(filepath.Join(dataDir, "manifest.json"), manifest, 0o644)
	if _, err := run(t, "ingest", "--db", db, "--data", dataDir); err == nil || !strings.Contains(err.Error(), "points at raw/") {
		t.Errorf("manifest with a missing file: %v", err)
	}
	// Broken templates.
	for label, body := range map[string]string{
		"template without columns":   "a,b\n1,2\n",
		"template negative amount":   "catalog_id,title,publisher,province,city,admin_code,level,year,item_no,name,category,amount_wan\nxx-2024,t,p,浙江省,温州市,330300,city,2024,1,n,elderly,-5\n",
		"template with ragged quote": "catalog_id,title\n\"unterminated,x\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(label, " ", "-")+".csv")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := run(t, "ingest", "--db", db, p); err == nil {
			t.Errorf("%s: accepted", label)
		}
	}
	bad := filepath.Join(dir, "garbage.xlsx")
	os.WriteFile(bad, []byte("not a workbook"), 0o644)
	if _, err := run(t, "ingest", "--db", db, bad); err == nil {
		t.Error("garbage .xlsx accepted")
	}
	if after := snapshot(); after != before {
		t.Errorf("broken templates changed the database: %s → %s", before, after)
	}
}

// runStderr runs the CLI and returns what it wrote to stderr.
func runStderr(t *testing.T, args ...string) (string, error) {
	_, errOut, err := runIO(t, args...)
	return errOut, err
}
