package ingest

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fundscope/ingest/document"
	"fundscope/ingest/layouts"
	"fundscope/model"
)

// A document is read once, when its catalog is inferred, and that reading
// is loaded unless the catalog changed in a field a reader sees
// (readingKey). The publisher and the review status are left out of the
// key: every reader must read the same with any publisher and review.
func TestReadersIgnorePublisherAndReview(t *testing.T) {
	files, err := filepath.Glob("testdata/formats/*/*")
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	files = append(files, corpus...)
	read := 0
	for _, f := range files {
		if ext := strings.ToLower(filepath.Ext(f)); ext == ".doc" || ext == ".xls" || ext == ".wps" || ext == ".et" {
			continue // through LibreOffice: the readers see what the native copies show
		}
		raw, err := document.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Open(f, raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, name := range layouts.Names() {
			a := model.Catalog{CatalogID: "c", File: f, Layout: name, Title: "标题", Year: 2024, AdminCode: "330100"}
			b := a
			b.Publisher, b.Review = "某市民政局", model.ReviewUnreviewed
			pa, errA := layouts.Parse(doc, a)
			pb, errB := layouts.Parse(doc, b)
			if (errA == nil) != (errB == nil) || !reflect.DeepEqual(pa, pb) {
				t.Errorf("%s read with layout %s differs with another publisher and review (%v; %v)", f, name, errA, errB)
			}
			if errA == nil {
				read++
			}
		}
		if readingKey(model.Catalog{CatalogID: "c", Publisher: "甲"}) != readingKey(model.Catalog{CatalogID: "c", Review: model.ReviewUnreviewed}) {
			t.Fatal("readingKey tells catalogs apart by publisher or review")
		}
		if readingKey(model.Catalog{CatalogID: "c", Year: 2023}) == readingKey(model.Catalog{CatalogID: "c", Year: 2024}) {
			t.Fatal("readingKey does not tell catalogs of two years apart")
		}
	}
	if read < 20 {
		t.Fatalf("only %d readings compared", read)
	}
}
