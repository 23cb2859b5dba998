package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"fundscope/internal/testdb"
	"fundscope/store"
)

// TestHelperHoldLock is not a test: run as a child process, it holds the
// database named by FUNDSCOPE_HOLD_DB for FUNDSCOPE_HOLD_FOR.
func TestHelperHoldLock(t *testing.T) {
	path := os.Getenv("FUNDSCOPE_HOLD_DB")
	if path == "" {
		return
	}
	d, _ := time.ParseDuration(os.Getenv("FUNDSCOPE_HOLD_FOR"))
	db, err := store.Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("ready\n")
	time.Sleep(d)
	db.Close()
}

func holdLock(t *testing.T, path string, d time.Duration) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldLock$")
	cmd.Env = append(os.Environ(), "FUNDSCOPE_HOLD_DB="+path, "FUNDSCOPE_HOLD_FOR="+d.String())
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); strings.TrimSpace(line) != "ready" {
		t.Fatalf("lock holder said %q", line)
	}
	return cmd
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// Every command that opens the database honours --wait; without it, a held
// database fails at once naming the holder.
func TestWaitForEveryCommand(t *testing.T) {
	bin := binary(t)
	for _, args := range [][]string{
		{"sql", "SELECT count(*) FROM catalog"},
		{"query", "headline"},
		{"report", "--format", "html"},
		{"catalogs"},
		{"export"},
		{"check"},
		{"transform"},
	} {
		dir := t.TempDir()
		db := testdb.Copy(t, testdb.Bundled(t))
		holder := holdLock(t, db, 1500*time.Millisecond)
		cmd := exec.Command(bin, append(args, "--db", db)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if exitCode(err) != 1 || !strings.Contains(string(out), "locked by process") {
			t.Errorf("%v on a held database without --wait: exit %d\n%s", args, exitCode(err), out)
		}
		start := time.Now()
		cmd = exec.Command(bin, append(args, "--db", db, "--wait", "20s")...)
		cmd.Dir = dir
		out, err = cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%v --wait 20s: %v\n%s", args, err, out)
		} else if time.Since(start) < time.Second {
			t.Errorf("%v --wait finished before the holder let go", args)
		}
		holder.Wait()
	}
}

// --timeout stops a long statement with a plain message; Ctrl-C stops it too.
func TestTimeoutAndInterruptStopSQL(t *testing.T) {
	bin := binary(t)
	db := testdb.Bundled(t)
	slow := "SELECT count(*) FROM range(100000) a, range(1000000) b WHERE a.range + b.range = 7"
	start := time.Now()
	out, err := exec.Command(bin, "sql", "--db", db, "--timeout", "1s", slow).CombinedOutput()
	if exitCode(err) != 1 || !strings.Contains(string(out), "stopped after 1s (--timeout)") || time.Since(start) > 10*time.Second {
		t.Errorf("--timeout: exit %d after %s\n%s", exitCode(err), time.Since(start), out)
	}
	cmd := exec.Command(bin, "sql", "--db", db, slow)
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err = cmd.Wait()
	if exitCode(err) != 130 || !strings.Contains(buf.String(), "interrupted") {
		t.Errorf("Ctrl-C on a long statement: exit %d\n%s", exitCode(err), buf.String())
	}
}

// An interrupted report leaves neither a partial report beside the earlier
// one nor excelize's temporary files.
func TestInterruptedReportLeavesNothing(t *testing.T) {
	bin := binary(t)
	work := t.TempDir()
	tmp := filepath.Join(work, "tmp")
	os.MkdirAll(tmp, 0o755)
	db := generatedDB(t)
	out := filepath.Join(work, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "report.xlsx"), []byte("the earlier workbook"), 0o644)
	os.WriteFile(filepath.Join(out, "report.html"), []byte("the earlier page"), 0o644)
	cmd := exec.Command(bin, "report", "--db", db, "--out", out, "--detail-limit", "0")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if exitCode(err) != 130 || !strings.Contains(buf.String(), "interrupted") {
		t.Fatalf("SIGTERM during report: exit %d (the report may have finished first; make it larger)\n%s", exitCode(err), buf.String())
	}
	if b, _ := os.ReadFile(filepath.Join(out, "report.xlsx")); string(b) != "the earlier workbook" {
		t.Error("the earlier workbook was replaced by an interrupted one")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "report.html")); string(b) != "the earlier page" {
		t.Error("the page was replaced while its workbook was not: a mismatched pair")
	}
	for _, d := range []string{out, tmp} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != "report.xlsx" && e.Name() != "report.html" {
				t.Errorf("left behind in %s: %s", d, e.Name())
			}
		}
	}
}

