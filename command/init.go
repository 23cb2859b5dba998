package command

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/data"
)

// InitOptions are the inputs of `fundscope init`.
type InitOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Dir     string
}

// workspaceReadme is the data file that becomes the workspace's README.md.
const workspaceReadme = "workspace-README.md"

// NewCmdInit builds `fundscope init`.
func NewCmdInit(f *cmdutil.Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{Factory: f}
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make an editable workspace: manifest, reference data, dictionary, bundled catalogs",
		Long: `Write the data built into the binary into DIR/data (default: the current
folder), with a README.md saying what to edit: data/manifest.json lists the
catalogs (add one per new document in data/raw/), data/ref/ holds the
regions, aliases, categories and their rules and the funding sources, and
data/dictionary.csv documents the exported columns.

Run fundscope from DIR afterwards and it reads DIR/data instead of its
built-in copy. An existing DIR/data is never overwritten.`,
		Example: `  fundscope init myfunds
  cd myfunds && fundscope ingest && fundscope report`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.Usagef("init takes at most one folder, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx, opts.Dir = cmd.Context(), "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
}

func initRun(opts *InitOptions) error {
	target := filepath.Join(opts.Dir, "data")
	if _, err := os.Stat(target); err == nil {
		return fmt.Errorf("%s already exists: fundscope init never overwrites a workspace (choose another folder)", target)
	}
	// Write into a temporary folder and rename, so that a failed init leaves nothing half-made.
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(opts.Dir, ".fundscope-init-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	files := 0
	err = fs.WalkDir(data.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." || p == workspaceReadme {
			return err
		}
		dst := filepath.Join(stage, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if filepath.Ext(p) == ".go" {
			return nil
		}
		b, err := fs.ReadFile(data.FS, p)
		if err != nil {
			return err
		}
		files++
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return err
	}
	readme, err := fs.ReadFile(data.FS, workspaceReadme)
	if err != nil {
		return err
	}
	readmePath := filepath.Join(opts.Dir, "README.md")
	if _, err := os.Stat(readmePath); err == nil {
		readmePath = filepath.Join(opts.Dir, "README-fundscope.md")
	}
	if err := os.Rename(stage, target); err != nil {
		return err
	}
	if err := os.WriteFile(readmePath, readme, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.Factory.IO.Out, "wrote %s (%d files) and %s\nnext: cd %s && fundscope ingest && fundscope report\n", target, files, readmePath, opts.Dir)
	return nil
}
