package layouts

import (
	"encoding/json"
	"testing"

	"fundscope/data"
	"fundscope/model"
)

type bundledDoc struct {
	File    string
	Raw     []byte
	Catalog model.Catalog
}

// bundled reads the catalogs listed in the bundled manifest (the manifest
// package imports this one, so the test reads the JSON itself).
func bundled(t testing.TB) []bundledDoc {
	t.Helper()
	b, err := data.FS.ReadFile("manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Catalogs []model.Catalog }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var out []bundledDoc
	for _, c := range m.Catalogs {
		raw, err := data.FS.ReadFile(c.File)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bundledDoc{File: c.File, Raw: raw, Catalog: c})
	}
	return out
}
