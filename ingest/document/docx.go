package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"fundscope/model"
)

// .docx: word/document.xml read with encoding/xml, by local element names so
// that Transitional and Strict OOXML read alike. Handled: paragraphs (headings
// from the paragraph style, list items and automatic numbering from
// numbering.xml), tables with gridSpan, vMerge, gridBefore/gridAfter and
// nested tables, content controls (w:sdt), hyperlinks, simple fields, inserted
// text, text boxes; deleted and moved-from text and field codes are not text.
func init() {
	RegisterDecoder(Decoder{Name: "docx", Order: 10, Sniff: func(raw []byte) bool { return zipHas(raw, "word/document.xml") }, Decode: decodeDocx})
}

// zipHas reports whether raw is a zip holding the named member.
func zipHas(raw []byte, name string) bool {
	if !bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			return true
		}
	}
	return false
}

func zipMember(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(io.LimitReader(rc, MaxUnzipBytes))
		}
	}
	return nil, nil
}

func decodeDocx(path string, raw []byte) (*Document, error) {
	if err := CheckZip(path, raw); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "not a valid .docx: " + err.Error()}
	}
	body, err := zipMember(zr, "word/document.xml")
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "cannot read word/document.xml: " + err.Error()}
	}
	numXML, _ := zipMember(zr, "word/numbering.xml")
	relsXML, _ := zipMember(zr, "word/_rels/document.xml.rels")
	r := &docxReader{doc: &Document{Path: path, Format: "docx"}, num: parseNumbering(numXML), zr: zr, rels: parseRels(relsXML)}
	dec := xml.NewDecoder(bytes.NewReader(body))
	if err := r.walkBody(dec); err != nil {
		return nil, &model.ParseError{File: path, Msg: "word/document.xml: " + err.Error()}
	}
	// Footnotes and endnotes follow the body, each paragraph located by its note.
	for _, part := range []struct{ file, elem, name string }{{"word/footnotes.xml", "footnote", "footnote"}, {"word/endnotes.xml", "endnote", "endnote"}} {
		if b, err := zipMember(zr, part.file); err == nil {
			if err := r.notes(xml.NewDecoder(bytes.NewReader(b)), part.elem, part.name); err != nil {
				return nil, &model.ParseError{File: path, Msg: part.file + ": " + err.Error()}
			}
		}
	}
	return r.doc, nil
}

type docxReader struct {
	doc        *Document
	num        *numbering
	zr         *zip.Reader
	rels       map[string]string // relationship id → target in word/
	chunks     int
	paragraphs int
	tables     int
	part       string // the note being read ("footnote 2"), "" in the body
}

// parseRels reads word/_rels/document.xml.rels: id → target.
func parseRels(b []byte) map[string]string {
	out := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			out[attr(se, "Id")] = attr(se, "Target")
		}
	}
}

// notes reads the footnotes (or endnotes) part: every note but Word's
// separators, its paragraphs as blocks located by the note's number.
func (r *docxReader) notes(dec *xml.Decoder, elem, name string) error {
	n := 0
	defer func() { r.part = "" }()
	return eachStart(dec, func(se xml.StartElement) error {
		switch se.Name.Local {
		case elem:
			if t := attr(se, "type"); t == "separator" || t == "continuationSeparator" || t == "continuationNotice" {
				return dec.Skip()
			}
			n++
			r.part = fmt.Sprintf("%s %d", name, n)
		case "p":
			r.paragraph(dec, nil)
		}
		return nil
	})
}

