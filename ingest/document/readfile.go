package document

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// NotRegularError is a path that is not a regular file (a named pipe, a
// device, a socket, a folder): reading it could block forever or never end,
// so it is refused before any read.
type NotRegularError struct {
	Path string
	Kind string
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: %s, not a regular file: only regular files are read", e.Path, e.Kind)
}

// CheckRegular returns a *NotRegularError when path (its symbolic links
// followed) is not a regular file, and the stat error when it cannot be
// examined.
func CheckRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	return regular(path, st.Mode())
}

func regular(path string, m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	kind := "a special file"
	switch {
	case m.IsDir():
		kind = "a folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return &NotRegularError{Path: path, Kind: kind}
}

// ReadFile reads a source document. It opens without blocking (a named
// pipe swapped in after a check cannot hold the open), then refuses
// anything but a regular file before reading a byte.
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(path, st.Mode()); err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}
