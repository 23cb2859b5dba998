package cmdutil

import (
	"errors"
	"strings"
	"testing"
)

func TestOutOfMemoryNamesTheLimit(t *testing.T) {
	duck := errors.New("query headline: Out of Memory Error: could not allocate block of size 256.0 KiB\n\nPossible solutions:\n* Reducing the number of threads (SET threads=X)")
	got := ExplainOutOfMemory(duck, "1KB").Error()
	if !strings.Contains(got, "--memory-limit 1KB") || !strings.Contains(got, "raise it") || strings.Contains(got, "SET threads") || !strings.HasPrefix(got, "query headline: Out of Memory Error") {
		t.Errorf("%q", got)
	}
	if got := ExplainOutOfMemory(duck, "").Error(); !strings.Contains(got, "80% of the machine's memory") {
		t.Errorf("no limit given: %q", got)
	}
	other := errors.New("Binder Error: no such column")
	if ExplainOutOfMemory(other, "1KB") != other || ExplainOutOfMemory(nil, "1KB") != nil {
		t.Error("other errors must pass unchanged")
	}
}