// altChunk splices in a chunk of another format a document embeds
// (w:altChunk: HTML, MHT or a .docx, as "paste" and generators leave them):
// its blocks take its place, located as "embedded chunk N". A chunk fundscope
// cannot read (RTF, plain text) is named in the notes, never dropped silently.
func (r *docxReader) altChunk(id string) {
	r.chunks++
	target := strings.TrimPrefix(r.rels[id], "/")
	if target == "" {
		r.doc.Notes = append(r.doc.Notes, fmt.Sprintf("embedded chunk %d: relationship %q not found, not read", r.chunks, id))
		return
	}
	if !strings.HasPrefix(target, "word/") {
		target = "word/" + target
	}
	b, err := zipMember(r.zr, target)
	if err != nil {
		r.doc.Notes = append(r.doc.Notes, fmt.Sprintf("embedded chunk %d (%s): %v, not read", r.chunks, target, err))
		return
	}
	var sub *Document
	switch head := bytes.TrimSpace(b[:min(len(b), 512)]); {
	case bytes.HasPrefix(bytes.ToUpper(head), []byte("MIME-VERSION")):
		sub, err = decodeMHT(target, b)
	case bytes.HasPrefix(head, []byte("PK")) && r.chunks < 50:
		sub, err = decodeDocx(target, b)
	case bytes.Contains(bytes.ToLower(head), []byte("<html")) || bytes.Contains(bytes.ToLower(head), []byte("<table")) || bytes.Contains(bytes.ToLower(head), []byte("<!doctype")):
		sub, err = decodeHTML(target, b)
	default:
		r.doc.Notes = append(r.doc.Notes, fmt.Sprintf("embedded chunk %d (%s) is not HTML, MHT or .docx: not read", r.chunks, target))
		return
	}
	if err != nil {
		r.doc.Notes = append(r.doc.Notes, fmt.Sprintf("embedded chunk %d (%s): %v", r.chunks, target, err))
		return
	}
	part := fmt.Sprintf("embedded chunk %d", r.chunks)
	for _, blk := range sub.Blocks {
		blk.Loc.Part = part
		if blk.Table != nil {
			r.tables++
			blk.Table.Loc.Part, blk.Table.Loc.Table = part, r.tables
			blk.Loc = blk.Table.Loc
			for _, row := range blk.Table.Rows {
				for _, c := range row {
					c.Loc.Part, c.Loc.Table = part, r.tables
				}
			}
		}
		r.doc.Blocks = append(r.doc.Blocks, blk)
	}
	r.doc.Notes = append(r.doc.Notes, sub.Notes...)
}

// walkBody reads the body's block-level content until the end of the document.
func (r *docxReader) walkBody(dec *xml.Decoder) error {
	return eachStart(dec, func(se xml.StartElement) error {
		switch se.Name.Local {
		case "altChunk":
			r.altChunk(attr(se, "id"))
		case "p":
			r.paragraph(dec, nil)
		case "tbl":
			r.tables++
			t, err := r.table(dec, Location{Table: r.tables})
			if err != nil {
				return err
			}
			r.doc.Blocks = append(r.doc.Blocks, Block{Kind: TableKind, Table: t, Loc: t.Loc})
		}
		// sdt, sdtContent, customXml, body: their children come as further tokens.
		return nil
	})
}

// eachStart calls f with every start element dec reads until the end of
// the part; f may read the element's content itself.
func eachStart(dec *xml.Decoder, f func(xml.StartElement) error) error {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := f(se); err != nil {
				return err
			}
		}
	}
}

