package command

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest/extract"
	"fundscope/ingest/template"
	"fundscope/model"
	"fundscope/money"
)

// ExtractOptions are the inputs of `fundscope extract`.
type ExtractOptions struct {
	Factory *cmdutil.Factory
	File    string
	Format  string
	Out     string
	Catalog model.Catalog // overrides from flags
}

// NewCmdExtract builds `fundscope extract`.
func NewCmdExtract(f *cmdutil.Factory, runF func(*ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "extract FILE",
		Short: "Read a document without loading it: facts, line items, stated totals and unread amounts",
		Long: `Read a document in any format fundscope opens and show what it would load,
without touching the database:

  catalog        the facts inferred from the document (title, publisher,
                 jurisdiction as a GB/T 2260 code, level, project year,
                 publication date, phase of the amounts); a sidecar
                 FILE.facts.json beside the document corrects them, and
                 --year, --admin-code, --title and --phase win over both
  items          line items with their amount in exact yuan, its kind (fixed,
                 cap, actuals, derived from a shared amount, approx), the
                 printed text and where in the file each came from
  stated totals  every total the document states about itself, next to the
                 sum of the items it covers, and whether they reconcile
  unread         every amount-looking span (a number with 元/万元/亿元) that no
                 item or total used, with the reason when a rule set it aside
                 (per-head amount, cumulative figure, sales or fund-raising…)
  warnings       what the reader noticed and decided (a figure stated twice
                 read once, a unit inferred from the size of the figures…)

The reader is a known layout when one reads the file, else the generic
reader (tables by their header words, prose by the words around amounts);
its confidence is printed.

--format xlsx writes a draft: the onboarding template (fundscope template)
filled with what was found, each row with where it came from, the cells to
check highlighted (facts that could not be inferred, amounts that are
approximate or shared), and the unread amounts on their own sheet. Correct
it in Excel, then load it with fundscope ingest DRAFT.xlsx.`,
		Example: `  fundscope extract notice.html
  fundscope extract catalog.docx --format json | jq '.unread'
  fundscope extract notice.pdf --format csv --out items.csv
  fundscope extract notice.pdf --format xlsx --out notice.draft.xlsx`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			switch opts.Format {
			case "table", "csv", "json", "xlsx":
			default:
				return &cmdutil.UsageError{Err: fmt.Errorf("--format %q: expected table, csv, json or xlsx", opts.Format)}
			}
			if runF != nil {
				return runF(opts)
			}
			return extractRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Format, "format", "table", "table (for people), csv (items), json (everything) or xlsx (a draft template to correct and load)")
	fl.StringVarP(&opts.Out, "out", "o", "", "file to write (default: standard output; for xlsx FILE with .draft.xlsx)")
	fl.IntVar(&opts.Catalog.Year, "year", 0, "the project year, when the inferred one is wrong")
	fl.StringVar(&opts.Catalog.AdminCode, "admin-code", "", "the publisher's GB/T 2260 code, when the inferred one is wrong")
	fl.StringVar(&opts.Catalog.Title, "title", "", "the document's title, when the inferred one is wrong")
	fl.StringVar(&opts.Catalog.Phase, "phase", "", "what the amounts are (budgeted, approved, contracted, paid), when the one inferred from the title is wrong")
	fl.StringVar(&opts.Catalog.Layout, "layout", "", "read with this layout instead of choosing one (see fundscope detect)")
	return cmd
}

func extractRun(opts *ExtractOptions) error {
	res, err := extract.File(opts.File, opts.Catalog)
	if err != nil {
		return err
	}
	if opts.Format == "xlsx" {
		out := opts.Out
		if out == "" {
			out = strings.TrimSuffix(opts.File, filepath.Ext(opts.File)) + ".draft.xlsx"
		}
		vocab, err := template.LoadVocabulary(opts.Factory.DataFS())
		if err != nil {
			return err
		}
		if err := cmdutil.WriteFileAtomic(out, func(f *os.File) error { return template.WriteDraft(f, vocab, draftOf(res)) }); err != nil {
			return err
		}
		fmt.Fprintf(opts.Factory.IO.ErrOut, "wrote %s: %d items, %d unread amounts; correct the highlighted cells, then: fundscope ingest %s\n", out, len(res.Items), len(res.Unread), out)
		return nil
	}
	w := opts.Factory.IO.Out
	if opts.Out != "" {
		return cmdutil.WriteFileAtomic(opts.Out, func(f *os.File) error { return writeExtract(f, res, opts.Format) })
	}
	return writeExtract(w, res, opts.Format)
}

