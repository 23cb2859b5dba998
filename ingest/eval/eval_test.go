package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// The development corpus (../shared/corpus, beside the checkout as in CI):
// at least 90% of its gold rows with an amount are found with that exact
// amount, and no gold amount is silently missed (each is read or listed as
// unread). The figures are printed for the record.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	rep, err := Run(dir)
	if err != nil {
		t.Fatalf("the development corpus must be beside the checkout: %v", err)
	}
	var out bytes.Buffer
	rep.Print(&out, true)
	t.Log("\n" + out.String())
	s := rep.Sum()
	if len(rep.Docs) < 20 || s.Gold < 100 {
		t.Fatalf("corpus too small: %d documents, %d gold rows", len(rep.Docs), s.Gold)
	}
	if s.Exact*10 < s.Gold*9 {
		t.Errorf("found %d of %d gold rows exactly, below 90%%", s.Exact, s.Gold)
	}
	if len(s.Silent) > 0 {
		t.Errorf("silent misses: %s", strings.Join(s.Silent, "; "))
	}
	for _, d := range rep.Docs {
		if d.Err != "" {
			t.Errorf("%s: %s", d.File, d.Err)
		}
	}
}

func TestOverlap(t *testing.T) {
	if overlap("资助养老服务体系建设", "养老服务体系建设") != 1 || overlap("漳州", "儿童福利") != 0 {
		t.Error("overlap counts the gold name's character pairs found")
	}
}

func TestRunWithoutGold(t *testing.T) {
	if _, err := Run(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no gold.csv") {
		t.Errorf("a folder without an answer key: %v", err)
	}
}
