package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"fundscope/data"
	"fundscope/ingest/template"
)

// zipBomb is an .xlsx-shaped zip whose one worksheet expands to n bytes of spaces.
func zipBomb(t *testing.T, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	ct, _ := zw.Create("[Content_Types].xml")
	io.WriteString(ct, `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

// A zip bomb named .xlsx (under 1 MB, expanding to 300 MB) is refused with a
// clear message before anything is decompressed; memory stays small and the
// database is unchanged.
func TestZipBombTemplateIsRefused(t *testing.T) {
	bomb := zipBomb(t, 300<<20)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes, want under 1 MB", len(bomb))
	}
	db := openTestDB(t)
	v, err := template.LoadVocabulary(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = IngestTemplate(context.Background(), db, "bomb.xlsx", bomb, v)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "bomb.xlsx") || !strings.Contains(err.Error(), "zip bomb") {
		t.Fatalf("want a refusal naming the file and the reason, got %v", err)
	}
	if grew := int64(after.TotalAlloc - before.TotalAlloc); grew > 64<<20 {
		t.Errorf("refusing the bomb allocated %d MB", grew>>20)
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM catalog`).Scan(&n)
	if n != 0 {
		t.Errorf("%d catalogs loaded from a zip bomb", n)
	}
}
