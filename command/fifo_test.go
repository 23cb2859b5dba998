package command

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// No input can hang ingest: a named pipe in an input folder is skipped with
// the reason, one given by name is refused, and detect and extract refuse
// it too, all at once rather than blocking on the open or the read.
func TestNamedPipeNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	notice, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "formats", "ningbo-2023-civil-affairs", "ningbo-2023-civil-affairs.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "notice.html"), notice, 0o644)
	fifo := filepath.Join(in, "x.doc")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "f.duckdb")
	within := func(args ...string) (string, string, error) {
		t.Helper()
		type res struct {
			out, errOut string
			err         error
		}
		ch := make(chan res, 1)
		go func() {
			o, e, err := runIO(t, args...)
			ch <- res{o, e, err}
		}()
		select {
		case r := <-ch:
			return r.out, r.errOut, r.err
		case <-time.After(60 * time.Second):
			t.Fatalf("%v still running after 60 s: blocked on the named pipe", args)
			return "", "", nil
		}
	}
	out, errOut, err := within("ingest", "--db", db, "--admin-code", "330200", in)
	if err != nil || !strings.Contains(out, "7 items") || !strings.Contains(errOut, "skipped "+fifo+": a named pipe (FIFO), not a regular file") {
		t.Errorf("ingest folder: %v\n%s%s", err, out, errOut)
	}
	for _, args := range [][]string{
		{"ingest", "--db", db, fifo},
		{"detect", fifo},
		{"extract", fifo},
	} {
		_, _, err := within(args...)
		if err == nil || !strings.Contains(err.Error(), fifo+": a named pipe") {
			t.Errorf("%v: %v", args, err)
		}
	}
	os.Remove(filepath.Join(in, "notice.html"))
	if _, _, err := within("ingest", "--db", db, in); err == nil || !strings.Contains(err.Error(), "no regular file to read in this folder") {
		t.Errorf("a folder of only a pipe: %v", err)
	}
}