var (
	genOnce sync.Once
	genDB   string
	genErr  error
)

// generatedDB is a database of 180,000 synthetic line items, made once, large
// enough that reports and exports take seconds.
func generatedDB(t *testing.T) string {
	bin := binary(t)
	genOnce.Do(func() {
		dir := filepath.Join(buildDir, "generated")
		os.MkdirAll(dir, 0o755)
		csv := filepath.Join(dir, "synthetic.csv")
		genDB = filepath.Join(dir, "big.duckdb")
		for _, args := range [][]string{
			{"gen", "--cities", "60", "--years", "2", "--items", "1500", "--out", csv},
			{"ingest", "-q", "--db", genDB, csv},
		} {
			if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				genErr = fmt.Errorf("%v: %v\n%s", args, err, out)
				return
			}
		}
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
	return genDB
}

// An export killed outright (SIGKILL: no clean-up runs) leaves the previous
// export whole; the next export clears what the killed one abandoned.
func TestKilledExportKeepsThePreviousOne(t *testing.T) {
	bin := binary(t)
	db := generatedDB(t)
	out := filepath.Join(t.TempDir(), "export")
	if b, err := exec.Command(bin, "export", "--db", db, "--format", "csv", "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("first export: %v\n%s", err, b)
	}
	before, _ := os.ReadFile(filepath.Join(out, "line_items.csv"))
	pkg, _ := os.ReadFile(filepath.Join(out, "datapackage.json"))
	cmd := exec.Command(bin, "export", "--db", db, "--format", "csv", "--out", out)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()
	after, _ := os.ReadFile(filepath.Join(out, "line_items.csv"))
	pkgAfter, _ := os.ReadFile(filepath.Join(out, "datapackage.json"))
	if len(before) == 0 || string(after) != string(before) || string(pkg) != string(pkgAfter) {
		t.Fatalf("the killed export changed the previous one (%d → %d bytes)", len(before), len(after))
	}
	// The next export removes what the killed one left (its owner is gone),
	// however recent.
	entries, _ := os.ReadDir(out)
	abandoned := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".fundscope-export-") {
			abandoned++
		}
	}
	if abandoned == 0 {
		t.Fatal("the kill did not land during the export (no staging folder left): make the export larger")
	}
	if b, err := exec.Command(bin, "export", "--db", db, "--format", "csv", "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("export after the kill: %v\n%s", err, b)
	}
	entries, _ = os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".fundscope-export-") {
			t.Errorf("abandoned staging folder %s still there", e.Name())
		}
	}
}

// A report killed outright (SIGKILL) leaves its stage behind and the earlier
// pair whole; the next report removes the stage.
func TestKilledReportLeavesNoStaleStage(t *testing.T) {
	bin := binary(t)
	db := generatedDB(t)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "report.html"), []byte("the earlier page"), 0o644)
	cmd := exec.Command(bin, "report", "--db", db, "--out", out, "--detail-limit", "0")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stages := func() int {
		n := 0
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".fundscope-report-") {
				n++
			}
		}
		return n
	}
	deadline := time.Now().Add(30 * time.Second)
	for stages() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()
	if stages() == 0 {
		t.Fatal("the kill did not land while the report was staged: make the report larger")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "report.html")); string(b) != "the earlier page" {
		t.Error("a killed report replaced the earlier page")
	}
	if b, err := exec.Command(bin, "report", "--db", testdb.Bundled(t), "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("report after the kill: %v\n%s", err, b)
	}
	if n := stages(); n != 0 {
		t.Errorf("%d stale report stages left after the next report", n)
	}
}
