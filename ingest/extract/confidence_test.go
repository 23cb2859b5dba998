package extract

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"fundscope/data"
	"fundscope/model"
)

// testdata/signals.csv holds invented readings, each saying whether one
// confidence rule fires on it: items are name=yuan[=amount text] (empty: no amount),
// totals label=stated=y|n (reconciles)[=approx], unread text=reason, lines the
// document's text; all ;-separated.
func TestEveryConfidenceRuleOnInventedReadings(t *testing.T) {
	f, err := os.Open("testdata/signals.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, ";")
	}
	fires := map[string]int{}
	quiet := map[string]int{}
	for n, row := range rows[1:] {
		rule, want := row[0], row[1] == "yes"
		r := &reading{lines: split(row[5])}
		var sum int64
		for _, it := range split(row[2]) {
			name, amount, _ := strings.Cut(it, "=")
			name, org, _ := strings.Cut(name, "@") // name@organization
			item := Item{Name: name, Organization: org}
			amount, item.AmountText, _ = strings.Cut(amount, "=") // yuan=amount as printed
			if amount != "" {
				y, err := strconv.ParseInt(amount, 10, 64)
				if err != nil {
					t.Fatalf("row %d: amount %q", n+2, amount)
				}
				item.AmountYuan = &y
				sum += y
			}
			r.items = append(r.items, item)
		}
		for _, tot := range split(row[3]) {
			p := strings.Split(tot, "=")
			stated, _ := strconv.ParseInt(p[1], 10, 64)
			tt := Total{Label: p[0], Metric: model.MetricAmount, Stated: stated, Computed: sum, Reconciles: p[2] == "y"}
			if len(p) > 3 && p[3] == "approx" { // within a tenth of the figure
				lo, hi := stated-stated/10, stated+stated/10
				tt.Low, tt.High = &lo, &hi
			}
			r.totals = append(r.totals, tt)
		}
		for _, u := range split(row[4]) {
			text, reason, _ := strings.Cut(u, "=")
			r.unread = append(r.unread, model.Unread{Text: text, Reason: reason})
		}
		conf, _, sig, err := assess(r)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, s := range sig {
			got = got || s.Rule == rule
		}
		if got != want {
			t.Errorf("row %d: %s fires %v, want %v (items %q, lines %q; signals %v)", n+2, rule, got, want, row[2], row[5], sig.Names())
		}
		if conf < 0 || conf > 1 {
			t.Errorf("row %d: confidence %v outside [0, 1]", n+2, conf)
		}
		if want {
			fires[rule]++
		} else {
			quiet[rule]++
		}
	}
	rs, err := ConfidenceRules(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rs {
		if fires[c.id] < 2 || quiet[c.id] < 1 {
			t.Errorf("rule %s has %d cases it fires on and %d it does not: want at least 2 and 1", c.id, fires[c.id], quiet[c.id])
		}
	}
}

// A reading whose names are clean and whose total word reconciles over
// every item is confident; each doubtful name lowers it.
func TestConfidenceFallsWithEvidence(t *testing.T) {
	y := func(v int64) *int64 { return &v }
	clean := &reading{
		items:  []Item{{Name: "助浴服务", AmountYuan: y(10000)}, {Name: "助洁服务", AmountYuan: y(20000)}},
		totals: []Total{{Label: "合计", Metric: model.MetricAmount, Stated: 30000, Computed: 30000, Reconciles: true}},
	}
	c1, _, _, _ := assess(clean)
	if c1 != 1 {
		t.Errorf("clean, cross-checked reading: confidence %v, want 1", c1)
	}
	clean.items[1].Name = "福利彩票公益金"
	c2, items, _, _ := assess(clean)
	if c2 >= Threshold || items[0] <= items[1] {
		t.Errorf("a funding source as a name: confidence %v (items %v), want below %v and the first item above the second", c2, items, Threshold)
	}
	c3, _, sig, _ := assess(&reading{})
	if c3 != 0 || len(sig) == 0 {
		t.Errorf("nothing read: confidence %v, signals %v", c3, sig)
	}
}

// Every row of the lexicon is checked when it is read.
func TestConfidenceLexiconRefusesBadRows(t *testing.T) {
	for _, bad := range []string{
		"x,name,(,0.5,unclosed group",
		"x,name,a,1.5,factor above 1",
		"x,code,,0.5,no mechanism",
		"x,sentence,a,0.5,unknown applies",
	} {
		fsys := fstest.MapFS{"lexicon/confidence.csv": {Data: []byte("rule,applies,pattern,factor,note\n" + bad + "\n")}}
		if _, err := ConfidenceRules(fsys); err == nil || !strings.Contains(err.Error(), "row 2") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