// paragraph reads a w:p. Outside a table it becomes a block (into); inside
// a cell its text is returned for the cell.
func (r *docxReader) paragraph(dec *xml.Decoder, cell *strings.Builder) string {
	var text strings.Builder
	var style, numID, ilvl string
	var boxes []string
	depth, skip := 1, 0
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if skip > 0 {
				skip++
				continue
			}
			switch name {
			case "del", "moveFrom", "instrText", "delText", "rPrChange", "pPrChange":
				skip = 1
			case "pStyle":
				style = attr(t, "val")
			case "numId":
				numID = attr(t, "val")
			case "ilvl":
				ilvl = attr(t, "val")
			case "tab":
				text.WriteString(" ")
			case "br", "cr":
				text.WriteString("\n")
			case "txbxContent":
				boxes = append(boxes, r.textBox(dec))
				depth--
			}
		case xml.EndElement:
			depth--
			if skip > 0 {
				skip--
			}
		case xml.CharData:
			if skip == 0 {
				text.Write(t)
			}
		}
	}
	s := strings.TrimRight(text.String(), " ")
	if numID != "" && numID != "0" {
		s = r.num.next(numID, ilvl) + s
	}
	for _, b := range boxes {
		if strings.TrimSpace(b) != "" {
			s += "\n" + b
		}
	}
	if cell != nil {
		return s
	}
	r.paragraphs++
	if strings.TrimSpace(s) == "" {
		return ""
	}
	b := Block{Kind: Paragraph, Text: s, Loc: Location{Part: r.part, Paragraph: r.paragraphs}}
	if lvl, ok := headingLevel(style); ok {
		b.Kind, b.Level = Heading, lvl
	} else if numID != "" && numID != "0" {
		b.Kind = ListItem
		b.Level, _ = strconv.Atoi(ilvl)
	}
	r.doc.Blocks = append(r.doc.Blocks, b)
	return s
}

// textBox reads a w:txbxContent: its paragraphs, one per line.
func (r *docxReader) textBox(dec *xml.Decoder) string {
	var lines []string
	var cell strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "p" {
			lines = append(lines, r.paragraph(dec, &cell))
		}
		if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "txbxContent" {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// headingLevel reads heading styles: "Heading1", "heading 2", "1" (built-in ids in Chinese Word), "Title".
func headingLevel(style string) (int, bool) {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	switch {
	case s == "title":
		return 1, true
	case strings.HasPrefix(s, "heading"):
		n, err := strconv.Atoi(strings.TrimPrefix(s, "heading"))
		return n, err == nil
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9':
		return int(s[0] - '0'), true
	}
	return 0, false
}

// table reads a w:tbl into a grid: gridBefore/gridAfter shift cells, gridSpan
// widens them, vMerge="continue" extends the cell above instead of adding one.
func (r *docxReader) table(dec *xml.Decoder, loc Location) (*Table, error) {
	t := &Table{Loc: loc}
	row := -1
	col := 0
	var cur *TableCell
	var curText []string
	var vmerge, inCellProps bool
	var span int
	depth := 1
	// open[col] is the cell whose vertical merge continues in that column.
	open := map[int]*TableCell{}
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "tr":
				row++
				col = 0
				t.Rows = append(t.Rows, nil)
			case "gridBefore":
				if n, err := strconv.Atoi(attr(e, "val")); err == nil && n > 0 && cur == nil {
					col = min(col+n, MaxTableColumns)
				}
			case "tc":
				if row < 0 { // a cell outside any row: a damaged table
					row = 0
					t.Rows = append(t.Rows, nil)
				}
				cur = &TableCell{Row: row, Col: col, RowSpan: 1, ColSpan: 1}
				curText, vmerge, span, inCellProps = nil, false, 1, false
			case "tcPr":
				inCellProps = true
			case "gridSpan":
				if inCellProps {
					if n, err := strconv.Atoi(attr(e, "val")); err == nil && n > 0 {
						span = min(n, MaxTableColumns)
					}
				}
			case "vMerge":
				if inCellProps {
					v := attr(e, "val")
					vmerge = v == "" || v == "continue"
				}
			case "p":
				depth--
				curText = append(curText, r.paragraph(dec, &strings.Builder{}))
			case "tbl":
				depth--
				r.tables++
				nested, err := r.table(dec, Location{Table: r.tables})
				if err != nil {
					return nil, err
				}
				if cur != nil {
					cur.Nested = append(cur.Nested, nested)
				}
			}
		case xml.EndElement:
			depth--
			switch e.Name.Local {
			case "tcPr":
				inCellProps = false
			case "tc":
				if cur == nil {
					continue
				}
				if col >= MaxTableColumns {
					cur = nil
					continue
				}
				span = min(span, MaxTableColumns-col)
				cur.ColSpan = span
				if above := open[col]; vmerge && above != nil && above.ColSpan == span {
					above.RowSpan = row - above.Row + 1
				} else {
					cur.Text = strings.Join(curText, "\n")
					cur.Loc = Location{Table: loc.Table, Row: row + 1, Col: col + 1}
					t.Rows[row] = append(t.Rows[row], cur)
					open[col] = cur
				}
				for c := col + 1; c < col+span; c++ {
					delete(open, c)
				}
				col += span
				cur = nil
			}
		}
	}
	return t, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// numbering turns w:numPr into the number Word would print: numId → abstract
