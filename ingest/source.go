package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fundscope/ingest/document"
	"fundscope/ingest/extract"
	"fundscope/ingest/generic"
	"fundscope/ingest/manifest"
	"fundscope/model"
)

// Job is one document to ingest with its manifest entry.
type Job struct {
	File    string
	Raw     []byte
	Catalog model.Catalog
}

// BundledJobs lists every catalog of the manifest, read from fsys (the data
// folder); root is how the folder is named in messages and in the recorded
// source path (e.g. "data" or the --data folder). A file that is a symbolic
// link pointing outside the data folder is refused.
func BundledJobs(fsys fs.FS, m *manifest.Manifest, root string) ([]Job, error) {
	var jobs []Job
	for _, c := range m.Catalogs {
		shown := filepath.Join(root, filepath.FromSlash(c.File))
		if err := insideFolder(fsys, c.File); err != nil {
			return nil, fmt.Errorf("manifest entry %s: %s: %w", c.CatalogID, shown, err)
		}
		raw, err := fs.ReadFile(fsys, c.File)
		if err != nil {
			return nil, fmt.Errorf("manifest entry %s points at %s: %w", c.CatalogID, c.File, err)
		}
		jobs = append(jobs, Job{File: shown, Raw: raw, Catalog: c})
	}
	return jobs, nil
}

// insideFolder refuses a path whose symbolic links lead outside fsys.
func insideFolder(fsys fs.FS, name string) error { return insideFolderDepth(fsys, name, 0) }

func insideFolderDepth(fsys fs.FS, name string, depth int) error {
	if depth > 32 {
		return fmt.Errorf("has too many levels of symbolic links")
	}
	lfs, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil // an embedded folder has no links
	}
	dir := ""
	for _, part := range strings.Split(name, "/") {
		p := path.Join(dir, part)
		info, err := lfs.Lstat(p)
		if err != nil {
			return nil // a missing file is reported when it is read
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := lfs.ReadLink(p)
			if err != nil {
				return err
			}
			resolved := path.Clean(path.Join(dir, filepath.ToSlash(target)))
			if filepath.IsAbs(target) || !fs.ValidPath(resolved) {
				return fmt.Errorf("is a symbolic link to %s, outside the data folder; copy the document into the folder instead", target)
			}
			return insideFolderDepth(fsys, path.Join(resolved, strings.TrimPrefix(strings.TrimPrefix(name, p), "/")), depth+1)
		}
		dir = p
	}
	return nil
}

// DocumentExtensions are the file names a folder given to ingest is searched
// for (the format itself is read from the bytes).
var DocumentExtensions = []string{".txt", ".tsv", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".odt", ".xlsx", ".xls", ".et", ".ods", ".html", ".htm", ".mht", ".mhtml", ".csv"}

// FileJobs resolves files and folders given on the command line. Only
// regular files are read: a named pipe, device or socket given by name is
// an error, and one found in a folder is skipped (a *Skipped in problems,
// with the reason), so that no input can block ingest. A file with a
// manifest entry (matched by base name) is a document in any format; an
// .xlsx or .csv that carries the template's marker is a fundscope template
// (returned apart); any other file without an entry is a NoEntryError.
//
// With infer set, a document without an entry is read for the facts it
// states about itself (extract): infer's non-empty fields override them,
// and a reading the generic reader is not confident of is refused.
// The facts of one document that cannot be inferred are a problem of that
// document, returned in problems; the other documents still load.
func FileJobs(paths []string, m *manifest.Manifest, isTemplate func(string) bool, infer *model.Catalog) (jobs []Job, templates []string, problems []error, err error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		if !st.IsDir() {
			if err := document.CheckRegular(p); err != nil {
				return nil, nil, nil, err
			}
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, nil, nil, err
		}
		var found []string
		skipped := 0
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !slices.Contains(DocumentExtensions, ext) {
				continue
			}
			path := filepath.Join(p, e.Name())
			if err := document.CheckRegular(path); err != nil {
				problems = append(problems, &Skipped{Err: err})
				skipped++
				continue
			}
			found = append(found, path)
		}
		if len(found) == 0 && skipped > 0 {
			return nil, nil, nil, fmt.Errorf("%s: no regular file to read in this folder (%d skipped: %w)", p, skipped, problems[len(problems)-1])
		}
		if len(found) == 0 {
			return nil, nil, nil, fmt.Errorf("%s: no catalog documents in this folder (%s)", p, strings.Join(DocumentExtensions, " "))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	for _, f := range files {
		c, ok := m.ByFile(f)
		if !ok {
			if isTemplate(f) {
				templates = append(templates, f)
				continue
			}
			if infer == nil {
				return nil, nil, nil, &NoEntryError{File: f}
			}
			raw, err := document.ReadFile(f)
			if err != nil {
				return nil, nil, nil, err
			}
			over, err := extract.Overrides(f, *infer)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			c, err := Infer(f, raw, over)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			jobs = append(jobs, Job{File: f, Raw: raw, Catalog: c})
			continue
		}
		raw, err := document.ReadFile(f)
		if err != nil {
			return nil, nil, nil, err
		}
		jobs = append(jobs, Job{File: f, Raw: raw, Catalog: c})
	}
	return jobs, templates, problems, nil
}

