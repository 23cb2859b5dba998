// Package extract reads a document without loading it: the catalog facts it
// states about itself, its line items, the totals it states (each next to
// the value its items give) and every amount-looking span nothing used.
// The reader is the layout a manifest entry names, else a known layout that
// reads the document, else the generic reader.
package extract

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"fundscope/ingest/document"
	"fundscope/ingest/facts"
	"fundscope/ingest/generic"
	"fundscope/ingest/layouts"
	"fundscope/model"
)

// Threshold is the confidence below which ingest refuses a generic reading
// and points to the draft (fundscope extract FILE --format xlsx).
const Threshold = 0.5

// Result is what extract found in one document.
type Result struct {
	File    string         `json:"file"`
	Format  string         `json:"format"`
	Reader  string         `json:"reader"`
	Facts   facts.Facts    `json:"-"`
	Catalog model.Catalog  `json:"catalog"`
	Items   []Item         `json:"items"`
	Totals  []Total        `json:"stated_totals"`
	Unread  []model.Unread `json:"unread"`
	// Warnings are what the reader noticed and decided (a figure stated
	// twice read once, a unit inferred, a table read as a form's detail),
	// as ingest prints them.
	Warnings []Warning `json:"warnings"`
	// Confidence of a generic reading (1 for a layout written for the document).
	Confidence float64 `json:"confidence"`
	// Signals are the evidence the confidence was taken from: what raised
	// it and what lowered it, each a named rule with the item or total.
	Signals Signals `json:"signals"`

	Parsed *model.Parsed      `json:"-"`
	Doc    *document.Document `json:"-"`
}

// Warning is one of the reader's warnings as extract prints it.
type Warning struct {
	Line     int    `json:"line,omitempty"`
	Location string `json:"location,omitempty"`
	Message  string `json:"message"`
}

// Item is one line item as extract prints it.
type Item struct {
	ItemNo       string `json:"item_no"`
	Name         string `json:"name"`
	Organization string `json:"organization"`
	// OrganizationCode is the 统一社会信用代码 printed for it, as printed
	// (checked by its check character in the transforms).
	OrganizationCode string  `json:"organization_code,omitempty"`
	AmountYuan       *int64  `json:"amount_yuan"`
	AmountKind       string  `json:"amount_kind"`
	AmountText       string  `json:"amount_text"`
	FundingText      string  `json:"funding_text"`
	RegionText       string  `json:"region_text"`
	Section          string  `json:"section"`
	Year             int     `json:"year"`
	Location         string  `json:"location"`
	Confidence       float64 `json:"confidence"`
}

// Total is a stated total next to the value its scope gives.
type Total struct {
	Label      string `json:"label"`
	Kind       string `json:"kind"`
	Metric     string `json:"metric"`
	Stated     int64  `json:"stated_value"`
	Computed   int64  `json:"computed_value"`
	Reconciles bool   `json:"reconciles"`
	// Unpriced: a pool over items none of which has a printed amount (one
	// figure for them all): there is nothing to reconcile it with.
	Unpriced bool `json:"unpriced,omitempty"`
	// Low and High bound an approximate total (约1.07亿); nil when exact.
	Low      *int64 `json:"low_value,omitempty"`
	High     *int64 `json:"high_value,omitempty"`
	Text     string `json:"text"`
	Location string `json:"location"`
	Rule     string `json:"rule,omitempty"`
}

