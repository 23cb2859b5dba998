package facts

import (
	"strings"
	"sync"

	"fundscope/model"
	"fundscope/textfold"
)

var (
	metaOnce sync.Once
	metaKeys map[string]string // key → fact ("" for keys that say nothing the facts use)
)

func loadMetaKeys() {
	metaKeys = map[string]string{}
	for _, r := range dataRows("lexicon/page_metadata.csv") {
		if len(r) == 2 {
			metaKeys[r[0]] = r[1]
		}
	}
}

// MetadataKey reports whether a cell is a key of the metadata block a
// government page prints above a notice (索引号, 文号, 成文日期 …), read from
// data/lexicon/page_metadata.csv, and which fact its value gives.
func MetadataKey(cell string) (fact string, ok bool) {
	metaOnce.Do(loadMetaKeys)
	k := strings.TrimRight(textfold.Han(model.Normalize(cell)), ":：")
	fact, ok = metaKeys[k]
	return fact, ok
}

// IsMetadataTable reports whether rows of cells are such a block: two or
// more rows open with a metadata key.
func IsMetadataTable(rows [][]string) bool {
	n := 0
	for _, r := range rows {
		if len(r) > 0 {
			if _, ok := MetadataKey(r[0]); ok {
				n++
			}
		}
	}
	return n >= 2 && n*2 >= len(rows)
}

// metadata reads the key | value pairs of a page's metadata block, from
// lines split by | or tabs and from table rows: fact → value as printed.
func metadata(rows [][]string) map[string]string {
	out := map[string]string{}
	if !IsMetadataTable(rows) {
		return out
	}
	for _, r := range rows {
		for i := 0; i+1 < len(r); i++ {
			fact, ok := MetadataKey(r[i])
			if !ok {
				continue
			}
			v := strings.TrimSpace(r[i+1])
			if _, isKey := MetadataKey(v); isKey || v == "" || strings.HasSuffix(v, ":") || strings.HasSuffix(v, "：") {
				continue // the value is missing: the next cell is another key
			}
			if fact != "" && out[fact] == "" {
				out[fact] = v
			}
			i++
		}
	}
	return out
}

// cellRows are the rows of cells of a document's first tables and of its
// first lines split by | or tabs, where a page's metadata block is.
func cellRows(lines []string, tables [][][]string) [][][]string {
	var out [][][]string
	var cur [][]string
	for i, l := range lines {
		if i > 30 {
			break
		}
		if !strings.Contains(l, "|") && !strings.Contains(l, "\t") {
			if len(cur) > 0 {
				out, cur = append(out, cur), nil
			}
			continue
		}
		var cells []string
		for _, c := range strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '\t' }) {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		cur = append(cur, cells)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return append(out, tables...)
}
