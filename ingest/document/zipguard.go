package document

import (
	"archive/zip"
	"bytes"
	"fmt"

	"fundscope/model"
)

// MaxUnzipBytes bounds what a zip-based document (xlsx, docx, …) may expand
// to, summed over its members; MaxUnzipRatio bounds how much more that is than
// the file itself. Real catalogs expand a few times; a zip bomb a thousand.
var (
	MaxUnzipBytes int64 = 256 << 20
	MaxUnzipRatio int64 = 200
)

// MaxMemberInMemory is how much of one zip member a reader keeps in memory
// before spilling to a temporary file (excelize's UnzipXMLSizeLimit).
const MaxMemberInMemory int64 = 16 << 20

// CheckZip refuses a zip whose members would expand past the limits, before
// anything is decompressed. archive/zip also refuses a member that expands
// past the size its header declares, so the declared sizes can be trusted.
func CheckZip(file string, raw []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return &model.ParseError{File: file, Msg: "a zip container (.docx/.xlsx) that is damaged or cut short: " + err.Error()}
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(MaxUnzipBytes) {
			return &model.ParseError{File: file, Msg: fmt.Sprintf("refused: its members expand to more than %d MB (at %s); a document this large is most likely a zip bomb", MaxUnzipBytes>>20, f.Name)}
		}
	}
	if len(raw) > 0 && total > uint64(MaxUnzipRatio)*uint64(len(raw)) && total > 8<<20 {
		return &model.ParseError{File: file, Msg: fmt.Sprintf("refused: %d bytes expand to %d bytes (%d×); a zip bomb, not a document", len(raw), total, total/uint64(len(raw)))}
	}
	return nil
}