// numbering → per level format, text pattern ("%1.", "（%1）") and start.
type numbering struct {
	levels  map[string]map[string]numLevel // numId → ilvl → level
	counter map[string][]int               // numId → counts per level
}

type numLevel struct {
	format, text string
	start        int
}

func parseNumbering(b []byte) *numbering {
	n := &numbering{levels: map[string]map[string]numLevel{}, counter: map[string][]int{}}
	if len(b) == 0 {
		return n
	}
	abstract := map[string]map[string]numLevel{}
	numToAbs := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var absID, numID, lvl string
	var cur numLevel
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "lvl" && absID != "" {
				if abstract[absID] == nil {
					abstract[absID] = map[string]numLevel{}
				}
				abstract[absID][lvl] = cur
			}
			continue
		}
		switch se.Name.Local {
		case "abstractNum":
			absID, numID = attr(se, "abstractNumId"), ""
		case "num":
			numID, absID = attr(se, "numId"), ""
		case "abstractNumId":
			if numID != "" {
				numToAbs[numID] = attr(se, "val")
			}
		case "lvl":
			lvl, cur = attr(se, "ilvl"), numLevel{start: 1}
		case "start":
			cur.start, _ = strconv.Atoi(attr(se, "val"))
		case "numFmt":
			cur.format = attr(se, "val")
		case "lvlText":
			cur.text = attr(se, "val")
		}
	}
	for id, abs := range numToAbs {
		n.levels[id] = abstract[abs]
	}
	return n
}

// next is the printed number of the next paragraph of list numID at level ilvl.
func (n *numbering) next(numID, ilvl string) string {
	lv, err := strconv.Atoi(ilvl)
	if err != nil || lv < 0 || lv > 8 {
		lv = 0
	}
	levels := n.levels[numID]
	if levels == nil {
		return ""
	}
	counts := n.counter[numID]
	if len(counts) < 9 {
		counts = make([]int, 9)
	}
	cur := levels[strconv.Itoa(lv)]
	if counts[lv] == 0 {
		counts[lv] = cur.start
	} else {
		counts[lv]++
	}
	for deeper := lv + 1; deeper < 9; deeper++ {
		counts[deeper] = 0
	}
	n.counter[numID] = counts
	if cur.format == "bullet" || cur.format == "none" {
		return ""
	}
	text := cur.text
	for l := 0; l <= lv; l++ {
		format := levels[strconv.Itoa(l)].format
		if l == lv {
			format = cur.format
		}
		text = strings.ReplaceAll(text, fmt.Sprintf("%%%d", l+1), formatNumber(counts[l], format))
	}
	return text
}

var chineseDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// formatNumber prints n in a Word numbering format.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting", "chineseLegalSimplified":
		return chineseNumber(n)
	case "lowerLetter":
		return string(rune('a' + (n-1)%26))
	case "upperLetter":
		return string(rune('A' + (n-1)%26))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 1–99 as 一 … 九十九.
func chineseNumber(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return chineseDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + chineseDigits[n-10]
	case n%10 == 0:
		return chineseDigits[n/10] + "十"
	}
	return chineseDigits[n/10] + "十" + chineseDigits[n%10]
}
