package command

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
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
		Short: "Tell which known layout fits a text catalog",
		Long: `Try every known layout on a text catalog and show, for each, whether it reads
the file and its evidence: how many line items it found, how many with an
amount, how many stated totals — or why it does not fit. The best fit comes
first; put its name in the file's manifest.json entry (fundscope init makes a
workspace with one).`,
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
	raw, err := os.ReadFile(opts.File)
	if err != nil {
		return err
	}
	fits, err := layouts.Detect(opts.File, raw)
	if err != nil {
		return err
	}
	out := opts.Factory.IO.Out
	for _, f := range fits {
		mark := "no "
		if f.Fits {
			mark = "YES"
		}
		fmt.Fprintf(out, "%s  %-15s %s\n", mark, f.Layout, f.Evidence)
	}
	if !fits[0].Fits {
		return fmt.Errorf("%s: no known layout fits; enter it with `fundscope template` instead", opts.File)
	}
	fmt.Fprintf(out, "best fit: %s — %s\n", fits[0].Layout, layouts.Help(fits[0].Layout))
	return nil
}
