// Package data holds the bundled catalogs, their manifest and the reference
// tables (regions, categories, funding sources). Everything here is data that
// analysts edit; the Go file only embeds it into the binary.
package data

import "embed"

// FS holds manifest.json, dictionary.csv, raw/ and ref/ as shipped with the binary.
//
//go:embed manifest.json dictionary.csv raw ref lexicon workspace-README.md
var FS embed.FS
