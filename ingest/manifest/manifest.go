// Package manifest reads manifest.json: the catalogs a data folder holds,
// with the facts about each document that the document does not state
// reliably and the layout reader that fits it.
package manifest

import (
	"encoding/json"
	"fmt"
	"fundscope/ingest/layouts"
	"fundscope/ingest/template"
	"fundscope/model"
	"io/fs"
	"path"
	"strings"
)

// Manifest lists the catalogs fundscope knows how to read.
type Manifest struct {
	Catalogs []model.Catalog `json:"catalogs"`
}

// Load reads manifest.json from fsys and validates every entry.
func Load(fsys fs.FS) (*Manifest, error) {
	b, err := fs.ReadFile(fsys, "manifest.json")
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	var m Manifest
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var raw struct {
		About    string          `json:"about"`
		Catalogs []model.Catalog `json:"catalogs"`
	}
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	m.Catalogs = raw.Catalogs
	seen := map[string]bool{}
	for i, c := range m.Catalogs {
		if err := validate(c); err != nil {
			return nil, fmt.Errorf("manifest.json: entry %d (%s): %w", i+1, c.CatalogID, err)
		}
		if seen[c.CatalogID] {
			return nil, fmt.Errorf("manifest.json: catalog_id %q appears twice", c.CatalogID)
		}
		seen[c.CatalogID] = true
	}
	return &m, nil
}

// ByFile finds the manifest entry whose file has the given base name.
func (m *Manifest) ByFile(name string) (model.Catalog, bool) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	for _, c := range m.Catalogs {
		if path.Base(c.File) == base {
			return c, true
		}
	}
	return model.Catalog{}, false
}

// validate checks an entry's facts, that its file lies inside the data
// folder, and that a reader of its layout is registered.
func validate(c model.Catalog) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if !fs.ValidPath(c.File) {
		return fmt.Errorf("file %q must be a path inside the data folder, such as raw/NAME.txt (no leading /, no ..)", c.File)
	}
	if !layouts.Known(c.Layout) && c.Layout != template.Layout {
		return fmt.Errorf("unknown layout %q (known: %s)", c.Layout, strings.Join(layouts.Names(), ", "))
	}
	return nil
}
