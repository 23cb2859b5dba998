package layouts

import (
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
}

// Detect tries every known text layout on a document and ranks them: layouts
// that read it without error first, then by items with an amount, then items.
func Detect(file string, raw []byte) ([]Fit, error) {
	doc, err := document.Decode(file, raw)
	if err != nil {
		return nil, err
	}
	var fits []Fit
	for _, name := range Names() {
		c := model.Catalog{CatalogID: "detect", Layout: name, File: file}
		fit := Fit{Layout: name}
		p, err := Parse(doc, c)
		if err != nil {
			fit.Evidence = err.Error()
		} else {
			fit.Fits = true
			fit.Items, fit.Totals = len(p.Items), len(p.Totals)
			for _, it := range p.Items {
				if it.Amount.Yuan != nil {
					fit.WithAmount++
				}
			}
			fit.Evidence = fmt.Sprintf("%d line items (%d with an amount), %d stated totals, %d warnings", fit.Items, fit.WithAmount, fit.Totals, len(p.Warnings))
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
		return a.Items > b.Items
	})
	return fits, nil
}
