// Package eval measures the readers on real documents against a gold answer
// key (the format of ../shared/corpus: gold.csv with one row per project,
// totals.csv with every total a document states about itself).
package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fundscope/ingest/document"
	"fundscope/ingest/extract"
	"fundscope/model"
	"fundscope/money"
)

// Doc is the score of one document.
type Doc struct {
	File     string
	Reader   string
	Err      string
	Gold     int // gold rows with an amount
	Exact    int // … found with the exact amount
	Named    int // … of which the name shares words with the gold name
	NoAmount int // gold rows the document gives no amount for
	NoAmtHit int // … found by name
	Extra    int // items found that match no gold row
	Totals   int // gold totals in money that reconcile (or approximately)
	TotalsOK int // … found and reconciling in the extraction
	Mismatch int // gold totals that do not reconcile
	Reported int // … found and reported as not reconciling
	Silent   []string
	Missed   []string // gold rows not found, for the report
}

// Report is the score of a folder.
type Report struct{ Docs []Doc }

type goldRow struct{ file, name, amountWan, amountText string }
type goldTotal struct{ file, value, unit, reconciles string }

// Run extracts every document of dir that gold.csv names and scores it.
func Run(dir string) (*Report, error) {
	gold, err := readCSV(filepath.Join(dir, "gold.csv"))
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s has no gold.csv: eval needs an answer key beside the documents (file, project_name, organization, amount_wan, amount_text, … as in ../shared/corpus)", dir)
	}
	if err != nil {
		return nil, err
	}
	totals, err := readCSV(filepath.Join(dir, "totals.csv"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	rows := map[string][]goldRow{}
	var files []string
	for _, r := range gold {
		f := r["file"]
		if _, ok := rows[f]; !ok {
			files = append(files, f)
		}
		rows[f] = append(rows[f], goldRow{f, r["project_name"], r["amount_wan"], r["amount_text"]})
	}
	tots := map[string][]goldTotal{}
	for _, r := range totals {
		tots[r["file"]] = append(tots[r["file"]], goldTotal{r["file"], r["value"], r["unit"], r["reconciles"]})
	}
	sort.Strings(files)
	rep := &Report{}
	for _, f := range files {
		rep.Docs = append(rep.Docs, score(filepath.Join(dir, f), rows[f], tots[f]))
	}
	return rep, nil
}

func wanToYuan(s string) (int64, bool) {
	if strings.TrimSpace(s) == "" {
		return 0, false
	}
	a, err := money.Parse(s, "万元")
	if err != nil || a.Yuan == nil {
		return 0, false
	}
	return *a.Yuan, true
}

func score(path string, gold []goldRow, totals []goldTotal) Doc {
	d := Doc{File: filepath.Base(path)}
	for _, g := range gold {
		if _, ok := wanToYuan(g.amountWan); ok {
			d.Gold++
		} else {
			d.NoAmount++
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		d.Err = err.Error()
		return d
	}
	doc, err := document.Open(path, raw)
	if err != nil {
		d.Err = err.Error()
		return d
	}
	res, err := extract.Document(doc, model.Catalog{})
	if err != nil {
		d.Err = err.Error()
		return d
	}
	d.Reader = res.Reader
	used := make([]bool, len(res.Items))
	seen := map[int64]bool{} // every figure the extraction accounts for
	for _, it := range res.Items {
		if it.AmountYuan != nil {
			seen[*it.AmountYuan] = true
		}
	}
	for _, t := range res.Totals {
		seen[t.Stated] = true
	}
	for _, u := range res.Unread {
		for _, s := range money.FindSpans(model.Normalize(u.Text)) {
			seen[s.Yuan] = true
		}
	}
	for _, g := range gold {
		want, ok := wanToYuan(g.amountWan)
		if !ok {
			for i, it := range res.Items {
				if !used[i] && overlap(it.Name, g.name) >= 0.5 {
					used[i] = true
					d.NoAmtHit++
					break
				}
			}
			continue
		}
		best, bestOv := -1, -1.0
		for i, it := range res.Items {
			if used[i] || it.AmountYuan == nil || *it.AmountYuan != want {
				continue
			}
			if ov := overlap(it.Name, g.name); ov > bestOv {
				best, bestOv = i, ov
			}
		}
		if best >= 0 {
			used[best] = true
			d.Exact++
			if bestOv > 0 {
				d.Named++
			}
		} else {
			d.Missed = append(d.Missed, fmt.Sprintf("%s %s万元", money.Clip(g.name, 30), g.amountWan))
		}
		printed := seen[want]
		for _, s := range money.FindSpans(model.Normalize(g.amountText)) {
			printed = printed || seen[s.Yuan]
		}
		if !printed {
			d.Silent = append(d.Silent, fmt.Sprintf("%s (%s)", g.amountText, money.Clip(g.name, 30)))
		}
	}
	for _, u := range used {
		if !u {
			d.Extra++
		}
	}
	for _, t := range totals {
		if t.unit != "万元" {
			continue
		}
		v, ok := wanToYuan(t.value)
		if !ok {
			continue
		}
		var found *extract.Total
		for i := range res.Totals {
			if res.Totals[i].Stated == v {
				found = &res.Totals[i]
				break
			}
		}
		switch {
		case t.reconciles == "OK" || t.reconciles == "APPROX":
			d.Totals++
			if found != nil && found.Reconciles {
				d.TotalsOK++
			}
		case strings.HasPrefix(t.reconciles, "MISMATCH"):
			d.Mismatch++
			if found != nil && !found.Reconciles {
				d.Reported++
			}
		}
	}
	return d
}

// overlap is the share of the gold name's character pairs the found name has.
func overlap(found, gold string) float64 {
	f, g := model.Normalize(found), []rune(model.Normalize(gold))
	if len(g) < 2 {
		if strings.Contains(f, string(g)) {
			return 1
		}
		return 0
	}
	hit := 0
	for i := 0; i+1 < len(g); i++ {
		if strings.Contains(f, string(g[i:i+2])) {
			hit++
		}
	}
	return float64(hit) / float64(len(g)-1)
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		m := map[string]string{}
		for i, h := range head {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		out = append(out, m)
	}
}

// Sum adds the documents' scores.
func (r *Report) Sum() Doc {
	var s Doc
	s.File = "TOTAL"
	for _, d := range r.Docs {
		s.Gold += d.Gold
		s.Exact += d.Exact
		s.Named += d.Named
		s.NoAmount += d.NoAmount
		s.NoAmtHit += d.NoAmtHit
		s.Extra += d.Extra
		s.Totals += d.Totals
		s.TotalsOK += d.TotalsOK
		s.Mismatch += d.Mismatch
		s.Reported += d.Reported
		s.Silent = append(s.Silent, d.Silent...)
	}
	return s
}

// Print writes the per-document table and the totals.
func (r *Report) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%-38s %-9s %11s %7s %6s %9s %10s %5s  %s\n", "document", "reader", "exact/gold", "named", "extra", "no-amount", "totals ok", "silent", "")
	line := func(d Doc) {
		fmt.Fprintf(w, "%-38s %-9s %5d/%-5d %7d %6d %4d/%-4d %5d/%-4d %5d  %s\n", money.Clip(d.File, 38), d.Reader, d.Exact, d.Gold, d.Named, d.Extra, d.NoAmtHit, d.NoAmount, d.TotalsOK, d.Totals, len(d.Silent), d.Err)
		if verbose {
			for _, m := range d.Missed {
				fmt.Fprintf(w, "    missed: %s\n", m)
			}
			for _, s := range d.Silent {
				fmt.Fprintf(w, "    SILENT: %s\n", s)
			}
		}
	}
	for _, d := range r.Docs {
		line(d)
	}
	s := r.Sum()
	line(s)
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(w, "\ngold rows with an amount found exactly: %d of %d (%.1f%%), %d of them with the name matching\n", s.Exact, s.Gold, pct(s.Exact, s.Gold), s.Named)
	fmt.Fprintf(w, "rows found that are not in the gold: %d\n", s.Extra)
	fmt.Fprintf(w, "stated totals reconciled: %d of %d (%.1f%%); totals that truly do not reconcile reported: %d of %d\n", s.TotalsOK, s.Totals, pct(s.TotalsOK, s.Totals), s.Reported, s.Mismatch)
	fmt.Fprintf(w, "silent misses (a gold amount neither extracted nor listed as unread): %d\n", len(s.Silent))
}
