package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"fundscope/ingest/document"
	"fundscope/ingest/facts"
	"fundscope/ingest/layouts"
	"fundscope/model"
	"fundscope/store"
)

// Reconciliation is one stated total next to its recomputed value.
type Reconciliation struct {
	CatalogID  string
	Label      string
	Kind       string
	Metric     string
	Stated     int64
	Computed   int64
	Line       int
	Reconciled bool
	// Unchecked: a pool over items whose amounts are not printed, which
	// cannot be checked (neither reconciled nor a mismatch)
	Unchecked bool
}

// Result tells what ingesting one file did.
type Result struct {
	CatalogID string
	File      string
	Action    string // loaded | replaced | unchanged
	Items     int
	Warnings  []model.Warning
	Totals    []Reconciliation
}

// Mismatches returns the stated totals that do not reconcile.
func (r *Result) Mismatches() []Reconciliation {
	var out []Reconciliation
	for _, t := range r.Totals {
		if !t.Reconciled && !t.Unchecked {
			out = append(out, t)
		}
	}
	return out
}

// beforeCommit, when set by a test, runs inside the document's transaction
// after all rows are written, to simulate a failure half-way.
var beforeCommit func(catalogID string) error

// IngestFile loads one document into db. The same bytes again are a no-op;
// changed bytes replace the catalog's rows. All writes for the document happen
// in one transaction: on any error the database is left as it was.
func IngestFile(ctx context.Context, db *sql.DB, file string, raw []byte, c model.Catalog) (*Result, error) {
	res, err := ingestDocument(ctx, db, file, raw, c.CatalogID, func() ([]Part, Source, error) {
		return parseJob(Job{File: file, Raw: raw, Catalog: c})
	})
	if err != nil {
		return nil, err
	}
	return res[0], nil
}

// parseJob decodes a document and reads it with its catalog's layout.
func parseJob(j Job) ([]Part, Source, error) {
	doc := j.Doc
	var err error
	if doc == nil {
		if doc, err = document.Open(j.File, j.Raw); err != nil {
			return nil, Source{}, err
		}
	}
	var p *model.Parsed
	if j.read != nil && j.read.with == readingKey(j.Catalog) {
		p = j.read.parsed // read when its catalog was inferred, with this catalog
	} else if p, err = layouts.Parse(doc, j.Catalog); err != nil {
		return nil, Source{}, err
	}
	for _, n := range doc.Notes {
		p.Warnings = append(p.Warnings, model.Warning{Message: n})
	}
	return []Part{{j.Catalog, p}}, Source{Encoding: doc.Encoding, Format: doc.Format, Conversion: doc.Conversion}, nil
}

// Source is how a document was read: its format (text, docx, xlsx, html),
// any conversion (LibreOffice) and the text encoding where there is one.
type Source struct {
	Encoding, Format, Conversion string
}

// Part is one catalog of a document with what was read of it.
type Part struct {
	Catalog model.Catalog
	Parsed  *model.Parsed
}

// ingestDocument loads every catalog a document holds in one transaction.
// Catalogs whose bytes and manifest entry are loaded already are left alone.
func ingestDocument(ctx context.Context, db *sql.DB, file string, raw []byte, logID string, parse func() ([]Part, Source, error)) ([]*Result, error) {
	started := time.Now()
	sha := sha256Hex(raw)
	fail := func(id string, err error) ([]*Result, error) {
		logIngest(ctx, db, started, file, sha, id, "failed", 0, err.Error())
		return nil, err
	}
	parts, src, err := parse()
	if err != nil {
		return fail(logID, err)
	}
	var results []*Result
	var changed []Part
	var replaced []string
	for _, part := range parts {
		c := part.Catalog
		res := &Result{CatalogID: c.CatalogID, File: file, Items: len(part.Parsed.Items), Warnings: part.Parsed.Warnings}
		for _, u := range part.Parsed.Unread {
			res.Warnings = append(res.Warnings, model.Warning{Line: u.Line, Message: unreadMessage(u), Location: u.Location})
		}
		var oldSHA, oldEntry string
		err := db.QueryRowContext(ctx, `SELECT sha256, entry_sha256 FROM catalog WHERE catalog_id = ?`, c.CatalogID).Scan(&oldSHA, &oldEntry)
		switch {
		case err == nil && oldSHA == sha && oldEntry == fingerprint(c):
			res.Action = "unchanged"
		case err == nil:
			res.Action = "replaced"
			replaced = append(replaced, c.CatalogID)
		case errors.Is(err, sql.ErrNoRows):
			res.Action = "loaded"
		default:
			return nil, err
		}
		if res.Action != "unchanged" {
			changed = append(changed, part)
		}
		results = append(results, res)
	}
	if len(changed) > 0 {
		if err := write(ctx, db, file, sha, src, changed, replaced); err != nil {
			return fail(logID, fmt.Errorf("%s: writing to the database: %w (nothing was changed)", file, err))
		}
	}
	for i, res := range results {
		if len(parts[i].Parsed.Totals) > 0 || res.Action == "unchanged" {
			if res.Totals, err = Reconcile(ctx, db, res.CatalogID); err != nil {
				return nil, err
			}
		}
		msg := fmt.Sprintf("%d stated totals, %d do not reconcile", len(res.Totals), len(res.Mismatches()))
		if res.Action == "unchanged" {
			msg = "same sha256 and manifest entry as loaded; nothing to do"
		}
		logIngest(ctx, db, started, file, sha, res.CatalogID, res.Action, res.Items, msg)
	}
	return results, nil
}

