// Package trace prints how long each stage of a command took, to stderr, when
// the environment variable FUNDSCOPE_TRACE is set: the first place to look
// when a run is slow, and what `make bench` reads to split a command's time.
package trace

import (
	"fmt"
	"os"
	"time"
)

var on = os.Getenv("FUNDSCOPE_TRACE") != ""

// Stage starts timing a stage; call the returned function when it ends.
//
//	defer trace.Stage("ingest: checks")()
func Stage(name string) func() {
	if !on {
		return func() {}
	}
	start := time.Now()
	return func() {
		fmt.Fprintf(os.Stderr, "trace %-44s %8.3fs\n", name, time.Since(start).Seconds())
	}
}
