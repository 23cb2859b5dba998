// Package store opens the fundscope DuckDB database and owns its raw schema.
package store

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
	"golang.org/x/sys/unix"
)

//go:embed schema.sql
var schemaSQL string

// ErrLocked means another process holds the database file.
var ErrLocked = errors.New("database is in use by another process")

var pidRe = regexp.MustCompile(`PID (\d+)`)

// OpenSandboxed opens an existing database read-only for ad-hoc SQL: no
// writes, and no access to files, other databases or extensions
// (enable_external_access=false refuses COPY … TO, ATTACH, read_csv of files, INSTALL).
func OpenSandboxed(ctx context.Context, path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s does not exist: run `fundscope ingest` first", path)
	}
	db, err := sql.Open("duckdb", path+"?access_mode=READ_ONLY&enable_external_access=false&autoinstall_known_extensions=false&autoload_known_extensions=false")
	if err != nil {
		return nil, explain(path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, explain(path, err)
	}
	return db, nil
}

// Open opens (creating if needed) the database at path and makes sure the
// raw schema exists. With readOnly, the file must exist and nothing can be
// written through the handle.
func Open(ctx context.Context, path string, readOnly bool) (*sql.DB, error) {
	dsn := path
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("database %s does not exist: run `fundscope ingest` first", path)
		}
		dsn += "?access_mode=READ_ONLY"
	}
	db, err := sql.Open("duckdb", dsn)
	if err != nil {
		return nil, explain(path, err)
	}
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, explain(path, err)
	}
	if !readOnly {
		if _, err := db.ExecContext(ctx, schemaSQL); err != nil {
			db.Close()
			return nil, fmt.Errorf("creating schema in %s: %w", path, err)
		}
	}
	return db, nil
}

// Mode says how a command may use the database.
type Mode int

const (
	ReadWrite Mode = iota // ingest, transform: creates the file and the schema
	ReadOnly              // catalogs, check, export: reads, may write files through COPY
	Sandboxed             // sql, query, report: reads only, no file, extension or ATTACH access
)

// OpenMode opens the database at path in the given mode.
func OpenMode(ctx context.Context, path string, mode Mode) (*sql.DB, error) {
	switch mode {
	case Sandboxed:
		return OpenSandboxed(ctx, path)
	case ReadOnly:
		return Open(ctx, path, true)
	}
	return Open(ctx, path, false)
}

// OpenWait is OpenMode that, while another process holds the database,
// retries until wait has passed.
func OpenWait(ctx context.Context, path string, mode Mode, wait time.Duration) (*sql.DB, error) {
	deadline := time.Now().Add(wait)
	for {
		db, err := OpenMode(ctx, path, mode)
		if !errors.Is(err, ErrLocked) || !time.Now().Before(deadline) {
			if err != nil && wait > 0 && errors.Is(err, ErrLocked) {
				err = fmt.Errorf("%w (still locked after waiting %s)", err, wait)
			}
			return db, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// explain turns driver errors a user can act on into plain messages.
func explain(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock") {
		who := "another process"
		if m := pidRe.FindStringSubmatch(msg); m != nil {
			who = "process " + m[1]
		}
		return fmt.Errorf("%w: %s is locked by %s (a running fundscope ingest?); wait for it to finish or pass another --db", ErrLocked, path, who)
	}
	if why := notADatabase(path); why != "" {
		return fmt.Errorf("--db %s %s", path, why)
	}
	return fmt.Errorf("opening database %s: %w", path, err)
}

// notADatabase says what is wrong with path as a database file, in words a
// user can act on, or "" when nothing visible is: a folder, a file that is
// not DuckDB's, a file or folder this user may not write.
func notADatabase(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		if os.IsPermission(err) {
			return "cannot be reached (permission denied on a folder above it)"
		}
		if dir := filepath.Dir(path); dir != "" {
			if d, err := os.Stat(dir); err != nil || !d.IsDir() {
				return "cannot be made: its folder " + dir + " does not exist"
			}
			if unix.Access(dir, unix.W_OK) != nil {
				return "cannot be made: its folder " + dir + " is not writable"
			}
		}
		return ""
	}
	if st.IsDir() {
		return "is a folder, not a database file: give a file path such as " + filepath.Join(path, "fundscope.duckdb")
	}
	f, err := os.Open(path)
	if err != nil {
		return "cannot be read (" + err.Error() + ")"
	}
	defer f.Close()
	head := make([]byte, 12)
	if n, _ := io.ReadFull(f, head); n == 12 && string(head[8:12]) != "DUCK" || n > 0 && n < 12 {
		return "is not a DuckDB database file (it was not made by fundscope or DuckDB): point --db at a fundscope database, or at a new file name to make one"
	}
	if unix.Access(path, unix.W_OK) != nil {
		return "is read-only for this user: commands that write (ingest, transform) need write access; make it writable or copy it"
	}
	return ""
}