// write replaces the catalogs of parts in one transaction.
func write(ctx context.Context, db *sql.DB, file, sha string, src Source, parts []Part, replaced []string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return replaceCatalogs(ctx, conn, replaced, parts[0].Catalog.CatalogID, func() error {
		if err := insertCatalogs(ctx, conn, file, sha, src, parts); err != nil {
			return err
		}
		return conn.Raw(func(dc any) error {
			return appendRows(dc.(driver.Conn), parts)
		})
	})
}

// replaceCatalogs runs one document's writes in a transaction: the rows of
// the replaced catalogs go, write adds the new ones, and any error (or the
// test hook beforeCommit) rolls everything back.
func replaceCatalogs(ctx context.Context, conn *sql.Conn, replaced []string, first string, write func() error) (err error) {
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		}
	}()
	for _, id := range replaced {
		for _, t := range []string{"line_item", "stated_total", "ingest_warning", "catalog"} {
			if _, err = conn.ExecContext(ctx, "DELETE FROM "+t+" WHERE catalog_id = ?", id); err != nil {
				return err
			}
		}
	}
	if err = write(); err != nil {
		return err
	}
	if err = store.BumpRaw(ctx, conn); err != nil {
		return err
	}
	if beforeCommit != nil {
		if err = beforeCommit(first); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// insertCatalogs appends the catalog rows of parts.
func insertCatalogs(ctx context.Context, conn *sql.Conn, file, sha string, src Source, parts []Part) error {
	now := time.Now().UTC()
	return conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "catalog")
		if err != nil {
			return err
		}
		for _, part := range parts {
			c := part.Catalog
			var district, published any
			if c.District != nil {
				district = *c.District
			}
			if c.Published != nil {
				published = date(*c.Published)
			}
			phase := c.Phase
			if phase == "" {
				phase = facts.Phase(c.Title)
			}
			review := c.Review
			if review == "" {
				review = model.ReviewRead
			}
			if err := a.AppendRow(c.CatalogID, c.Title, c.Publisher, c.Province, c.City, district, c.AdminCode, c.Level, int32(c.Year),
				published, file, sha, fingerprint(c), c.Layout, src.Encoding, c.Synthetic, now, null(src.Format), null(src.Conversion), phase, review); err != nil {
				a.Close()
				return fmt.Errorf("catalog %s: %w", c.CatalogID, err)
			}
		}
		return a.Close()
	})
}

