package command

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Version is what `fundscope --version` prints: the module version, the
// commit it was built from (and whether the tree had changes), the Go
// release and the DuckDB driver, all read from the build information the
// Go toolchain stamps into the binary.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "fundscope (no build information) " + runtime.Version()
	}
	parts := []string{"fundscope " + bi.Main.Version}
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", with uncommitted changes"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		parts = append(parts, "commit "+rev+" ("+at+modified+")")
	}
	parts = append(parts, runtime.Version())
	for _, d := range bi.Deps {
		if strings.HasPrefix(d.Path, "github.com/duckdb/duckdb-go") && !strings.Contains(d.Path, "bindings") {
			parts = append(parts, d.Path+" "+d.Version)
		}
	}
	return strings.Join(parts, " · ")
}
