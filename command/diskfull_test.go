package command

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/cmdutil"
	"fundscope/internal/testdb"
)

// tinyDisk mounts a tmpfs of the given size for the test (CI runs as root;
// .ci/run needs nothing more) and unmounts it afterwards.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("the disk-full tests mount a small tmpfs and need root (as CI has): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// leftovers lists files fundscope writes only while working.
func leftovers(t *testing.T, dir string) []string {
	var found []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && (strings.HasPrefix(info.Name(), ".tmp-") || strings.HasPrefix(info.Name(), ".fundscope-")) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// A full disk during ingest: the documents' own transactions either commit
// whole or not at all; when the transforms cannot be written, the cleaned
// tables are refused, not served stale, and check fails.
func TestDiskFullDuringIngest(t *testing.T) {
	disk := tinyDisk(t, "1500k")
	db := filepath.Join(disk, "full.duckdb")
	_, _, err := runIO(t, "ingest", "--db", db, "-q")
	if err == nil {
		t.Fatal("ingest onto a full disk reported success")
	}
	out, err := run(t, "catalogs", "--db", db, "--format", "json")
	if err != nil {
		t.Fatalf("the database no longer opens after a full disk: %v", err)
	}
	// Whatever was committed is whole: every listed catalog has its items.
	var cats []struct {
		CatalogID string  `json:"catalog_id"`
		Items     float64 `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &cats); err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		if c.Items == 0 {
			t.Errorf("catalog %s without items after a full disk", c.CatalogID)
		}
	}
	if _, err := run(t, "query", "headline", "--db", db); err == nil {
		t.Error("query served cleaned tables that lag the loaded catalogs")
	}
	if _, err := run(t, "check", "--db", db); cmdutil.ExitCode(err) != cmdutil.ExitMismatch {
		t.Errorf("check after a failed transform: %v", err)
	}
}

// A full disk while writing reports: the earlier report stays as it was and
// no temporary file is left behind.
func TestDiskFullDuringReport(t *testing.T) {
	disk := tinyDisk(t, "400k")
	old := filepath.Join(disk, "report.html")
	os.WriteFile(old, []byte("the earlier report"), 0o644)
	_, _, err := runIO(t, "report", "--db", testdb.Bundled(t), "--out", disk)
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("report onto a full disk: %v", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "the earlier report" {
		t.Errorf("the earlier report was changed: %.40q", b)
	}
	if l := leftovers(t, disk); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// A full disk during export: the earlier export and the user's own files stay.
func TestDiskFullDuringExport(t *testing.T) {
	disk := tinyDisk(t, "96k")
	mine := filepath.Join(disk, "line_items", "my-notes.txt")
	os.MkdirAll(filepath.Dir(mine), 0o755)
	os.WriteFile(mine, []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(disk, "datapackage.json"), []byte(`{"resources":[{"path":["catalogs.csv"]}]}`), 0o644)
	os.WriteFile(filepath.Join(disk, "catalogs.csv"), []byte("earlier export"), 0o644)
	_, _, err := runIO(t, "export", "--db", testdb.Bundled(t), "--format", "parquet", "--out", disk)
	if err == nil {
		t.Fatal("export onto a full disk reported success")
	}
	if b, _ := os.ReadFile(filepath.Join(disk, "catalogs.csv")); string(b) != "earlier export" {
		t.Errorf("the earlier export was changed: %q", b)
	}
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Error("a file fundscope did not write was removed")
	}
	if l := leftovers(t, disk); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}
