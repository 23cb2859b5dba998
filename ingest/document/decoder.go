package document

import (
	"bytes"
	"fmt"
	"sort"

	"fundscope/model"
)

// Decoder turns the bytes of one file format into a Document. Each format
// lives in its own file and registers itself; Open picks a decoder by
// sniffing the bytes, never by the file name.
type Decoder struct {
	Name   string
	Order  int                   // lower sniffs first; the text decoder sniffs last
	Sniff  func(raw []byte) bool // does this decoder read these bytes?
	Decode func(path string, raw []byte) (*Document, error)
}

var decoders []Decoder

// RegisterDecoder adds a format.
func RegisterDecoder(d Decoder) {
	for _, o := range decoders {
		if o.Name == d.Name {
			panic("document: duplicate decoder " + d.Name)
		}
	}
	decoders = append(decoders, d)
	sort.SliceStable(decoders, func(i, j int) bool { return decoders[i].Order < decoders[j].Order })
}

// Formats lists the registered decoders in sniffing order.
func Formats() []string {
	var names []string
	for _, d := range decoders {
		names = append(names, d.Name)
	}
	return names
}

// Open decodes a file of any registered format, chosen from its bytes.
func Open(path string, raw []byte) (*Document, error) {
	if len(raw) == 0 {
		return nil, &model.ParseError{File: path, Msg: "file is empty"}
	}
	for _, d := range decoders {
		if d.Sniff(raw) {
			doc, err := d.Decode(path, raw)
			if err != nil {
				return nil, err
			}
			if doc.Format == "" {
				doc.Format = d.Name
			}
			return doc, nil
		}
	}
	return nil, &model.ParseError{File: path, Msg: fmt.Sprintf("unrecognized file format (starts with % x)", raw[:min(8, len(raw))])}
}

func init() {
	RegisterDecoder(Decoder{Name: "text", Order: 100, Sniff: func([]byte) bool { return true }, Decode: Decode})
}

// hasPrefixFold reports whether b, after a UTF-8 BOM and white space, starts
// with any of the prefixes (ASCII, case-insensitive).
func hasPrefixFold(b []byte, prefixes ...string) bool {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	b = bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n")
	for _, p := range prefixes {
		if len(b) >= len(p) && bytes.EqualFold(b[:len(p)], []byte(p)) {
			return true
		}
	}
	return false
}