// Document extracts from a decoded document. override holds what a
// manifest entry, a sidecar or flags say: its non-empty fields win over
// what was inferred, and its layout (if any) picks the reader.
func Document(d *document.Document, override model.Catalog) (*Result, error) {
	f, err := facts.Infer(d)
	if err != nil {
		return nil, err
	}
	if override.AdminCode != "" && override.AdminCode != f.AdminCode {
		if err := f.Place(override.AdminCode); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Path, err)
		}
	}
	id := override.CatalogID
	if id == "" {
		id = Slug(d.Path)
	}
	c := Merge(f.Catalog(id, override.File), override)
	if c.Phase == "" {
		c.Phase = facts.Phase(c.Title)
	}
	res := &Result{File: d.Path, Format: d.Format, Facts: f, Doc: d, Items: []Item{}, Totals: []Total{}}
	layout := c.Layout
	var p *model.Parsed
	if layout == "" {
		layout, p = choose(d, c)
	}
	c.Layout = layout
	if p == nil {
		p, err = layouts.Parse(d, c)
	}
	if err != nil && layout == generic.Name {
		// nothing read: still list what looks like money, so that nothing is silently missed
		if p2, err2 := generic.Read(d.Render(document.TSV), c); err2 == nil && len(p2.Items) == 0 {
			p, err = p2, nil
		}
	}
	if err != nil {
		return nil, err
	}
	res.Catalog, res.Reader, res.Parsed = c, layout, p
	res.Unread = p.Unread
	if res.Unread == nil {
		res.Unread = []model.Unread{}
	}
	res.Warnings = []Warning{}
	for _, w := range p.Warnings {
		res.Warnings = append(res.Warnings, Warning{Line: w.Line, Location: w.Location, Message: w.Message})
	}
	byID := map[string]model.LineItem{}
	for _, it := range p.Items {
		byID[it.ItemID] = it
		loc := it.SourceLocation
		if loc == "" {
			loc = lines(it.LineStart, it.LineEnd)
		}
		res.Items = append(res.Items, Item{
			ItemNo: it.ItemNo, Name: it.Name, Organization: it.Organization, OrganizationCode: it.OrganizationCode, AmountYuan: it.Amount.Yuan,
			AmountKind: it.Amount.Kind, AmountText: it.Amount.Text, FundingText: it.FundingText,
			RegionText: it.RegionText, Section: it.Section, Year: cmp.Or(it.Year, c.Year), Location: loc,
		})
	}
	for _, t := range p.Totals {
		var computed int64
		seen := map[string]bool{}
		unpriced := t.Kind == "pool" && len(t.Scope) > 0
		for _, s := range t.Scope {
			it := byID[s]
			unpriced = unpriced && it.Amount.Yuan == nil
			switch t.Metric {
			case model.MetricAmount:
				if it.Amount.Yuan != nil {
					computed += *it.Amount.Yuan
				}
			case model.MetricItems:
				computed++
			case model.MetricGroups:
				if !seen[it.GroupName] {
					seen[it.GroupName] = true
					computed++
				}
			case model.MetricUnits:
				if !seen[it.Purchaser] {
					seen[it.Purchaser] = true
					computed++
				}
			}
		}
		lo, hi := t.Stated, t.Stated
		if t.Low != nil && t.High != nil {
			lo, hi = *t.Low, *t.High
		}
		loc := t.SourceLocation
		if loc == "" {
			loc = lines(t.Line, t.Line)
		}
		res.Totals = append(res.Totals, Total{Label: t.Label, Kind: t.Kind, Metric: t.Metric, Stated: t.Stated,
			Computed: computed, Reconciles: computed >= lo && computed <= hi, Unpriced: unpriced, Text: t.Text, Location: loc, Low: t.Low, High: t.High, Rule: t.Rule})
	}
	conf, per, sig, err := assess(&reading{items: res.Items, totals: res.Totals, unread: res.Unread, lines: documentLines(d)})
	if err != nil {
		return nil, err
	}
	res.Confidence, res.Signals = round2(conf), sig
	for i := range res.Items {
		res.Items[i].Confidence = round2(per[i])
	}
	return res, nil
}

