package echarts

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// root is the checkout's top folder (package-lock.json lives there).
const root = "../.."

func TestVersionMatchesLockFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		t.Fatal(err)
	}
	pinned := lock.Packages["node_modules/echarts"].Version
	if pinned == "" || pinned != Version() {
		t.Fatalf("embedded echarts %q, package-lock.json pins %q: run scripts/embed-echarts.sh", Version(), pinned)
	}
	if !strings.HasPrefix(pinned, "5.") {
		t.Fatalf("go-echarts v2.6 is written for ECharts 5.x; pinned %s", pinned)
	}
	if !strings.Contains(Notice(), "Apache ECharts") {
		t.Fatalf("NOTICE not embedded: %q", Notice())
	}
}

// The embedded copy is byte-for-byte the installed package. node_modules is
// installed by `make test` and by CI; on a machine without it, the lock-file
// check above still pins the version.
func TestMatchesInstalledPackage(t *testing.T) {
	installed, err := os.ReadFile(filepath.Join(root, "node_modules", "echarts", "dist", "echarts.min.js"))
	if os.IsNotExist(err) {
		if os.Getenv("CI") != "" {
			t.Fatal("node_modules/echarts missing in CI: .ci/run must run scripts/npm-deps.sh")
		}
		t.Log("node_modules/echarts not installed; compared the version with package-lock.json only")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(installed, Source()) {
		t.Fatal("reports/echarts/echarts.min.js differs from node_modules/echarts: run scripts/embed-echarts.sh")
	}
	if bytes.Contains(bytes.ToLower(Source()), []byte("</script")) {
		t.Fatal("echarts.min.js contains </script and cannot be inlined")
	}
}
