package cmdutil

import (
	"errors"
	"fmt"
	"strings"
)

// Exit codes.
const (
	ExitError    = 1 // anything that stopped the command
	ExitUsage    = 2 // wrong flags or arguments
	ExitMismatch = 3 // the run finished, but stated totals or data tests fail
	ExitSetAside = 4 // the run finished, but readings were set aside for review, not loaded
)

// SetAsideError means the command did its work but left readings out of
// the dataset for a person to review.
type SetAsideError struct{ Msg string }

func (e *SetAsideError) Error() string { return e.Msg }

// SetAsidef makes a SetAsideError.
func SetAsidef(format string, args ...any) error {
	return &SetAsideError{fmt.Sprintf(format, args...)}
}

// UsageError is a mistake in how the command was called.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// UsageErrorf is Usagef; both names read well at their call sites.
func UsageErrorf(format string, args ...any) error { return Usagef(format, args...) }

// Usagef makes a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// MismatchError means the command did its work and found figures that do
// not agree: stated totals that do not reconcile, or failing data tests.
type MismatchError struct{ Msg string }

func (e *MismatchError) Error() string { return e.Msg }

// Mismatchf makes a MismatchError.
func Mismatchf(format string, args ...any) error {
	return &MismatchError{fmt.Sprintf(format, args...)}
}

// ExitCode maps an error to the process exit status.
func ExitCode(err error) int {
	var u *UsageError
	var m *MismatchError
	var s *SetAsideError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return ExitUsage
	case errors.As(err, &m):
		return ExitMismatch
	case errors.As(err, &s):
		return ExitSetAside
	}
	return ExitError
}

// ExplainOutOfMemory rewrites DuckDB's out-of-memory error (whose hints
// speak of SET statements a user of fundscope cannot type) as one line that
// names the --memory-limit in force and how to raise it. Other errors are
// returned as they are.
func ExplainOutOfMemory(err error, limit string) error {
	if err == nil || !strings.Contains(err.Error(), "Out of Memory Error") {
		return err
	}
	msg := err.Error()
	if i := strings.Index(msg, "\n"); i >= 0 {
		msg = msg[:i] // DuckDB's "Possible solutions" follow the first line
	}
	if limit == "" {
		limit = "DuckDB's default, 80% of the machine's memory"
	}
	return fmt.Errorf("%s\nDuckDB ran out of the memory fundscope lets it use (--memory-limit %s): raise it, e.g. --memory-limit 4GB (the default is %s), or free memory on this machine", strings.TrimSpace(msg), limit, DefaultMemoryLimit)
}
