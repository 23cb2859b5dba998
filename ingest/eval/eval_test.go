package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// The real notices bundled in data/corpus are read right: every gold row
// exact, nothing extra, no amount silently missed, and each reading is
// confident enough to load.
func TestBundledCorpusIsReadRight(t *testing.T) {
	dir := filepath.Join("..", "..", "data", "corpus")
	rep, err := Run(dir, filepath.Join(dir, "key"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.Print(&out, true)
	t.Log("\n" + out.String())
	if len(rep.Docs) < 4 {
		t.Fatalf("only %d bundled notices scored", len(rep.Docs))
	}
	for _, d := range rep.Docs {
		if d.Err != "" || d.DocumentsRight != 1 || d.Silent != 0 {
			t.Errorf("%s: %d/%d exact, %d extra, %d silent, error %q", d.File, d.Exact, d.Rows, d.Extra, d.Silent, d.Err)
		}
		if d.Confidence == nil || *d.Confidence < Threshold {
			t.Errorf("%s is read right but not confidently (%v): it would be set aside", d.File, d.Confidence)
		}
	}
}

// Notices the readers do not load (testdata/corpus) say so: each one is
// read wrong, or read right but with too little evidence to be sure (a
// count of projects the items cannot check); either way its confidence is
// below the threshold, so none would be loaded silently, and no gold
// amount goes unmentioned. A notice read right and confidently belongs in
// data/corpus.
func TestWrongReadingsAreNotConfident(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	rep, err := Run(dir, filepath.Join(dir, "key"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Docs) < 3 {
		t.Fatalf("only %d notices scored", len(rep.Docs))
	}
	for _, d := range rep.Docs {
		if d.DocumentsRight == 1 && d.Confidence != nil && *d.Confidence >= Threshold {
			t.Errorf("%s is now read right and confidently: move it to data/corpus", d.File)
			continue
		}
		if d.ConfidentlyWrong != 0 || d.Confidence == nil {
			t.Errorf("%s is wrong yet confidence %v (signals %v)", d.File, d.Confidence, d.Signals)
		}
		if d.Silent != 0 {
			t.Errorf("%s: gold amounts nowhere in the output: %v", d.File, d.SilentRows)
		}
	}
	var out bytes.Buffer
	rep.Print(&out, false)
	if !strings.Contains(out.String(), "set aside for review") {
		t.Errorf("the table does not say the readings are set aside:\n%s", out.String())
	}
}

func TestNamesMatchAsTheScorerMatchesThem(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"“阳光”助残服务项目", "阳光助残服务项目", true},    // quotes and punctuation
		{"社区长者食堂（一期）", "社区长者食堂(一期)", true},  // full- and half-width brackets
		{"青少年心理健康辅导", "青少年心理健康辅导项目", true},  // shorter is 9/11 ≥ 80%
		{"心理辅导", "青少年心理健康辅导项目", false},      // contained but too short
		{"助老服务", "助残服务", false},             // different
		{"", "", false},                     // nothing matches nothing
		{"Ｈｅｌｌｏ Ｗｏｒｌｄ", "HelloWorld", true}, // NFKC and spaces
		{"和(xié)美家园", "和美家园", true},         // romanization debris
	} {
		if got := Same(c.a, c.b, 0.8); got != c.same {
			t.Errorf("Same(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestValuesInReadsEveryUnit(t *testing.T) {
	has := func(vs []int64, want int64) bool {
		for _, v := range vs {
			if v == want {
				return true
			}
		}
		return false
	}
	if vs := ValuesIn("补助12.5万元"); !has(vs, 125000) || has(vs, 12) {
		t.Errorf("12.5万元 → %v", vs)
	}
	if vs := ValuesIn("共计1.2亿元"); !has(vs, 120000000) {
		t.Errorf("1.2亿元 → %v", vs)
	}
	// A bare figure may be yuan, 万元 or 亿元: the scorer takes all three.
	if vs := ValuesIn("金额 3,000"); !has(vs, 3000) || !has(vs, 30000000) || !has(vs, 300000000000) {
		t.Errorf("bare 3,000 → %v", vs)
	}
}

func TestWanToYuanRoundsHalfToEven(t *testing.T) {
	for in, want := range map[string]int64{"12.5": 125000, "0.00005": 0, "0.00015": 2, "3": 30000} {
		if got, ok := wanToYuan(in); !ok || got != want {
			t.Errorf("wanToYuan(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	if _, ok := wanToYuan(""); ok {
		t.Error("an empty amount is missing, not zero")
	}
}

func TestRunWithoutGold(t *testing.T) {
	if _, err := Run(t.TempDir(), ""); err == nil || !strings.Contains(err.Error(), "no gold.csv") {
		t.Errorf("a folder without an answer key: %v", err)
	}
}
