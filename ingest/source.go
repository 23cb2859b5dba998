package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fundscope/ingest/manifest"
	"fundscope/model"
)

// Job is one document to ingest with its manifest entry.
type Job struct {
	File    string
	Raw     []byte
	Catalog model.Catalog
}

// BundledJobs lists every catalog of the manifest, read from fsys.
func BundledJobs(fsys fs.FS, m *manifest.Manifest) ([]Job, error) {
	var jobs []Job
	for _, c := range m.Catalogs {
		raw, err := fs.ReadFile(fsys, c.File)
		if err != nil {
			return nil, fmt.Errorf("manifest entry %s points at %s: %w", c.CatalogID, c.File, err)
		}
		jobs = append(jobs, Job{File: filepath.Join("data", c.File), Raw: raw, Catalog: c})
	}
	return jobs, nil
}

// FileJobs resolves files and directories given on the command line. Each
// file must have a manifest entry (matched by base name).
func FileJobs(paths []string, m *manifest.Manifest) ([]Job, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var found []string
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
				found = append(found, filepath.Join(p, e.Name()))
			}
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .txt catalogs in this directory", p)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	var jobs []Job
	for _, f := range files {
		c, ok := m.ByFile(f)
		if !ok {
			return nil, &NoEntryError{File: f}
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, Job{File: f, Raw: raw, Catalog: c})
	}
	return jobs, nil
}

// Run ingests every job, each in its own transaction. A failing document does
// not stop the others; its error is returned with the rest.
func Run(ctx context.Context, db *sql.DB, jobs []Job, progress func(i, n int, job Job, res *Result, err error)) ([]*Result, []error) {
	var results []*Result
	var errs []error
	for i, j := range jobs {
		res, err := IngestFile(ctx, db, j.File, j.Raw, j.Catalog)
		if progress != nil {
			progress(i+1, len(jobs), j, res, err)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		results = append(results, res)
	}
	return results, errs
}

// NoEntryError means a file given on the command line has no manifest entry.
// The command says where the manifest to edit is.
type NoEntryError struct{ File string }

func (e *NoEntryError) Error() string {
	return fmt.Sprintf("%s: no manifest entry for this file (run `fundscope detect %s` to see which layout fits)", e.File, e.File)
}
