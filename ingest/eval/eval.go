// Package eval measures the readers on real documents against a gold answer
// key (the format of ../shared/corpus: gold.csv with one row per project,
// totals.csv with every total a document states about itself), with the
// definitions of the strict scorer ../shared/eval/score.py: a gold row is
// exact only when one item has its name (normalized) and its amount in yuan.
package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"fundscope/ingest/extract"
	"fundscope/model"
	"fundscope/money"
)

// Threshold is the confidence at or above which a reading that is not right
// counts as confidently wrong (score.py's --threshold default).
const Threshold = extract.Threshold

// Doc is the score of one document; the JSON keys are those of
// `fundscope eval --format json`.
type Doc struct {
	File              string   `json:"file"`
	Reader            string   `json:"reader"`
	Err               string   `json:"error,omitempty"`
	Rows              int      `json:"rows"`     // gold rows
	Exact             int      `json:"exact"`    // … matched by name and amount
	Extra             int      `json:"extra"`    // items that match no gold row
	OrgRows           int      `json:"org_rows"` // gold rows naming an organization
	OrgOK             int      `json:"org_ok"`   // … exact and carrying it
	Silent            int      `json:"silent"`   // gold amounts nowhere in the output
	Documents         int      `json:"documents"`
	DocumentsRight    int      `json:"documents_right"`
	ConfidentlyWrong  int      `json:"confidently_wrong"`
	MoneyYuan         int64    `json:"money_yuan"`
	GoldMoneyYuan     int64    `json:"gold_money_yuan"`
	MoneyAbsErrorYuan int64    `json:"money_abs_error_yuan"`
	Totals            int      `json:"totals"`
	TotalsOK          int      `json:"totals_ok"`
	Confidence        *float64 `json:"confidence"`
	Missed            []string `json:"missed,omitempty"`      // gold rows not matched
	ExtraItems        []string `json:"extra_items,omitempty"` // items matching no gold row
	SilentRows        []string `json:"silent_rows,omitempty"` // gold amounts nowhere in the output
	Signals           []string `json:"signals,omitempty"`     // what lowered the confidence
}

// Report is the score of a folder: the sum, and each document.
type Report struct {
	Doc
	Docs      []Doc   `json:"documents_scored"`
	Threshold float64 `json:"threshold"`
}

type goldRow struct{ name, org, amountWan string }
type goldTotal struct{ value, unit, reconciles string }

