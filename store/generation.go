package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// StaleError means the cleaned tables and marts were built from an older
// state of the raw tables (an ingest with --no-transform, or one stopped
// between its load and its transforms): reading them would silently leave
// out what was loaded since.
type StaleError struct {
	Path         string
	Raw, Derived int64
}

func (e *StaleError) Error() string {
	if e.Derived == 0 {
		return fmt.Sprintf("%s: the cleaned tables have not been built yet (catalogs were loaded without the transforms): run `fundscope transform --db %s`", e.Path, e.Path)
	}
	return fmt.Sprintf("%s: the cleaned tables are older than the loaded catalogs (%d load(s) since the last transform): run `fundscope transform --db %s`", e.Path, e.Raw-e.Derived, e.Path)
}

// Execer is what runs a statement: *sql.DB, *sql.Conn or *sql.Tx.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// BumpRaw records, inside the caller's transaction, that the raw tables changed.
func BumpRaw(ctx context.Context, x Execer) error {
	_, err := x.ExecContext(ctx, `UPDATE fundscope_state SET value = value + 1 WHERE key = 'raw_generation'`)
	return err
}

// MarkDerived records, inside the transform's transaction, that the derived
// tables now reflect the raw generation read at its start.
func MarkDerived(ctx context.Context, x Execer, rawGeneration int64) error {
	_, err := x.ExecContext(ctx, `UPDATE fundscope_state SET value = ? WHERE key = 'derived_generation'`, rawGeneration)
	return err
}

// Generations reads the raw and derived generations.
func Generations(ctx context.Context, x Execer) (raw, derived int64, err error) {
	err = x.QueryRowContext(ctx, `SELECT
		max(value) FILTER (WHERE key = 'raw_generation'),
		max(value) FILTER (WHERE key = 'derived_generation')
		FROM fundscope_state`).Scan(&raw, &derived)
	return raw, derived, err
}

// CheckFresh fails with a StaleError when the derived tables lag the raw ones.
func CheckFresh(ctx context.Context, db *sql.DB, path string) error {
	raw, derived, err := Generations(ctx, db)
	if err != nil {
		if strings.Contains(err.Error(), "does not exist") {
			return fmt.Errorf("%s: reading the generation marker: %w (a database made by an older fundscope: run `fundscope transform`)", path, err)
		}
		return fmt.Errorf("%s: reading the generation marker: %w", path, err)
	}
	if derived < raw {
		return &StaleError{Path: path, Raw: raw, Derived: derived}
	}
	return nil
}
