package cmdutil

import (
	"errors"
	"fmt"
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