// logResults records what a document's ingest did, one row per catalog.
func logResults(ctx context.Context, db *sql.DB, started time.Time, file, sha string, results []*Result) {
	host, _ := os.Hostname()
	who := ""
	if u, err := user.Current(); err == nil {
		who = u.Username
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	now := time.Now().UTC()
	_ = conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "ingest_log")
		if err != nil {
			return err
		}
		for _, r := range results {
			msg := fmt.Sprintf("%d stated totals, %d do not reconcile", len(r.Totals), len(r.Mismatches()))
			if r.Action == "unchanged" {
				msg = "same sha256 and catalog facts as loaded; nothing to do"
			}
			if err := a.AppendRow(started.UTC(), now, who, host, file, sha, r.CatalogID, r.Action, int32(r.Items), msg); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
}

func appendRows(dc driver.Conn, parts []Part) error {
	items, err := duckdb.NewAppenderFromConn(dc, "", "line_item")
	if err != nil {
		return err
	}
	for _, part := range parts {
		c := part.Catalog
		for _, it := range part.Parsed.Items {
			err = items.AppendRow(it.ItemID, c.CatalogID, null(it.ItemNo), nullInt(it.SubNo), null(it.Code), it.Name,
				null(it.AltName), null(it.GroupName), null(it.Description), null(it.Section), null(it.SourceCat),
				null(it.Purchaser), null(it.TargetGroup), null(it.RegionText), nullInt(it.RegionLine),
				null(it.FundingText), nullInt(it.FundingLine), yuan(it.Amount.Yuan), null(it.Amount.Text), it.Amount.Kind,
				boolOrNil(it.Amount.TaxIncluded), date(it.PeriodStart), date(it.PeriodEnd), int32(it.LineStart), int32(it.LineEnd),
				nullInt(it.DetailStart), nullInt(it.DetailEnd), null(it.SourceLocation), null(it.Organization), null(it.OrganizationCode), nullInt(it.Year))
			if err != nil {
				items.Close()
				return fmt.Errorf("line item %s: %w", it.ItemID, err)
			}
		}
	}
	if err := items.Close(); err != nil {
		return err
	}
	totals, err := duckdb.NewAppenderFromConn(dc, "", "stated_total")
	if err != nil {
		return err
	}
	for _, part := range parts {
		for i, t := range part.Parsed.Totals {
			scope := make([]any, len(t.Scope))
			for k, s := range t.Scope {
				scope[k] = s
			}
			if err := totals.AppendRow(part.Catalog.CatalogID, int32(i+1), t.Label, t.Kind, t.Metric, t.Stated, scope, int32(t.Line), null(t.Text), null(t.SourceLocation), yuan(t.Low), yuan(t.High)); err != nil {
				totals.Close()
				return fmt.Errorf("stated total %q: %w", t.Label, err)
			}
		}
	}
	if err := totals.Close(); err != nil {
		return err
	}
	warns, err := duckdb.NewAppenderFromConn(dc, "", "ingest_warning")
	if err != nil {
		return err
	}
	for _, part := range parts {
		for _, w := range part.Parsed.Warnings {
			if err := warns.AppendRow(part.Catalog.CatalogID, nullInt(w.Line), w.Message, null(w.Location)); err != nil {
				warns.Close()
				return err
			}
		}
	}
	for _, part := range parts {
		for _, u := range part.Parsed.Unread {
			if err := warns.AppendRow(part.Catalog.CatalogID, nullInt(u.Line), unreadMessage(u), null(u.Location)); err != nil {
				warns.Close()
				return err
			}
		}
	}
	return warns.Close()
}

// unreadMessage is how an unread amount reads among the warnings.
func unreadMessage(u model.Unread) string {
	if u.Reason == "" {
		return "unread amount " + u.Text
	}
	return "unread amount " + u.Text + " (" + u.Reason + ")"
}

// Reconcile reads the reconciliation of one catalog's stated totals.
func Reconcile(ctx context.Context, db *sql.DB, catalogID string) ([]Reconciliation, error) {
	byCatalog, err := reconcileCatalogs(ctx, db, []string{catalogID})
	return byCatalog[catalogID], err
}

// querier is what a *sql.DB and a *sql.Conn share for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// reconcileCatalogs reads the reconciliation of several catalogs' stated
// totals in one query, by catalog.
func reconcileCatalogs(ctx context.Context, q querier, ids []string) (map[string][]Reconciliation, error) {
	rows, err := q.QueryContext(ctx, `SELECT catalog_id, label, kind, metric, stated_value, computed_value, source_line, reconciles
		FROM reconciliation WHERE list_contains(?::VARCHAR[], catalog_id) ORDER BY catalog_id, total_no`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]Reconciliation{}
	for rows.Next() {
		var r Reconciliation
		var ok sql.NullBool
		if err := rows.Scan(&r.CatalogID, &r.Label, &r.Kind, &r.Metric, &r.Stated, &r.Computed, &r.Line, &ok); err != nil {
			return nil, err
		}
		r.Reconciled, r.Unchecked = ok.Bool, !ok.Valid
		out[r.CatalogID] = append(out[r.CatalogID], r)
	}
	return out, rows.Err()
}

func logIngest(ctx context.Context, db *sql.DB, started time.Time, file, sha, catalogID, action string, items int, msg string) {
	host, _ := os.Hostname()
	who := ""
	if u, err := user.Current(); err == nil {
		who = u.Username
	}
	_, _ = db.ExecContext(ctx, `INSERT INTO ingest_log VALUES (?,?,?,?,?,?,?,?,?,?)`,
		started.UTC(), time.Now().UTC(), who, host, file, sha, catalogID, action, items, msg)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// fingerprint identifies the manifest entry's content.
func fingerprint(c model.Catalog) string {
	b, _ := json.Marshal(c)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return int32(n)
}

func yuan(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

func boolOrNil(b *bool) any {
	if b == nil {
		return nil
	}
	return *b
}

func date(s string) any {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil
	}
	return t
}