// choose picks the reader for a document with no layout named: a known
// layout that reads it with amounts, else the generic reader. A known
// layout that leaves out a source column the generic reader carries (an
// organization column a fixed layout has no field for) loses the choice,
// and so does one that leaves out a column of figures headed as money (a
// second amount column): it has no reason to give for them, the generic
// reader does.
//
// It returns the chosen layout with its reading (with catalog c), nil when
// the chosen layout does not fit.
func choose(d *document.Document, c model.Catalog) (string, *model.Parsed) {
	fits := layouts.DetectWith(d, c)
	genericDrops := map[string]bool{}
	for _, fit := range fits {
		if fit.Layout == generic.Name {
			for _, c := range fit.Dropped {
				genericDrops[c.Key()] = true
			}
		}
	}
next:
	for _, fit := range fits {
		if fit.Layout != generic.Name && fit.Fits && fit.WithAmount > 0 {
			for _, c := range fit.Dropped {
				if !genericDrops[c.Key()] || len(c.Figures) > 0 && generic.AmountHeader(c.Header) {
					continue next
				}
			}
			return fit.Layout, fit.Parsed
		}
	}
	for _, fit := range fits {
		if fit.Layout == generic.Name {
			return generic.Name, fit.Parsed
		}
	}
	return generic.Name, nil
}

// merge lays the non-empty fields of o over c.
// Merge lays what a person said (o: a sidecar, flags) over what was
// inferred (c): o's non-empty fields win.
func Merge(c, o model.Catalog) model.Catalog {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&c.CatalogID, o.CatalogID)
	set(&c.Title, o.Title)
	set(&c.Publisher, o.Publisher)
	set(&c.Province, o.Province)
	set(&c.City, o.City)
	set(&c.AdminCode, o.AdminCode)
	set(&c.Level, o.Level)
	set(&c.Layout, o.Layout)
	set(&c.File, o.File)
	set(&c.Phase, o.Phase)
	set(&c.Review, o.Review)
	if o.District != nil {
		c.District = o.District
	}
	if o.Published != nil {
		c.Published = o.Published
	}
	if o.Year != 0 {
		c.Year = o.Year
	}
	c.Synthetic = c.Synthetic || o.Synthetic
	return c
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

// Slug is a catalog id made from a file name: its ASCII letters and digits
// ("02_ningbo_ninghai_2018.txt" → "02-ningbo-ninghai-2018"); a name with
// none gets "doc-" and a hash of the name.
func Slug(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	s := strings.Trim(slugRe.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if s == "" {
		var h uint32 = 2166136261
		for _, b := range []byte(base) {
			h = (h ^ uint32(b)) * 16777619
		}
		s = fmt.Sprintf("doc-%08x", h)
	}
	return s
}

func lines(a, b int) string {
	if a <= 0 {
		return ""
	}
	return document.Location{LineStart: a, LineEnd: max(a, b)}.String()
}

// SidecarSuffix names the file beside a document that corrects the facts
// inferred from it: notice.pdf.facts.json.
const SidecarSuffix = ".facts.json"

// Sidecar reads the facts a person wrote beside a document (FILE.facts.json,
// any fields of a manifest entry: title, publisher, admin_code, year,
// phase, layout …). ok is false when there is none; an unknown field or bad
// JSON is an error naming the sidecar.
func Sidecar(file string) (c model.Catalog, ok bool, err error) {
	raw, err := os.ReadFile(file + SidecarSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return model.Catalog{}, false, nil
	}
	if err != nil {
		return model.Catalog{}, false, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return model.Catalog{}, false, fmt.Errorf("%s%s: %w", file, SidecarSuffix, err)
	}
	return c, true, nil
}

// Overrides are the facts that win over inferred ones for a document: its
// sidecar, then the flags given (a flag wins over the sidecar).
func Overrides(file string, flags model.Catalog) (model.Catalog, error) {
	side, _, err := Sidecar(file)
	if err != nil {
		return model.Catalog{}, err
	}
	return Merge(side, flags), nil
}

// File opens and extracts one file as `fundscope extract FILE` does: its
// sidecar's facts, then override's non-empty fields, win over inferred ones.
func File(file string, override model.Catalog) (*Result, error) {
	raw, err := document.ReadFile(file)
	if err != nil {
		return nil, err
	}
	doc, err := document.Open(file, raw)
	if err != nil {
		return nil, err
	}
	override, err = Overrides(file, override)
	if err != nil {
		return nil, err
	}
	override.File = file
	return Document(doc, override)
}

// round2 keeps two decimals, as the confidence is printed.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
