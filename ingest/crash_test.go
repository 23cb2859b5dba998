package ingest

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fundscope/store"
)

// TestHelperIngest is not a test: the crash tests run the test binary with
// FUNDSCOPE_CRASH_DB set to ingest a template in a child process they kill.
func TestHelperIngest(t *testing.T) {
	dbPath, csvPath := os.Getenv("FUNDSCOPE_CRASH_DB"), os.Getenv("FUNDSCOPE_CRASH_CSV")
	if dbPath == "" {
		return
	}
	db, err := store.Open(context.Background(), dbPath, false)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	if os.Getenv("FUNDSCOPE_CRASH_STALL") != "" {
		beforeCommit = func(string) error {
			fmt.Println("writing") // every row is written; the transaction is open
			time.Sleep(time.Minute)
			return nil
		}
	}
	fmt.Println("started")
	if _, err := IngestTemplateFile(context.Background(), db, csvPath, vocabulary(t)); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("done")
	os.Exit(0)
}

const crashRows = 20000 // 20 catalogs of 1,000 items

// catalogSums reads the per-catalog item count and total.
func catalogSums(t *testing.T, dbPath string) map[string][2]int64 {
	t.Helper()
	db, err := store.Open(context.Background(), dbPath, false)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT c.catalog_id, count(li.item_id), coalesce(sum(li.amount_yuan), 0)
		FROM catalog c LEFT JOIN line_item li USING (catalog_id) GROUP BY c.catalog_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]int64{}
	for rows.Next() {
		var id string
		var n, s int64
		rows.Scan(&id, &n, &s)
		out[id] = [2]int64{n, s}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE catalog_id NOT IN (SELECT catalog_id FROM catalog)`); n != 0 {
		t.Errorf("%d line items without their catalog", n)
	}
	return out
}

func startChild(t *testing.T, dbPath, csvPath string, stall bool) (*exec.Cmd, *bufio.Reader) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$")
	cmd.Env = append(os.Environ(), "FUNDSCOPE_CRASH_DB="+dbPath, "FUNDSCOPE_CRASH_CSV="+csvPath)
	if stall {
		cmd.Env = append(cmd.Env, "FUNDSCOPE_CRASH_STALL=1")
	}
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, _ := r.ReadString('\n'); strings.TrimSpace(line) != "started" {
		t.Fatalf("child said %q", line)
	}
	return cmd, r
}

// A process killed with SIGKILL while an ingest is under way leaves a
// database that opens and holds, for every catalog, the old or the new
// version whole — never a mix.
func TestSIGKILLDuringIngest(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "crash.duckdb")
	oldCSV, newCSV := filepath.Join(dir, "old.csv"), filepath.Join(dir, "new.csv")
	os.WriteFile(oldCSV, syntheticCSVPlus(crashRows, 0), 0o644)
	os.WriteFile(newCSV, syntheticCSVPlus(crashRows, 1), 0o644)
	db, err := store.Open(context.Background(), dbPath, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := IngestTemplateFile(context.Background(), db, oldCSV, vocabulary(t)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	old := catalogSums(t, dbPath)
	if len(old) != crashRows/1000 {
		t.Fatalf("%d catalogs loaded", len(old))
	}

	// 1. Killed with every row written and the transaction still open.
	child, r := startChild(t, dbPath, newCSV, true)
	if line, _ := r.ReadString('\n'); strings.TrimSpace(line) != "writing" {
		t.Fatalf("child said %q", line)
	}
	child.Process.Signal(syscall.SIGKILL)
	child.Wait()
	if got := catalogSums(t, dbPath); fmt.Sprint(got) != fmt.Sprint(old) {
		t.Fatalf("after a kill inside the transaction the database changed:\n%v\nwant\n%v", got, old)
	}

	// 2. Killed at random moments: each catalog is old or new, as one document.
	newer := map[string][2]int64{}
	for id, v := range old {
		newer[id] = [2]int64{v[0], v[1] + 1000*10000}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	sawNew := false
	for i := 0; i < 4; i++ {
		child, _ := startChild(t, dbPath, newCSV, false) // the version not loaded now
		time.Sleep(time.Duration(50+rng.IntN(600)) * time.Millisecond)
		child.Process.Signal(syscall.SIGKILL)
		child.Wait()
		got := catalogSums(t, dbPath)
		allOld, allNew := fmt.Sprint(got) == fmt.Sprint(old), fmt.Sprint(got) == fmt.Sprint(newer)
		if !allOld && !allNew {
			t.Fatalf("kill %d left a mix of versions: %v", i, got)
		}
		if allNew {
			sawNew = true
			// the next round writes the other version
			old, newer = newer, old
			oldCSV, newCSV = newCSV, oldCSV
		}
	}
	t.Logf("random kills done (a kill after the commit seen: %v)", sawNew)
}
