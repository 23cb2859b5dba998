package layouts

import (
	"errors"
	"fmt"
	"sort"

	"fundscope/ingest/document"
	"fundscope/model"
)

// Fit is how well one known layout reads a document.
type Fit struct {
	Layout     string
	Fits       bool
	Items      int
	WithAmount int
	Totals     int
	Evidence   string
	Line       int // where a layout that does not fit stopped (0 when it names no line)
	// Dropped are the source table columns the reading does not carry.
	Dropped []DroppedColumn
	// Parsed is the reading, nil when the layout does not fit.
	Parsed *model.Parsed
}

// NearestMiss is the layout that got furthest into a document none fits:
// the one whose reason names the latest line. ok is false when a layout fits.
func NearestMiss(fits []Fit) (Fit, bool) {
	var best Fit
	found := false
	for _, f := range fits {
		if f.Fits {
			return Fit{}, false
		}
		if !found || f.Line > best.Line {
			best, found = f, true
		}
	}
	return best, found
}

// Detect opens a document in any format and tries every known layout on it,
// ranking them: layouts that read it without error first, then by items with
// an amount, then items, then by the columns they leave out (fewest first).
func Detect(file string, raw []byte) ([]Fit, error) {
	doc, err := document.Open(file, raw)
	if err != nil {
		return nil, err
	}
	return DetectDocument(doc), nil
}

// DetectDocument is Detect on an opened document.
func DetectDocument(doc *document.Document) []Fit {
	return DetectWith(doc, model.Catalog{CatalogID: "detect", File: doc.Path})
}

// DetectWith is DetectDocument reading with catalog c (its layout set to
// each one tried), so that the chosen layout's reading is the one to keep.
func DetectWith(doc *document.Document, c model.Catalog) []Fit {
	var fits []Fit
	for _, name := range Names() {
		c.Layout = name
		fit := Fit{Layout: name}
		p, cols, err := parse(doc, c)
		if err != nil {
			fit.Evidence = err.Error()
			var pe *model.ParseError
			if errors.As(err, &pe) {
				fit.Line = pe.Line
			}
		} else {
			fit.Fits, fit.Parsed = true, p
			fit.Items, fit.Totals = len(p.Items), len(p.Totals)
			for _, it := range p.Items {
				if it.Amount.Yuan != nil {
					fit.WithAmount++
				}
			}
			fit.Evidence = fmt.Sprintf("%d line items (%d with an amount), %d stated totals, %d warnings", fit.Items, fit.WithAmount, fit.Totals, len(p.Warnings))
			if len(p.Unread) > 0 {
				fit.Evidence += fmt.Sprintf(", %d amounts unread (fundscope extract lists them)", len(p.Unread))
			}
			fit.Dropped = cols
			if registry[name].FindsTextTables {
				fit.Dropped = Dropped(doc, p)
			}
			for _, d := range fit.Dropped {
				fit.Evidence += "; drops " + d.String()
			}
		}
		fits = append(fits, fit)
	}
	sort.SliceStable(fits, func(i, j int) bool {
		a, b := fits[i], fits[j]
		if a.Fits != b.Fits {
			return a.Fits
		}
		if a.WithAmount != b.WithAmount {
			return a.WithAmount > b.WithAmount
		}
		if a.Items != b.Items {
			return a.Items > b.Items
		}
		return len(a.Dropped) < len(b.Dropped) // of two readings alike, the one that keeps every column
	})
	return fits
}
