package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// fundscope eval and the strict scorer (testdata/score.py, a copy of the
// project's) agree on every figure of every document, on notices read right
// (data/corpus) and on notices read wrong (ingest/eval/testdata/corpus).
func TestEvalAgreesWithTheStrictScorer(t *testing.T) {
	bin := binary(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is needed to run the strict scorer (scripts/test-deps.sh installs it)")
	}
	for _, dir := range []string{"../../data/corpus", "../../ingest/eval/testdata/corpus"} {
		// score.py wants the documents and the key in one folder.
		work := t.TempDir()
		for _, src := range []string{dir, filepath.Join(dir, "key")} {
			entries, err := os.ReadDir(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.IsDir() {
					continue
				}
				raw, err := os.ReadFile(filepath.Join(src, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(work, e.Name()), raw, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		out, err := exec.Command(python, "testdata/score.py", bin, work, "--json").Output()
		if err != nil {
			t.Fatalf("score.py on %s: %v", dir, err)
		}
		var want []struct {
			File             string   `json:"file"`
			Gold             int      `json:"gold"`
			Exact            int      `json:"exact"`
			Extra            int      `json:"extra"`
			OrgOK            int      `json:"org_ok"`
			OrgN             int      `json:"org_n"`
			Silent           int      `json:"silent"`
			Got              int64    `json:"money_got_yuan"`
			GoldMoney        int64    `json:"money_gold_yuan"`
			TotalsOK         int      `json:"totals_ok"`
			TotalsN          int      `json:"totals_n"`
			Confidence       *float64 `json:"confidence"`
			Right            bool     `json:"right"`
			ConfidentlyWrong bool     `json:"confidently_wrong"`
		}
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatalf("score.py output: %v\n%s", err, out)
		}
		out, err = exec.Command(bin, "eval", work, "--format", "json").Output()
		if err != nil {
			t.Fatalf("fundscope eval on %s: %v", dir, err)
		}
		var got struct {
			Docs []struct {
				File             string   `json:"file"`
				Rows             int      `json:"rows"`
				Exact            int      `json:"exact"`
				Extra            int      `json:"extra"`
				OrgOK            int      `json:"org_ok"`
				OrgRows          int      `json:"org_rows"`
				Silent           int      `json:"silent"`
				Money            int64    `json:"money_yuan"`
				GoldMoney        int64    `json:"gold_money_yuan"`
				TotalsOK         int      `json:"totals_ok"`
				Totals           int      `json:"totals"`
				Confidence       *float64 `json:"confidence"`
				Right            int      `json:"documents_right"`
				ConfidentlyWrong int      `json:"confidently_wrong"`
			} `json:"per_document"`
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("fundscope eval output: %v\n%s", err, out)
		}
		if len(got.Docs) != len(want) || len(want) == 0 {
			t.Fatalf("%s: eval scored %d documents, score.py %d", dir, len(got.Docs), len(want))
		}
		for i, w := range want {
			g := got.Docs[i]
			same := g.File == w.File && g.Rows == w.Gold && g.Exact == w.Exact && g.Extra == w.Extra &&
				g.OrgOK == w.OrgOK && g.OrgRows == w.OrgN && g.Silent == w.Silent && g.Money == w.Got &&
				g.GoldMoney == w.GoldMoney && g.TotalsOK == w.TotalsOK && g.Totals == w.TotalsN &&
				(g.Right == 1) == w.Right && (g.ConfidentlyWrong == 1) == w.ConfidentlyWrong &&
				(g.Confidence == nil) == (w.Confidence == nil) && (g.Confidence == nil || *g.Confidence == *w.Confidence)
			if !same {
				t.Errorf("%s: fundscope eval %+v\nscore.py %+v", w.File, g, w)
			}
		}
	}
}
