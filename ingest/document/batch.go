package document

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// BatchSize is how many documents one LibreOffice process converts before
// it is ended and a fresh one started (a long-lived process leaks; a fresh
// one per file costs a cold start of seconds).
var BatchSize = 25

// Input is one document to read: its path (for messages) and its bytes.
type Input struct {
	Path string
	Raw  []byte
}

// Prefetch converts, ahead of reading, every document that needs
// LibreOffice (.doc, .wps, .xls, .et, .rtf, .odt, .ods) and is not in the
// conversion cache yet, BatchSize at a time in one LibreOffice process
// each: one cold start per batch instead of one per file. It only fills
// the cache: a document a batch could not convert (LibreOffice hung, was
// killed at the time limit, or wrote nothing for it) is converted again on
// its own when it is read, and its error is reported there, naming it.
// It returns how many documents it converted.
func Prefetch(inputs []Input) int {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			return 0
		}
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return 0
	}
	cacheDir := filepath.Join(dir, "fundscope", "converted")
	type job struct {
		key, from string
		raw       []byte
	}
	byTarget := map[string][]job{}
	seen := map[string]bool{}
	for _, in := range inputs {
		from, to := conversionOf(in.Path, in.Raw)
		if to == "" {
			continue
		}
		sum := sha256.Sum256(in.Raw)
		key := hex.EncodeToString(sum[:])
		if seen[key+to] {
			continue
		}
		seen[key+to] = true
		if b, err := os.ReadFile(filepath.Join(cacheDir, key+"."+to)); err == nil && convertedOK(b, to) {
			continue
		}
		byTarget[to] = append(byTarget[to], job{key, from, in.Raw})
	}
	done := 0
	for to, jobs := range byTarget {
		for start := 0; start < len(jobs); start += BatchSize {
			batch := jobs[start:min(len(jobs), start+BatchSize)]
			work, err := os.MkdirTemp("", "fundscope-batch-")
			if err != nil {
				return done
			}
			args := []string{"--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
				"-env:UserInstallation=file://" + filepath.Join(work, "profile"), "--convert-to", to, "--outdir", filepath.Join(work, "out")}
			for _, j := range batch {
				in := filepath.Join(work, j.key+"."+j.from)
				if os.WriteFile(in, j.raw, 0o600) == nil {
					args = append(args, in)
				}
			}
			convertMu.Lock()
			runBatch(soffice, args, ConvertTimeout+time.Duration(len(batch))*10*time.Second)
			convertMu.Unlock()
			for _, j := range batch {
				b, err := os.ReadFile(filepath.Join(work, "out", j.key+"."+to))
				if err != nil || !convertedOK(b, to) || os.MkdirAll(cacheDir, 0o755) != nil {
					continue
				}
				tmp := filepath.Join(cacheDir, j.key+"."+to+".tmp")
				if os.WriteFile(tmp, b, 0o644) == nil && os.Rename(tmp, filepath.Join(cacheDir, j.key+"."+to)) == nil {
					done++
				}
			}
			os.RemoveAll(work)
		}
	}
	return done
}

// runBatch runs one LibreOffice process, killing its process group at the
// time limit (what it converted until then is kept).
func runBatch(soffice string, args []string, limit time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.Command(soffice, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if cmd.Start() != nil {
		return
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-waited:
	case <-ctx.Done():
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-waited
	}
}

// conversionOf is what LibreOffice would turn a document into (from, to),
// or to == "" when it is read without LibreOffice (or not at all).
func conversionOf(path string, raw []byte) (from, to string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		kind, err := oleKind(path, raw)
		if err != nil {
			return "", ""
		}
		if kind == "doc" {
			return "doc", "docx"
		}
		return "xls", "xlsx"
	case bytes.HasPrefix(raw, []byte(`{\rtf`)):
		return "rtf", "docx"
	case odfType(raw) == "spreadsheet":
		return "ods", "xlsx"
	case odfType(raw) == "text":
		return "odt", "docx"
	}
	return "", ""
}