// draftOf lays a reading out for the onboarding template.
func draftOf(res *extract.Result) template.Draft {
	c := res.Catalog
	d := template.Draft{Catalog: map[string]string{
		"catalog_id": c.CatalogID, "title": c.Title, "publisher": c.Publisher, "province": c.Province,
		"city": c.City, "admin_code": c.AdminCode, "level": c.Level, "unit": "元",
	}}
	if c.District != nil {
		d.Catalog["district"] = *c.District
	}
	if c.Year > 0 {
		d.Catalog["year"] = strconv.Itoa(c.Year)
	}
	if c.Published != nil {
		d.Catalog["published"] = *c.Published
	}
	if c.Phase != model.PhaseUnknown {
		d.Catalog["phase"] = c.Phase // else left empty for a person to fill in (or the title to decide)
	}
	seen := map[string]int{}
	for i, it := range res.Items {
		no := it.ItemNo
		if seen[no]++; seen[no] > 1 {
			no = fmt.Sprintf("%s-%d", no, seen[no])
		}
		row := map[string]string{"item_no": no, "name": it.Name, "funding": "", "region": it.RegionText, "organization": it.Organization}
		var check []string
		if it.AmountYuan != nil {
			row["amount"] = strconv.FormatInt(*it.AmountYuan, 10) // the draft's unit is 元: exact
		}
		switch it.AmountKind {
		case model.KindCap:
			row["amount_kind"] = "最高资助"
		case model.KindActuals:
			row["amount_kind"] = "按实结算"
		case model.KindDerived:
			row["amount_kind"] = "共享"
			check = append(check, "amount", "amount_kind")
		case model.KindApprox:
			row["amount_kind"] = "约数"
			check = append(check, "amount", "amount_kind")
		}
		if it.Confidence < 1 {
			check = append(check, "name")
		}
		d.Rows = append(d.Rows, row)
		d.Check = append(d.Check, check)
		src := fmt.Sprintf("%s %s: %s · confidence %.2f", filepath.Base(res.File), it.Location, it.AmountText, it.Confidence)
		if w := res.Signals.OnItem(i + 1).Weakest(3); len(w) > 0 {
			src += " (" + strings.Join(w, ", ") + ")"
		}
		d.Sources = append(d.Sources, src)
	}
	for _, t := range res.Totals {
		if t.Kind == "document_total" && t.Metric == "amount_yuan" {
			tot := [5]string{t.Label, strconv.FormatInt(t.Stated, 10), ""}
			if t.Low != nil && t.High != nil { // an approximate total keeps the range it reconciles within
				tot[3], tot[4] = strconv.FormatInt(*t.Low, 10), strconv.FormatInt(*t.High, 10)
			}
			d.Totals = append(d.Totals, tot)
		}
	}
	for _, u := range res.Unread {
		loc := u.Location
		if loc == "" {
			loc = fmt.Sprintf("line %d", u.Line)
		}
		d.Unread = append(d.Unread, [3]string{u.Text, loc, u.Reason})
	}
	return d
}

func writeExtract(w io.Writer, res *extract.Result, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"item_no", "name", "organization", "amount_yuan", "amount_kind", "amount_text", "funding_text", "region_text", "section", "year", "location"})
		for _, it := range res.Items {
			amt := ""
			if it.AmountYuan != nil {
				amt = strconv.FormatInt(*it.AmountYuan, 10)
			}
			_ = cw.Write([]string{it.ItemNo, it.Name, it.Organization, amt, it.AmountKind, it.AmountText, it.FundingText, it.RegionText, it.Section, strconv.Itoa(it.Year), it.Location})
		}
		cw.Flush()
		return cw.Error()
	}
	c := res.Catalog
	fmt.Fprintf(w, "%s (%s) read by %s, confidence %.2f\n", res.File, res.Format, res.Reader, res.Confidence)
	district := ""
	if c.District != nil {
		district = *c.District
	}
	fmt.Fprintf(w, "catalog: %s | publisher %s | %s %s %s (%s, %s) | year %d | phase %s", c.Title, c.Publisher, c.Province, c.City, district, c.AdminCode, c.Level, c.Year, c.Phase)
	if c.Published != nil {
		fmt.Fprintf(w, " | published %s", *c.Published)
	}
	fmt.Fprintln(w)
	for _, e := range res.Facts.Evidence {
		fmt.Fprintln(w, "  "+e)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nitems (%d)\tname\torganization\t万元\tkind\tlocation\n", len(res.Items))
	for _, it := range res.Items {
		amt := "—"
		if it.AmountYuan != nil {
			amt = money.FormatWan(*it.AmountYuan)
		}
		kind := it.AmountKind
		if it.Year != 0 && it.Year != c.Year {
			kind += fmt.Sprintf(" (%d年)", it.Year) // money for another year than the catalog's
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.ItemNo, money.Clip(it.Name, 40), money.Clip(it.Organization, 20), amt, kind, it.Location)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nstated totals (%d)\n", len(res.Totals))
	for _, t := range res.Totals {
		mark := "reconciles"
		switch {
		case t.Unpriced:
			mark = "a pool: the amounts of its items are not printed, nothing to reconcile"
		case !t.Reconciles:
			mark = "DOES NOT RECONCILE"
		}
		stated, computed := strconv.FormatInt(t.Stated, 10), strconv.FormatInt(t.Computed, 10)
		if t.Metric == model.MetricAmount {
			stated, computed = money.FormatWan(t.Stated)+"万", money.FormatWan(t.Computed)+"万"
		}
		fmt.Fprintf(w, "  %s: stated %s, items give %s — %s (%s)\n", money.Clip(t.Label, 50), stated, computed, mark, t.Location)
	}
	fmt.Fprintf(w, "\nunread amounts (%d)\n", len(res.Unread))
	for _, u := range res.Unread {
		loc := u.Location
		if loc == "" {
			loc = fmt.Sprintf("line %d", u.Line)
		}
		reason := u.Reason
		if reason == "" {
			reason = "no rule used it"
		}
		fmt.Fprintf(w, "  %s at %s: %s\n", u.Text, loc, reason)
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintf(w, "\nwarnings (%d)\n", len(res.Warnings))
		for _, x := range res.Warnings {
			loc := x.Location
			if loc == "" && x.Line > 0 {
				loc = fmt.Sprintf("line %d", x.Line)
			}
			if loc != "" {
				loc += ": "
			}
			fmt.Fprintf(w, "  %s%s\n", loc, x.Message)
		}
	}
	return nil
}