// Skipped is a file of a folder that was not read, with the reason.
type Skipped struct{ Err error }

func (s *Skipped) Error() string { return "skipped " + s.Err.Error() }
func (s *Skipped) Unwrap() error { return s.Err }

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

// Infer makes the catalog entry of a document that has none: the facts it
// states about itself, overridden by the non-empty fields of override, and
// the reader that reads it. It refuses, naming the flag to pass, when a fact
// every catalog needs cannot be inferred, and when the generic reader's
// confidence is below extract.Threshold.
func Infer(file string, raw []byte, override model.Catalog) (model.Catalog, error) {
	doc, err := document.Open(file, raw)
	if err != nil {
		return model.Catalog{}, err
	}
	override.File = file
	res, err := extract.Document(doc, override)
	if err != nil {
		return model.Catalog{}, err
	}
	c := res.Catalog
	var missing []string
	if c.AdminCode == "" {
		missing = append(missing, "the publisher's jurisdiction (--admin-code, a GB/T 2260 code)")
	}
	if c.Year == 0 {
		missing = append(missing, "the project year (--year)")
	}
	if c.Title == "" {
		missing = append(missing, "the title (--title)")
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("%s: no manifest entry, and the document does not say %s: pass it (fundscope extract %s shows what was inferred)", file, strings.Join(missing, ", "), file)
	}
	if c.Publisher == "" {
		c.Publisher = "未注明 (not named in the document)"
	}
	c.Review = "" // read; only a reading below the threshold can be accepted as unreviewed
	if res.Reader == generic.Name && res.Confidence < extract.Threshold {
		if override.Review != model.ReviewUnreviewed {
			return c, &SetAside{File: file, Result: res}
		}
		c.Review = model.ReviewUnreviewed
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: inferred catalog: %w", file, err)
	}
	return c, nil
}

// SetAside is a reading not confident enough to load: it stays out of the
// dataset until a person corrects its draft, or accepts it as it is
// (override.Review = model.ReviewUnreviewed, ingest --accept).
type SetAside struct {
	File   string
	Result *extract.Result
}

// Reason is why: the confidence and the evidence that lowered it most.
func (e *SetAside) Reason() string {
	r := fmt.Sprintf("confidence %.2f, below %.2f", e.Result.Confidence, extract.Threshold)
	if w := e.Result.Signals.Weakest(3); len(w) > 0 {
		r += ": " + strings.Join(w, ", ")
	}
	return r
}

func (e *SetAside) Error() string {
	return fmt.Sprintf("%s: set aside for review (%s); see `fundscope extract %s`", e.File, e.Reason(), e.File)
}

// NoEntryError means a file given on the command line has no manifest entry.
// The command says where the manifest to edit is.
type NoEntryError struct{ File string }

func (e *NoEntryError) Error() string {
	return fmt.Sprintf("%s: no manifest entry for this file (run `fundscope detect %s` to see which layout fits)", e.File, e.File)
}
