package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// The documents line: published documents, not template rows. The bundled
// notices and the format fixtures in every format, copied under new names
// into one folder, read and loaded by one `fundscope ingest` (cold
// conversion cache); beside it the converters' own time on the same files.

// legacyExt are the formats read through LibreOffice.
var legacyExt = map[string]bool{".doc": true, ".wps": true, ".xls": true, ".et": true, ".rtf": true, ".odt": true, ".ods": true}

type docResult struct {
	native, legacy         int     // documents of each kind in the run
	nativeLoaded           int     // of them loaded (the others lack a fact only a person can give, e.g. the year)
	legacyLoaded           int     //
	nativeSeconds          float64 // fundscope ingest of the native folder
	legacySeconds          float64 // fundscope ingest of the legacy folder, conversion cache cold
	pdfs, pdfPages         int
	pdfToolSeconds         float64 // pdftotext -tsv and pdftocairo -svg on every PDF of the native folder
	sofficeSeconds         float64 // one LibreOffice process converting every legacy document
	byFormat               map[string]int
	nativeRSS, legacyRSS   int64
	nativeNote, legacyNote string
}

// documentSources are the published documents the repository holds.
func documentSources() (native, legacy []string, err error) {
	var all []string
	for _, pattern := range []string{"ingest/testdata/formats/*/*", "data/corpus/*.txt", "data/raw/*.txt"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, m...)
	}
	sort.Strings(all)
	for _, f := range all {
		ext := strings.ToLower(filepath.Ext(f))
		switch {
		case legacyExt[ext]:
			legacy = append(legacy, f)
		case ext == ".txt" || ext == ".docx" || ext == ".xlsx" || ext == ".html" || ext == ".pdf":
			native = append(native, f)
		}
	}
	if len(native) == 0 || len(legacy) == 0 {
		return nil, nil, fmt.Errorf("no documents found (run the bench from the repository's root)")
	}
	return native, legacy, nil
}

func runDocuments(c config, total int) (docResult, error) {
	var r docResult
	native, legacy, err := documentSources()
	if err != nil {
		return r, err
	}
	work := filepath.Join(c.work, "documents")
	os.RemoveAll(work)
	nativeDir, legacyDir, cache := filepath.Join(work, "native"), filepath.Join(work, "legacy"), filepath.Join(work, "cache")
	for _, d := range []string{nativeDir, legacyDir, cache} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return r, err
		}
	}
	r.byFormat = map[string]int{}
	copyTo := func(dir, src string, n int) error {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		r.byFormat[strings.ToLower(strings.TrimPrefix(filepath.Ext(src), "."))]++
		return os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%03d-%s", n, filepath.Base(src))), b, 0o644)
	}
	// Legacy documents once each: a copy of the same bytes would be a
	// conversion cache hit, not a conversion.
	for i, f := range legacy {
		if err := copyTo(legacyDir, f, i+1); err != nil {
			return r, err
		}
	}
	r.legacy = len(legacy)
	for i := 0; r.native+r.legacy < total; i++ {
		if err := copyTo(nativeDir, native[i%len(native)], i+1); err != nil {
			return r, err
		}
		r.native++
	}
	ingest := func(dir string) (float64, int64, int, string, error) {
		db := filepath.Join(work, filepath.Base(dir)+".duckdb")
		cmd := exec.Command(c.bin, "ingest", "--accept", "--no-transform", "--quiet", "--db", db, dir)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		rss, stderr, err := runMeasured(cmd)
		secs := time.Since(start).Seconds()
		loaded := strings.Count(out.String(), "\nloaded") + map[bool]int{true: 1}[strings.HasPrefix(out.String(), "loaded")]
		note := ""
		if err != nil {
			// documents whose year or place no text states fail by design; anything else is the bench's error
			if !strings.Contains(stderr, "documents failed and were not loaded") {
				return secs, rss, loaded, "", fmt.Errorf("ingest %s: %v: %s", dir, err, lastLines(stderr, 5))
			}
			note = lastLines(stderr, 1)
		}
		return secs, rss, loaded, note, nil
	}
	if r.nativeSeconds, r.nativeRSS, r.nativeLoaded, r.nativeNote, err = ingest(nativeDir); err != nil {
		return r, err
	}
	if r.legacySeconds, r.legacyRSS, r.legacyLoaded, r.legacyNote, err = ingest(legacyDir); err != nil {
		return r, err
	}
	// The converters on the same files: poppler on each PDF, LibreOffice once over every legacy document.
	entries, _ := os.ReadDir(nativeDir)
	start := time.Now()
	for _, e := range entries {
		if !strings.HasSuffix(strings.ToLower(e.Name()), ".pdf") {
			continue
		}
		p := filepath.Join(nativeDir, e.Name())
		r.pdfs++
		if info, err := exec.Command("pdfinfo", p).Output(); err == nil {
			var n int
			for _, l := range strings.Split(string(info), "\n") {
				if strings.HasPrefix(l, "Pages:") {
					fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")), "%d", &n)
				}
			}
			r.pdfPages += n
		}
		if err := exec.Command("pdftotext", "-tsv", "-enc", "UTF-8", p, os.DevNull).Run(); err != nil {
			return r, fmt.Errorf("pdftotext %s: %w", p, err)
		}
		if err := exec.Command("pdftocairo", "-svg", p, os.DevNull).Run(); err != nil {
			return r, fmt.Errorf("pdftocairo %s: %w", p, err)
		}
	}
	r.pdfToolSeconds = time.Since(start).Seconds()
	files, _ := filepath.Glob(filepath.Join(legacyDir, "*"))
	args := []string{"--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
		"-env:UserInstallation=file://" + filepath.Join(work, "profile"), "--convert-to", "pdf", "--outdir", filepath.Join(work, "soffice-out")}
	start = time.Now()
	if out, err := exec.Command("soffice", append(args, files...)...).CombinedOutput(); err != nil {
		return r, fmt.Errorf("soffice: %v: %s", err, lastLines(string(out), 3))
	}
	r.sofficeSeconds = time.Since(start).Seconds()
	return r, nil
}

