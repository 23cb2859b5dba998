package command

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest/document"
	"fundscope/ingest/generic"
	"fundscope/ingest/layouts"
)

// DetectOptions are the inputs of `fundscope detect`.
type DetectOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	File    string
}

// NewCmdDetect builds `fundscope detect`.
func NewCmdDetect(f *cmdutil.Factory, runF func(*DetectOptions) error) *cobra.Command {
	opts := &DetectOptions{Factory: f}
	return &cobra.Command{
		Use:   "detect FILE",
		Short: "Tell a document's format, its structure and which known layout reads it",
		Long: `Open a document in any format fundscope reads (text, .docx, .xlsx, .html,
.mht, .pdf; .doc/.wps/.xls/.et/.rtf/.odt/.ods through LibreOffice), chosen from its bytes,
and show the format, any conversion, the blocks found (headings, paragraphs,
tables with their size and first row) and what the decoder noted (hidden
sheets or rows). Then try every known layout on it and show, for each,
whether it reads the file and its evidence: line items, how many with an
amount, stated totals — or why it does not fit. The best fit comes first;
put its name in the file's manifest.json entry (fundscope init makes a
workspace with one). When none fits, the nearest miss is named: the reader
that got furthest, with the line and what it lacked (a header row without
an amount column, say), and detect exits non-zero.`,
		Example: `  fundscope detect data/raw/zhoushan-putuo-2023-purchase-summary.txt`,
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx, opts.File = cmd.Context(), args[0]
			if runF != nil {
				return runF(opts)
			}
			return detectRun(opts)
		},
	}
}

func detectRun(opts *DetectOptions) error {
	raw, err := document.ReadFile(opts.File)
	if err != nil {
		return err
	}
	doc, err := document.Open(opts.File, raw)
	if err != nil {
		return err
	}
	out := opts.Factory.IO.Out
	fmt.Fprintf(out, "format: %s", doc.Format)
	if doc.Conversion != "" {
		fmt.Fprintf(out, " (converted: %s)", doc.Conversion)
	}
	fmt.Fprintln(out)
	for _, s := range doc.Summary() {
		fmt.Fprintln(out, "  "+s)
	}
	for _, n := range doc.Notes {
		fmt.Fprintln(out, "  note: "+n)
	}
	if len(doc.Blocks) == 0 {
		// a text document: the tables found in its lines, however printed
		tables, err := generic.DescribeTables(doc)
		if err != nil {
			return err
		}
		for _, t := range tables {
			fmt.Fprintln(out, "  "+t)
		}
	}
	fits := layouts.DetectDocument(doc)
	for _, f := range fits {
		mark := "no "
		if f.Fits {
			mark = "YES"
		}
		fmt.Fprintf(out, "%s  %-15s %s\n", mark, f.Layout, f.Evidence)
	}
	if miss, ok := layouts.NearestMiss(fits); ok {
		fmt.Fprintf(out, "nearest miss: %s — %s\n", miss.Layout, miss.Evidence)
		return fmt.Errorf("%s: no known layout fits; the nearest miss is %s (above); enter it with `fundscope template`, or `fundscope extract --format xlsx` for a draft to correct", opts.File, miss.Layout)
	}
	fmt.Fprintf(out, "best fit: %s — %s\n", fits[0].Layout, layouts.Help(fits[0].Layout))
	return nil
}