// Run extracts every document of dir that dir/gold.csv names (and that
// exists) and scores it. key is the folder holding gold.csv and totals.csv:
// dir itself when "".
func Run(dir, key string) (*Report, error) {
	if key == "" {
		key = dir
	}
	gold, err := readCSV(filepath.Join(key, "gold.csv"))
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s has no gold.csv: eval needs an answer key (file, project_name, organization, amount_wan, amount_text, … as in ../shared/corpus)", key)
	}
	if err != nil {
		return nil, err
	}
	totals, err := readCSV(filepath.Join(key, "totals.csv"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	rows := map[string][]goldRow{}
	for _, r := range gold {
		rows[r["file"]] = append(rows[r["file"]], goldRow{r["project_name"], r["organization"], r["amount_wan"]})
	}
	tots := map[string][]goldTotal{}
	for _, r := range totals {
		if strings.TrimSpace(r["unit"]) == "万元" && strings.TrimSpace(r["value"]) != "" {
			tots[r["file"]] = append(tots[r["file"]], goldTotal{r["value"], r["unit"], r["reconciles"]})
		}
	}
	var files []string
	for f := range rows {
		if st, err := os.Stat(filepath.Join(dir, f)); err == nil && !st.IsDir() {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: none of the documents %s/gold.csv names is here", dir, key)
	}
	sort.Strings(files)
	rep := &Report{Threshold: Threshold}
	rep.File = "TOTAL"
	for _, f := range files {
		d := score(filepath.Join(dir, f), rows[f], tots[f])
		rep.Docs = append(rep.Docs, d)
		rep.add(d)
	}
	return rep, nil
}

func (r *Report) add(d Doc) {
	s := &r.Doc
	s.Rows += d.Rows
	s.Exact += d.Exact
	s.Extra += d.Extra
	s.OrgRows += d.OrgRows
	s.OrgOK += d.OrgOK
	s.Silent += d.Silent
	s.Documents += d.Documents
	s.DocumentsRight += d.DocumentsRight
	s.ConfidentlyWrong += d.ConfidentlyWrong
	s.MoneyYuan += d.MoneyYuan
	s.GoldMoneyYuan += d.GoldMoneyYuan
	s.MoneyAbsErrorYuan += d.MoneyAbsErrorYuan
	s.Totals += d.Totals
	s.TotalsOK += d.TotalsOK
}

func score(path string, gold []goldRow, totals []goldTotal) Doc {
	d := Doc{File: filepath.Base(path), Documents: 1, Rows: len(gold)}
	for _, g := range gold {
		if strings.TrimSpace(g.org) != "" {
			d.OrgRows++
		}
	}
	for _, t := range totals {
		if !notReconcilable(t.reconciles) {
			d.Totals++
		}
	}
	res, err := extract.File(path, model.Catalog{})
	if err != nil {
		d.Err = err.Error()
		res = &extract.Result{}
	} else {
		d.Reader = res.Reader
		c := res.Confidence
		d.Confidence = &c
		d.Signals = res.Signals.Names()
	}
	used := make([]bool, len(res.Items))
	for _, g := range gold {
		gy, gok := wanToYuan(g.amountWan)
		hit := false
		for i, it := range res.Items {
			if used[i] || !Same(g.name, it.Name, 0.8) {
				continue
			}
			if (it.AmountYuan == nil && !gok) || (it.AmountYuan != nil && gok && *it.AmountYuan == gy) {
				used[i], hit = true, true
				d.Exact++
				if strings.TrimSpace(g.org) != "" && Same(g.org, it.Organization, 0.5) {
					d.OrgOK++
				}
				break
			}
		}
		if !hit {
			d.Missed = append(d.Missed, fmt.Sprintf("%s %s万元", money.Clip(g.name, 30), g.amountWan))
		}
	}
	seen := map[int64]bool{}
	for _, it := range res.Items {
		if it.AmountYuan != nil {
			seen[*it.AmountYuan] = true
			d.MoneyYuan += *it.AmountYuan
		}
	}
	for _, t := range res.Totals {
		seen[t.Stated] = true
	}
	for _, u := range res.Unread {
		for _, v := range ValuesIn(u.Text) {
			seen[v] = true
		}
	}
	for _, g := range gold {
		if gy, ok := wanToYuan(g.amountWan); ok {
			d.GoldMoneyYuan += gy
			if !seen[gy] {
				d.Silent++
				d.SilentRows = append(d.SilentRows, fmt.Sprintf("%s %s万元", money.Clip(g.name, 30), g.amountWan))
			}
		}
	}
	d.MoneyAbsErrorYuan = d.MoneyYuan - d.GoldMoneyYuan
	if d.MoneyAbsErrorYuan < 0 {
		d.MoneyAbsErrorYuan = -d.MoneyAbsErrorYuan
	}
	for _, t := range totals {
		if notReconcilable(t.reconciles) {
			continue
		}
		v, ok := wanToYuan(t.value)
		if !ok {
			continue
		}
		v2 := strings.ToUpper(strings.TrimSpace(t.reconciles))
		rec := v2 == "OK" || v2 == "APPROX" || v2 == "YES" || v2 == "TRUE" || v2 == "✔"
		tol := max(1, floorDiv(v, 1000))
		for _, st := range res.Totals {
			if abs(st.Stated-v) <= tol && st.Reconciles == rec {
				d.TotalsOK++
				break
			}
		}
	}
	for i, it := range res.Items {
		if !used[i] {
			d.Extra++
			amt := "no amount"
			if it.AmountYuan != nil {
				amt = money.FormatWan(*it.AmountYuan) + "万元"
			}
			d.ExtraItems = append(d.ExtraItems, fmt.Sprintf("%s %s", money.Clip(it.Name, 30), amt))
		}
	}
	right := err == nil && d.Exact == len(gold) && d.Extra == 0
	if right {
		d.DocumentsRight = 1
	} else if d.Confidence != nil && *d.Confidence >= Threshold {
		d.ConfidentlyWrong = 1
	}
	return d
}

func notReconcilable(v string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(v)), "NOT-RECONCILABLE")
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// wanToYuan is an amount in 万元 as yuan, rounded half to even as Python's
// Decimal.to_integral_value does; ok is false for an empty cell.
func wanToYuan(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, false
	}
	r.Mul(r, big.NewRat(10000, 1))
	return roundHalfEven(r), true
}