func (r docResult) nativeRate() float64 { return float64(r.native) / r.nativeSeconds }
func (r docResult) legacyEach() float64 { return r.legacySeconds / float64(r.legacy) }

func (r docResult) target() string {
	met := "**not met**"
	if r.nativeRate() >= 20 && r.legacyEach() <= 1 {
		met = "met"
	}
	return fmt.Sprintf("| documents line: ≥ 20 native documents/s, ≤ 1 s per legacy document | %d | %.1f native documents/s; %.2f s per legacy document | %s |\n",
		r.native+r.legacy, r.nativeRate(), r.legacyEach(), met)
}

func (r docResult) section() string {
	var b strings.Builder
	var formats []string
	for f, n := range r.byFormat {
		formats = append(formats, fmt.Sprintf("%d .%s", n, f))
	}
	sort.Strings(formats)
	fmt.Fprintf(&b, "## Documents\n\n%d published documents (%s): the bundled notices (data/corpus, data/raw) and the format fixtures (ingest/testdata/formats), "+
		"native ones copied under new names until the folder holds %d documents, each legacy one once (a copy of the same bytes would be a conversion cache hit). "+
		"One `fundscope ingest --accept --no-transform` per folder, conversion cache cold, on %d cores.\n\n", r.native+r.legacy, strings.Join(formats, ", "), r.native+r.legacy, runtime.NumCPU())
	b.WriteString("| folder | documents | loaded | fundscope (s) | per document | the converters on the same files | peak memory |\n|---|---:|---:|---:|---:|---|---:|\n")
	fmt.Fprintf(&b, "| native (.txt .docx .xlsx .html .pdf) | %d | %d | %.2f | %.1f documents/s | poppler (pdfinfo, pdftotext -tsv, pdftocairo -svg) on its %d PDFs (%d pages): %.2f s | %.0f MB |\n",
		r.native, r.nativeLoaded, r.nativeSeconds, r.nativeRate(), r.pdfs, r.pdfPages, r.pdfToolSeconds, float64(r.nativeRSS)/1024)
	fmt.Fprintf(&b, "| legacy (.doc .xls …, through LibreOffice) | %d | %d | %.2f | %.2f s each | one LibreOffice process converting all %d to PDF: %.2f s (%.2f s each) | %.0f MB |\n\n",
		r.legacy, r.legacyLoaded, r.legacySeconds, r.legacyEach(), r.legacy, r.sofficeSeconds, r.sofficeSeconds/float64(r.legacy), float64(r.legacyRSS)/1024)
	b.WriteString("Documents not loaded lack a fact no text of theirs states (the project year, the title): `ingest` names the flag to pass; they were read all the same.\n\n")
	return b.String()
}
