// Package cmdutil holds what every command shares: the Factory of lazy
// dependencies (data folder, database in the mode a command needs, --wait),
// the IO streams, typed errors and their exit codes, and atomic file writes.
package cmdutil

import (
	"io"
	"os"
)

// IOStreams are where a command reads and writes. Results go to Out, progress
// and warnings to ErrOut; progress only when ErrOut is a terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	errTTY bool
}

// System is the process's own streams.
func System() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, errTTY: isTerminal(os.Stderr)}
}

// Test gives streams writing into the given writers, never a terminal.
func Test(out, errOut io.Writer) *IOStreams {
	return &IOStreams{In: nil, Out: out, ErrOut: errOut}
}

// ShowProgress reports whether progress lines should be printed.
func (s *IOStreams) ShowProgress() bool { return s.errTTY }

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