func roundHalfEven(r *big.Rat) int64 {
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// q truncates toward zero; compare the remainder with half the denominator
	twice := new(big.Int).Mul(new(big.Int).Abs(m), big.NewInt(2))
	switch c := twice.Cmp(r.Denom()); {
	case c > 0 || (c == 0 && q.Bit(0) == 1):
		if r.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q.Int64()
}

var (
	debrisRe = regexp.MustCompile(`[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+[)）]`)
	numRe    = regexp.MustCompile(`(\d[\d,，]*(?:\.\d+)?)\s*(亿|億|万|萬)?`)
)

const punct = "\"'“”‘’「」『』《》〈〉()（）[]【】<>·・、,，。.:：;；!！?？-—–_|/\\"

// pySpace is Python's str.isspace (what \s matches in a str pattern).
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) || r == 0x85
}

// Norm is a name as the scorer compares it: NFKC, romanization debris
// such as (xié) removed, then punctuation and spaces removed.
func Norm(s string) string {
	s = debrisRe.ReplaceAllString(norm.NFKC.String(s), "")
	return strings.Map(func(r rune) rune {
		if pySpace(r) || strings.ContainsRune(punct, r) {
			return -1
		}
		return r
	}, s)
}

// Same is the scorer's name match: equal after Norm, or one contains the
// other and the shorter is at least ratio of the longer (in characters).
func Same(a, b string, ratio float64) bool {
	a, b = Norm(a), Norm(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	short, long := a, b
	if utf8.RuneCountInString(short) > utf8.RuneCountInString(long) {
		short, long = long, short
	}
	return strings.Contains(long, short) && float64(utf8.RuneCountInString(short)) >= ratio*float64(utf8.RuneCountInString(long))
}

// ValuesIn is every yuan value a span of text can be read as, as the
// scorer reads unread spans: a figure with 亿/万 in that unit, a bare
// figure as yuan, 万元 and 亿元 alike.
func ValuesIn(text string) []int64 {
	var out []int64
	for _, m := range numRe.FindAllStringSubmatch(norm.NFKC.String(text), -1) {
		r, ok := new(big.Rat).SetString(strings.NewReplacer(",", "", "，", "").Replace(m[1]))
		if !ok {
			continue
		}
		trunc := func(mul int64) int64 {
			x := new(big.Rat).Mul(r, big.NewRat(mul, 1))
			return new(big.Int).Quo(x.Num(), x.Denom()).Int64()
		}
		switch m[2] {
		case "亿", "億":
			out = append(out, trunc(100000000))
		case "万", "萬":
			out = append(out, trunc(10000))
		default:
			out = append(out, trunc(1), trunc(10000), trunc(100000000))
		}
	}
	return out
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
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

// Band is one row of the reliability table: documents whose confidence is
// in [Low, High), and how many of them were read right.
type Band struct {
	Low, High float64
	Docs      int
	Right     int
}

// Reliability groups the documents by confidence: a calibrated reader's
// share right grows with its confidence, and no band at or above the
// threshold holds a wrong document.
func (r *Report) Reliability() []Band {
	bands := []Band{{0, 0.2, 0, 0}, {0.2, 0.4, 0, 0}, {0.4, Threshold, 0, 0}, {Threshold, 0.7, 0, 0}, {0.7, 0.9, 0, 0}, {0.9, 1.01, 0, 0}}
	for _, d := range r.Docs {
		c := -1.0
		if d.Confidence != nil {
			c = *d.Confidence
		}
		for i := range bands {
			if (c >= bands[i].Low || (i == 0 && c < 0)) && c < bands[i].High {
				bands[i].Docs++
				bands[i].Right += d.DocumentsRight
				break
			}
		}
	}
	return bands
}

// Print writes one line per document (as score.py does), the TOTAL line
// and the reliability table; verbose adds the rows missed, the extra items,
// the silent misses and the signals that lowered each confidence.
func (r *Report) Print(w io.Writer, verbose bool) {
	for _, d := range r.Docs {
		conf := "-"
		if d.Confidence != nil {
			conf = fmt.Sprintf("%.2f", *d.Confidence)
		}
		verdict := "right"
		switch {
		case d.Err != "":
			verdict = "FAILED: " + d.Err
		case d.ConfidentlyWrong == 1:
			verdict = "CONFIDENTLY WRONG"
		case d.DocumentsRight == 0:
			verdict = "wrong, below the threshold (set aside for review)"
		}
		fmt.Fprintf(w, "%s: %d/%d exact, %d extra, org %d/%d, %d silent, money %s万元, totals %d/%d, confidence %s  %s\n",
			d.File, d.Exact, d.Rows, d.Extra, d.OrgOK, d.OrgRows, d.Silent, signedWan(d.MoneyYuan-d.GoldMoneyYuan), d.TotalsOK, d.Totals, conf, verdict)
		if verbose {
			for _, m := range d.Missed {
				fmt.Fprintf(w, "    missed: %s\n", m)
			}
			for _, m := range d.ExtraItems {
				fmt.Fprintf(w, "    extra:  %s\n", m)
			}
			for _, m := range d.SilentRows {
				fmt.Fprintf(w, "    SILENT: %s\n", m)
			}
			if len(d.Signals) > 0 {
				fmt.Fprintf(w, "    signals: %s\n", strings.Join(d.Signals, ", "))
			}
		}
	}
	s := r.Doc
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(a)/float64(b))
	}
	fmt.Fprintf(w, "TOTAL %d/%d exact (%s), %d extra, org %d/%d, %d silent misses, %d/%d documents right, %d confidently wrong, money %s of %s万元 (abs error %s万元), totals %d/%d\n",
		s.Exact, s.Rows, pct(s.Exact, s.Rows), s.Extra, s.OrgOK, s.OrgRows, s.Silent, s.DocumentsRight, s.Documents, s.ConfidentlyWrong,
		money.FormatWan(s.MoneyYuan), money.FormatWan(s.GoldMoneyYuan), money.FormatWan(s.MoneyAbsErrorYuan), s.TotalsOK, s.Totals)
	fmt.Fprintf(w, "\nreliability (threshold %.2f: readings below it are set aside for review):\n", r.Threshold)
	fmt.Fprintf(w, "  %-12s %9s %6s %7s\n", "confidence", "documents", "right", "share")
	for _, b := range r.Reliability() {
		hi := fmt.Sprintf("%.2f", b.High)
		if b.High > 1 {
			hi = "1.00"
		}
		fmt.Fprintf(w, "  %.2f–%-7s %9d %6d %7s\n", b.Low, hi, b.Docs, b.Right, pct(b.Right, b.Docs))
	}
}

func signedWan(y int64) string {
	if y < 0 {
		return "-" + money.FormatWan(-y)
	}
	return "+" + money.FormatWan(y)
}

// JSON is the report as `fundscope eval --format json` prints it: the
// totals' keys at the top level and a documents array of the same keys.
func (r *Report) JSON() map[string]any {
	out := map[string]any{}
	s := r.Doc
	for k, v := range map[string]any{
		"rows": s.Rows, "exact": s.Exact, "extra": s.Extra, "org_rows": s.OrgRows, "org_ok": s.OrgOK,
		"silent": s.Silent, "documents": s.Documents, "documents_right": s.DocumentsRight,
		"confidently_wrong": s.ConfidentlyWrong, "money_yuan": s.MoneyYuan, "gold_money_yuan": s.GoldMoneyYuan,
		"money_abs_error_yuan": s.MoneyAbsErrorYuan, "totals": s.Totals, "totals_ok": s.TotalsOK,
	} {
		out[k] = v
	}
	docs := r.Docs
	if docs == nil {
		docs = []Doc{}
	}
	out["documents"] = s.Documents
	out["threshold"] = r.Threshold
	out["reliability"] = r.Reliability()
	out["per_document"] = docs
	return out
}
