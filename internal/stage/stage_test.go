package stage

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// A stage whose owner has exited is removed by the next stage of its kind;
// a live one, one of another kind, an ownerless young one and other files
// stay.
func TestStaleStagesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	// A process that has exited: its id is free.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	mk := func(name, owner string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(p, 0o755)
		os.WriteFile(filepath.Join(p, "big.bin"), make([]byte, 1024), 0o644)
		if owner != "" {
			os.WriteFile(filepath.Join(p, ownerFile), []byte(owner), 0o644)
		}
		return p
	}
	killed := mk(Prefix("report")+"1", strconv.Itoa(dead))
	live := mk(Prefix("report")+"2", strconv.Itoa(os.Getpid()))
	other := mk(Prefix("export")+"3", strconv.Itoa(dead))
	young := mk(Prefix("report")+"4", "")
	old := mk(Prefix("report")+"5", "")
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.WriteFile(filepath.Join(dir, "report.html"), []byte("x"), 0o644)

	s, err := New(dir, "report")
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{killed: false, live: true, other: true, young: true, old: false, s: true, filepath.Join(dir, "report.html"): true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(s, ownerFile)); string(b) != strconv.Itoa(os.Getpid())+"\n" {
		t.Errorf("owner file %q", b)
	}
}
