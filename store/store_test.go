package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHelperHoldLock is not a test: the lock test runs the test binary with
// FUNDSCOPE_HOLD_DB set so that another process holds the database open.
func TestHelperHoldLock(t *testing.T) {
	path := os.Getenv("FUNDSCOPE_HOLD_DB")
	if path == "" {
		return
	}
	db, err := Open(context.Background(), path, false)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	defer db.Close()
	fmt.Println("ready")
	hold := 30 * time.Second
	if d, err := time.ParseDuration(os.Getenv("FUNDSCOPE_HOLD_FOR")); err == nil {
		hold = d
	}
	time.Sleep(hold)
	db.Close()
	os.Exit(0)
}

func TestLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.duckdb")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldLock$")
	cmd.Env = append(os.Environ(), "FUNDSCOPE_HOLD_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("helper said %q", line)
	}
	for _, ro := range []bool{false, true} {
		_, err = Open(context.Background(), path, ro)
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("read-only=%v: got %v, want ErrLocked", ro, err)
		}
		if want := fmt.Sprintf("locked by process %d", cmd.Process.Pid); !strings.Contains(err.Error(), want) {
			t.Errorf("message %q should say %q", err, want)
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.duckdb")
	db, err := Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Exec(`DELETE FROM catalog`); err == nil {
		t.Error("a read-only handle accepted a write")
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing.duckdb"), true); err == nil || !strings.Contains(err.Error(), "fundscope ingest") {
		t.Errorf("missing database: %v", err)
	}
}

func TestSandboxRefusesFilesAndWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sb.duckdb")
	db, err := Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	sb, err := OpenSandboxed(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	for _, q := range []string{
		`DELETE FROM catalog`,
		`COPY (SELECT 1) TO '` + filepath.Join(dir, "x.csv") + `'`,
		`ATTACH '` + filepath.Join(dir, "other.duckdb") + `' AS o`,
		`SELECT * FROM read_csv('/etc/passwd')`,
		`INSTALL httpfs`,
	} {
		if _, err := sb.Exec(q); err == nil {
			t.Errorf("sandbox accepted %s", q)
		}
	}
	var n int
	if err := sb.QueryRow(`SELECT count(*) FROM catalog`).Scan(&n); err != nil {
		t.Errorf("sandbox refused a plain SELECT: %v", err)
	}
}

// holdFor starts a process that holds the database for the given time.
func holdFor(t *testing.T, path string, d time.Duration) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldLock$")
	cmd.Env = append(os.Environ(), "FUNDSCOPE_HOLD_DB="+path, "FUNDSCOPE_HOLD_FOR="+d.String())
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("helper said %q", line)
	}
	return cmd
}

func TestWaitForLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wait.duckdb")
	holder := holdFor(t, path, 1500*time.Millisecond)
	defer holder.Process.Kill()
	start := time.Now()
	if _, err := OpenWait(context.Background(), path, ReadWrite, 300*time.Millisecond); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "still locked after waiting") {
		t.Fatalf("short wait: %v", err)
	}
	db, err := OpenWait(context.Background(), path, ReadWrite, 20*time.Second)
	if err != nil {
		t.Fatalf("long wait: %v", err)
	}
	db.Close()
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("opened after %s, before the holder let go", waited)
	}
	holder.Wait()
}
