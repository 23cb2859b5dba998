package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

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
	// Doc is the document already decoded (when its facts were inferred),
	// nil when it is still to be decoded: a document is decoded once.
	Doc *document.Document
	// read is the reading made when the catalog was inferred, with the
	// catalog it was made with: a document is read once, unless its
	// catalog changed since.
	read *reading
}

// reading is what a reader read of a document, and with which catalog.
type reading struct {
	parsed *model.Parsed
	with   string // readingKey of the catalog
}

// readingKey tells two catalogs apart as a reader sees them: every field
// but the publisher and the review status, which only the loader uses
// (TestReadersIgnorePublisherAndReview holds the readers to it).
func readingKey(c model.Catalog) string {
	c.Publisher, c.Review = "", ""
	return fingerprint(c)
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
	// Read every file first (a file that cannot be read stops the command,
	// before any document is loaded), convert the legacy ones in batches,
	// then infer the facts of those without an entry on every core.
	type slot struct {
		job     Job
		entry   bool
		problem error
	}
	var slots []*slot
	var inputs []document.Input
	for _, f := range files {
		c, ok := m.ByFile(f)
		if !ok && isTemplate(f) {
			templates = append(templates, f)
			continue
		}
		if !ok && infer == nil {
			return nil, nil, nil, &NoEntryError{File: f}
		}
		raw, err := document.ReadFile(f)
		if err != nil {
			return nil, nil, nil, err
		}
		slots = append(slots, &slot{job: Job{File: f, Raw: raw, Catalog: c}, entry: ok})
		inputs = append(inputs, document.Input{Path: f, Raw: raw})
	}
	document.Prefetch(inputs)
	parallel(len(slots), func(i int) {
		s := slots[i]
		if s.entry {
			return
		}
		over, err := extract.Overrides(s.job.File, *infer)
		if err != nil {
			s.problem = err
			return
		}
		s.job.Doc, s.problem = document.Open(s.job.File, s.job.Raw)
		if s.problem == nil {
			var res *extract.Result
			s.job.Catalog, res, s.problem = inferDocument(s.job.Doc, over)
			if s.problem == nil {
				s.job.read = &reading{parsed: res.Parsed, with: readingKey(res.Catalog)}
			}
		}
	})
	for _, s := range slots {
		if s.problem != nil {
			problems = append(problems, s.problem)
			continue
		}
		jobs = append(jobs, s.job)
	}
	return jobs, templates, problems, nil
}

// parallel runs do(0) … do(n-1) on every core and returns when all are done.
func parallel(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Skipped is a file of a folder that was not read, with the reason.
type Skipped struct{ Err error }

func (s *Skipped) Error() string { return "skipped " + s.Err.Error() }
func (s *Skipped) Unwrap() error { return s.Err }

// Run ingests every job, each in its own transaction. A failing document does
// not stop the others; its error is returned with the rest.
//
// The documents are read (decoded and parsed) on every core, ahead of the
// writer; they are written one at a time, in the order given.
func Run(ctx context.Context, db *sql.DB, jobs []Job, progress func(i, n int, job Job, res *Result, err error)) ([]*Result, []error) {
	type reading struct {
		parts []Part
		src   Source
		err   error
		ready chan struct{}
	}
	readings := make([]*reading, len(jobs))
	for i := range readings {
		readings[i] = &reading{ready: make(chan struct{})}
	}
	go parallel(len(jobs), func(i int) {
		r := readings[i]
		r.parts, r.src, r.err = parseJob(jobs[i])
		jobs[i].Doc = nil // read: let it go
		close(r.ready)
	})
	var results []*Result
	var errs []error
	for i, j := range jobs {
		r := readings[i]
		<-r.ready
		rs, err := ingestDocument(ctx, db, j.File, j.Raw, j.Catalog.CatalogID, func() ([]Part, Source, error) { return r.parts, r.src, r.err })
		var res *Result
		if err == nil {
			res = rs[0]
		}
		readings[i] = nil // its reading is written: let it go
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
	return InferDocument(doc, override)
}

// InferDocument is Infer on a document already decoded.
func InferDocument(doc *document.Document, override model.Catalog) (model.Catalog, error) {
	c, _, err := inferDocument(doc, override)
	return c, err
}

// inferDocument is InferDocument, with the extraction it made.
func inferDocument(doc *document.Document, override model.Catalog) (model.Catalog, *extract.Result, error) {
	file := doc.Path
	override.File = file
	res, err := extract.Document(doc, override)
	if err != nil {
		return model.Catalog{}, nil, err
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
		return c, nil, fmt.Errorf("%s: no manifest entry, and the document does not say %s: pass it (fundscope extract %s shows what was inferred)", file, strings.Join(missing, ", "), file)
	}
	if c.Publisher == "" {
		c.Publisher = "未注明 (not named in the document)"
	}
	c.Review = "" // read; only a reading below the threshold can be accepted as unreviewed
	if res.Reader == generic.Name && res.Confidence < extract.Threshold {
		if override.Review != model.ReviewUnreviewed {
			return c, nil, &SetAside{File: file, Result: res}
		}
		c.Review = model.ReviewUnreviewed
	}
	if err := c.Validate(); err != nil {
		return c, nil, fmt.Errorf("%s: inferred catalog: %w", file, err)
	}
	return c, res, nil
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
