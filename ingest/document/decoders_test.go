package document

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"mime/quotedprintable"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func para(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func cell(props, body string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + body + `</w:tc>`
}

// A docx table as Word writes merged cells: gridSpan across, vMerge down,
// gridBefore, a nested table, a content control around a row's cell,
// tracked changes and automatic numbering in the 序号 column.
func TestDocxTableStructure(t *testing.T) {
	numbered := `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>`
	body := `<w:document ` + wNS + `><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>购买服务目录</w:t></w:r></w:p>` +
		para(`单位：万元`) +
		`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + cell(``, para(`序号`)) + cell(``, para(`项目名称`)) + cell(``, para(`金额`)) + `</w:tr>` +
		`<w:tr>` + cell(``, numbered) + cell(`<w:vMerge w:val="restart"/>`, para(`居家养老`)+para(`第二段`)) + cell(``, para(`15`)) + `</w:tr>` +
		`<w:tr>` + cell(``, numbered) + cell(`<w:vMerge/>`, `<w:p/>`) + `<w:sdt><w:sdtContent>` + cell(``, `<w:p><w:r><w:t>2</w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:ins><w:r><w:t>0</w:t></w:r></w:ins></w:p>`) + `</w:sdtContent></w:sdt></w:tr>` +
		`<w:tr>` + cell(`<w:gridSpan w:val="2"/>`, para(`合计`)) + cell(``, para(`35`)) + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + cell(``, `<w:tbl><w:tr>`+cell(``, para(`内表`))+`</w:tr></w:tbl>`+para(`外`)) + cell(``, para(`x`)) + `</w:tr>` +
		`</w:tbl>` +
		`<w:p><w:r><w:t>注：</w:t></w:r><w:r><w:pict><w:txbxContent>` + para(`文本框`) + `</w:txbxContent></w:pict></w:r></w:p>` +
		`</w:body></w:document>`
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`
	raw := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": body, "word/numbering.xml": numbering})
	d, err := Open("t.docx", raw)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "docx" || len(d.Blocks) != 4 {
		t.Fatalf("format %s, %d blocks: %+v", d.Format, len(d.Blocks), d.Blocks)
	}
	if d.Blocks[0].Kind != Heading || d.Blocks[0].Text != "购买服务目录" {
		t.Errorf("heading: %+v", d.Blocks[0])
	}
	if d.Blocks[3].Text != "注：\n文本框" {
		t.Errorf("text box: %q", d.Blocks[3].Text)
	}
	tb := d.Blocks[2].Table
	got := func(r, i int) *TableCell { return tb.Rows[r][i] }
	if got(1, 0).Text != "1" || got(2, 0).Text != "2" {
		t.Errorf("automatic numbering: %q %q", got(1, 0).Text, got(2, 0).Text)
	}
	if c := got(1, 1); c.RowSpan != 2 || c.Text != "居家养老\n第二段" {
		t.Errorf("vMerge: %+v", c)
	}
	if len(tb.Rows[2]) != 2 || got(2, 1).Text != "20" || got(2, 1).Col != 2 {
		t.Errorf("row under a vertical merge, sdt and tracked changes: %+v %+v", tb.Rows[2][0], tb.Rows[2][1])
	}
	if c := got(3, 0); c.ColSpan != 2 || got(3, 1).Col != 2 {
		t.Errorf("gridSpan: %+v", c)
	}
	if c := got(4, 0); c.Col != 1 || len(c.Nested) != 1 || c.Nested[0].Rows[0][0].Text != "内表" || c.Text != "外" {
		t.Errorf("gridBefore and nested table: %+v", c)
	}
	if got(1, 1).Loc.String() != "table 1 row 2 col 2" {
		t.Errorf("location: %s", got(1, 1).Loc)
	}
	// Rendered as Word's text extraction gives it: the merged cell below is blank.
	r := d.Render(Cells)
	text := strings.Join(r.Lines, "\n")
	for _, want := range []string{"\n\t1\n\t居家养老\n第二段\n\t15\n", "\n\t2\n\t\n\t20\n", "\n\t合计\n\t35\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered cells lack %q:\n%s", want, text)
		}
	}
	if len(r.Lines) != len(r.LineLocs) {
		t.Fatal("a rendered line without a location")
	}
	tsv := strings.Join(d.Render(TSV).Lines, "\n")
	if !strings.Contains(tsv, "1\t居家养老 第二段\t15\n2\t\t20\n合计\t35") {
		t.Errorf("rendered TSV:\n%s", tsv)
	}
}

// Strict OOXML uses another namespace; elements are read by local name.
func TestDocxStrictNamespace(t *testing.T) {
	body := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` + para("严格") + `</w:body></w:document>`
	d, err := Open("s.docx", zipOf(t, map[string]string{"word/document.xml": body}))
	if err != nil || len(d.Blocks) != 1 || d.Blocks[0].Text != "严格" {
		t.Fatalf("%v %+v", err, d)
	}
}

// HTML: rowspan and colspan by the table-slot algorithm, <br> inside cells,
// and a GBK page with no charset declared.
func TestHTMLTablesAndCharset(t *testing.T) {
	page := `<html><body><h2>公示</h2><p>现将 <b>结果</b> 公示如下：</p>
<table><tr><th>序号</th><th>项目</th><th>金额（万元）</th></tr>
<tr><td rowspan="2">1</td><td>甲<br>说明</td><td>5</td></tr>
<tr><td>乙</td><td>6</td></tr>
<tr><td colspan="2">合计</td><td>11</td></tr></table><p>尾注</p></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range [][]byte{[]byte(page), gbk} {
		d, err := Open("p.html", raw)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Blocks) != 4 || d.Blocks[0].Kind != Heading || d.Blocks[1].Text != "现将 结果 公示如下：" {
			t.Fatalf("%s: blocks %+v", d.Encoding, d.Blocks)
		}
		tb := d.Blocks[2].Table
		if tb.Rows[1][0].RowSpan != 2 || tb.Rows[2][0].Col != 1 || tb.Rows[2][0].Text != "乙" || tb.Rows[3][0].ColSpan != 2 || tb.Rows[1][1].Text != "甲\n说明" {
			t.Errorf("%s: table %+v %+v %+v", d.Encoding, tb.Rows[1], tb.Rows[2], tb.Rows[3])
		}
	}
	if d, _ := Open("p.html", gbk); d.Encoding != "gb18030" {
		t.Errorf("GBK without a charset read as %s", d.Encoding)
	}
}

// xlsx: merged ranges, a formula's cached value, a hidden sheet noted, the
// title row before the table as a paragraph.
func TestXLSXSheets(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "2024年项目表")
	f.SetSheetRow("Sheet1", "A2", &[]any{"序号", "项目", "金额"})
	f.SetSheetRow("Sheet1", "A3", &[]any{1, "甲", 9.577})
	f.SetSheetRow("Sheet1", "A4", &[]any{2, "乙", 5})
	f.SetCellFormula("Sheet1", "C5", "SUM(C3:C4)")
	f.SetCellValue("Sheet1", "C5", 14.577)
	f.SetCellStr("Sheet1", "A5", "合计")
	f.MergeCell("Sheet1", "A5", "B5")
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	f.SetCellStyle("Sheet1", "C3", "C5", style)
	f.NewSheet("hidden")
	f.SetCellStr("hidden", "A1", "x")
	f.SetSheetVisible("hidden", false)
	var buf bytes.Buffer
	f.Write(&buf)
	d, err := Open("w.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks[0].Kind != Paragraph || d.Blocks[0].Text != "2024年项目表" {
		t.Errorf("title: %+v", d.Blocks[0])
	}
	tb := d.Blocks[1].Table
	if tb.Rows[1][2].Text != "9.577" {
		t.Errorf("raw value under a 0.00 format: %q", tb.Rows[1][2].Text)
	}
	if tb.Rows[3][0].ColSpan != 2 || tb.Rows[3][1].Text != "14.577" || tb.Rows[3][1].Loc.String() != "sheet Sheet1 C5" {
		t.Errorf("merge and formula: %+v %+v", tb.Rows[3][0], tb.Rows[3][1])
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "hidden") {
		t.Errorf("hidden sheet not noted: %v", d.Notes)
	}
	// a rendered row is located by its cell range, as the spreadsheet names it
	r := d.Render(TSV)
	if got := r.LocationOf(3, 3); got != "sheet Sheet1 A3:C3" {
		t.Errorf("row location %q, want sheet Sheet1 A3:C3", got)
	}
}

// The bytes decide the format, never the name; what cannot be read is named.
func TestSniffingAndRefusals(t *testing.T) {
	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"catalog.docx", []byte("序号\t项目\n1\t甲\n"), "format text"},
		{"notes.txt", []byte("From: 民政局\n序号\t项目\n"), "format text"},
		{"catalog.xls", []byte("<html><table><tr><td>1</td></tr></table></html>"), "format html"},
		{"catalog.txt", []byte("%PDF-1.7\n..."), "not a readable PDF"},
		{"catalog.docx", zipOf(t, map[string]string{"other.xml": "x"}), "neither .docx, .xlsx"},
		{"secret.docx", oleWith(t, "EncryptedPackage"), "password-protected"},
		{"empty.docx", nil, "empty"},
	}
	for _, c := range cases {
		d, err := Open(c.name, c.raw)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = "format " + d.Format
		}
		if !strings.Contains(got, c.want) || (err != nil && !strings.Contains(got, c.name)) {
			t.Errorf("%s: got %q, want %q naming the file", c.name, got, c.want)
		}
	}
}

// oleWith builds a minimal OLE2 compound file (one FAT sector, one directory
// sector) holding one empty stream of the given name.
func oleWith(t *testing.T, stream string) []byte {
	t.Helper()
	le32 := func(b []byte, off int, v uint32) {
		b[off], b[off+1], b[off+2], b[off+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	le16 := func(b []byte, off int, v uint16) { b[off], b[off+1] = byte(v), byte(v>>8) }
	const end, free, fatSect, noStream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
	out := make([]byte, 512*3)
	h := out[:512]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le16(h, 24, 0x3E)
	le16(h, 26, 3)
	le16(h, 28, 0xFFFE)
	le16(h, 30, 9)
	le16(h, 32, 6)
	le32(h, 44, 1)      // FAT sectors
	le32(h, 48, 1)      // first directory sector
	le32(h, 56, 0x1000) // mini stream cutoff
	le32(h, 60, end)
	le32(h, 68, end)
	le32(h, 76, 0) // DIFAT[0]: the FAT is sector 0
	for i := 1; i < 109; i++ {
		le32(h, 76+4*i, free)
	}
	fat := out[512:1024]
	for i := 0; i < 128; i++ {
		le32(fat, 4*i, free)
	}
	le32(fat, 0, fatSect)
	le32(fat, 4, end)
	dir := out[1024:]
	entry := func(i int, name string, typ byte, child uint32) {
		e := dir[128*i : 128*(i+1)]
		u := []rune(name)
		for k, r := range u {
			le16(e, 2*k, uint16(r))
		}
		if name != "" {
			le16(e, 64, uint16(2*(len(u)+1)))
		}
		e[66], e[67] = typ, 1
		le32(e, 68, noStream)
		le32(e, 72, noStream)
		le32(e, 76, child)
		le32(e, 116, end)
	}
	entry(0, "Root Entry", 5, 1)
	entry(1, stream, 2, noStream)
	entry(2, "", 0, noStream)
	entry(3, "", 0, noStream)
	return out
}

// A page saved as .mht (quoted-printable, GBK declared in the part header)
// reads like the page itself.
func TestMHT(t *testing.T) {
	page := `<html><body><p>公示</p><table><tr><td>序号</td><td>金额</td></tr><tr><td>1</td><td>5</td></tr></table></body></html>`
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(gbk)
	w.Close()
	raw := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"XX\"\r\n\r\n--XX\r\nContent-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String() + "\r\n--XX--\r\n"
	d, err := Open("page.mht", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "mht" || len(d.Blocks) != 2 || d.Blocks[0].Text != "公示" || d.Blocks[1].Table.Rows[1][1].Text != "5" {
		t.Fatalf("%s %+v", d.Format, d.Blocks)
	}
}

// A damaged .docx is refused naming the file, never read as empty.
func TestCorruptDocx(t *testing.T) {
	raw := zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>cut`})
	if _, err := Open("broken.docx", raw); err == nil || !strings.Contains(err.Error(), "broken.docx") {
		t.Fatalf("want an error naming broken.docx, got %v", err)
	}
}

// Spans and merges are bounded by the table: a hostile rowspan, colspan,
// gridSpan or merged range cannot make a grid of billions of slots.
func TestHostileSpansAreBounded(t *testing.T) {
	start := time.Now()
	page := `<table><tr><td rowspan="65534" colspan="1000">a</td><td colspan="1000">b</td></tr><tr><td>c</td></tr></table>`
	d, err := Open("span.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	d.Render(Cells)
	if c := d.Blocks[0].Table.Rows[0][0]; c.RowSpan != 2 || c.ColSpan != 1000 {
		t.Errorf("spans not cut to the table: %+v", c)
	}
	body := `<w:document ` + wNS + `><w:body><w:tbl><w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>` + cell(`<w:gridSpan w:val="2000000000"/>`, para("x")) + `</w:tr></w:tbl></w:body></w:document>`
	if d, err := Open("span.docx", zipOf(t, map[string]string{"word/document.xml": body})); err == nil {
		d.Render(TSV)
	}
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "x")
	f.SetCellStr("Sheet1", "B1", "y")
	f.MergeCell("Sheet1", "A2", "B3")
	var buf bytes.Buffer
	f.Write(&buf)
	// Widen the merge to the whole sheet in the XML (excelize would fill it cell by cell).
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	files := map[string]string{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[zf.Name] = strings.ReplaceAll(string(b), `ref="A2:B3"`, `ref="A2:XFD1048576"`)
	}
	if !strings.Contains(files["xl/worksheets/sheet1.xml"], "XFD1048576") {
		t.Fatal("could not widen the merge")
	}
	if d, err := Open("merge.xlsx", zipOf(t, files)); err == nil {
		d.Render(Cells)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("hostile spans took %s", el)
	}
}

// minimalPDF writes a PDF of n empty pages (no text layer: as a scan reads).
func minimalPDF(n int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	b.WriteString("%PDF-1.4\n")
	kids := ""
	for i := 0; i < n; i++ {
		kids += fmt.Sprintf("%d 0 R ", 3+i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	for i := 0; i < n; i++ {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// A PDF with no text layer is refused naming the file and saying why; one
// with more pages than fundscope reads is refused before anything is read.
func TestPDFScansAndPageLimit(t *testing.T) {
	if _, err := Open("scan.pdf", minimalPDF(3)); err == nil || !strings.Contains(err.Error(), "scan.pdf") || !strings.Contains(err.Error(), "no text layer on any of its 3 pages") {
		t.Errorf("scanned PDF: %v", err)
	}
	old := MaxPDFPages
	MaxPDFPages = 2
	defer func() { MaxPDFPages = old }()
	if _, err := Open("long.pdf", minimalPDF(3)); err == nil || !strings.Contains(err.Error(), "3 pages, more than the 2") {
		t.Errorf("page limit: %v", err)
	}
	if _, err := Open("cut.pdf", []byte("%PDF-1.4\n1 0 obj")); err == nil || !strings.Contains(err.Error(), "cut.pdf") {
		t.Errorf("damaged PDF: %v", err)
	}
}

// Ruling lines become a grid; a missing rule inside it merges cells; words
// fall into the cell that holds their centre; wrapped Chinese lines join
// without a space and a list marker starts a new paragraph.
func TestLatticeFromRules(t *testing.T) {
	svg := `<svg><defs><symbol><path style="stroke:none;" d="M 0 0 L 5 5"/></symbol></defs>` +
		// outer box 0..200 × 0..60, a row rule at y=30, column rules at x=100 only in the first row
		`<path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 0 0 L 200 0 L 200 60 L 0 60 Z"/>` +
		`<path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 0 30 L 200 30"/>` +
		`<path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 100 0 L 100 30"/></svg>`
	grids := lattice(svgRules(svg))
	if len(grids) != 1 || len(grids[0].xs) != 3 || len(grids[0].ys) != 3 {
		t.Fatalf("grids: %+v", grids)
	}
	words := []pdfWord{
		{x0: 10, y0: 5, x1: 40, y1: 15, text: "序号"}, {x0: 110, y0: 5, x1: 190, y1: 15, text: "项目名"},
		{x0: 110, y0: 16, x1: 130, y1: 26, text: "称"},
		{x0: 10, y0: 35, x1: 150, y1: 45, text: "1.甲项目"}, {x0: 10, y0: 46, x1: 150, y1: 56, text: "2.乙项目"},
	}
	tb := grids[0].table(words, Location{Page: 1, Table: 1}, 0)
	if len(tb.Rows[0]) != 2 || tb.Rows[0][1].Text != "项目名称" {
		t.Errorf("first row: %+v %+v", tb.Rows[0][0], tb.Rows[0][1])
	}
	if len(tb.Rows[1]) != 1 || tb.Rows[1][0].ColSpan != 2 || tb.Rows[1][0].Text != "1.甲项目\n2.乙项目" {
		t.Errorf("merged second row: %+v", tb.Rows[1])
	}
}

// A row a page break split is joined back; a new row or sub-row that starts
// a page is not.
func TestPDFSplitRows(t *testing.T) {
	row := func(texts ...string) []*TableCell {
		var r []*TableCell
		for i, s := range texts {
			r = append(r, &TableCell{Text: s, Col: i, ColSpan: 1})
		}
		return r
	}
	cases := []struct {
		above, first []string
		join         bool
	}{
		{[]string{"", "", "全市性婚姻", "1.项目完成"}, []string{"", "", "家庭辅导培训", "截止时间为10月"}, true}, // a sub-row split mid-sentence
		{[]string{"", "", "宣传。", "完成。"}, []string{"", "", "1.指导社会组织", "1.项目完成"}, false},     // a new sub-row starts with a list
		{[]string{"项目最高资助资金", "20"}, []string{"（万元）", ""}, true},                            // the label wrapped onto the next page
		{[]string{"项目实施区域", "杭州市"}, []string{"项目周期", "2024年6月"}, false},                     // every cell filled: a new row
		{[]string{"1", "甲项目", "内容。"}, []string{"2", "乙项目", "内容"}, false},                    // a numbered row
	}
	for _, c := range cases {
		prev, next := &Table{Rows: [][]*TableCell{row(c.above...)}}, &Table{Rows: [][]*TableCell{row(c.first...)}}
		mergeSplitRow(prev, next)
		if joined := len(next.Rows) == 0; joined != c.join {
			t.Errorf("%q then %q: joined %v, want %v", c.above, c.first, joined, c.join)
		}
	}
}

// An HTML chunk a .docx embeds (w:altChunk) is read in its place; footnotes
// follow the body, located by their note; a chunk of a format fundscope does
// not read is named in the notes.
func TestDocxAltChunkAndFootnotes(t *testing.T) {
	body := `<w:document ` + wNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		para("前言") + `<w:altChunk r:id="rChunk"/>` + para("结尾") + `<w:altChunk r:id="rRtf"/></w:body></w:document>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/>` +
		`<Relationship Id="rRtf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/chunk2.rtf"/></Relationships>`
	notes := `<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1">` + para("注：含结转资金5万元") + `</w:footnote></w:footnotes>`
	raw := zipOf(t, map[string]string{
		"word/document.xml":            body,
		"word/_rels/document.xml.rels": rels,
		"word/afchunk.htm":             `<html><body><p>项目名单</p><table><tr><td>序号</td><td>金额</td></tr><tr><td>1</td><td>10万元</td></tr></table></body></html>`,
		"word/chunk2.rtf":              `{\rtf1 hidden}`,
		"word/footnotes.xml":           notes,
	})
	d, err := Open("chunk.docx", raw)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		if b.Table != nil {
			got = append(got, fmt.Sprintf("table@%s:%s", b.Loc, b.Table.Rows[1][1].Text))
		} else {
			got = append(got, b.Text+"@"+b.Loc.String())
		}
	}
	want := "前言@paragraph 1|项目名单@embedded chunk 1 paragraph 1|table@embedded chunk 1 table 1:10万元|结尾@paragraph 2|注：含结转资金5万元@footnote 1 paragraph 3"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("blocks:\n got %s\nwant %s", s, want)
	}
	if !strings.Contains(strings.Join(d.Notes, "\n"), "embedded chunk 2 (word/chunk2.rtf) is not HTML, MHT or .docx: not read") {
		t.Errorf("notes %v", d.Notes)
	}
}

// A table without rules is read from the alignment of its words under a
// header band: a header cell wrapped over lines, a row whose 序号 sits in
// the middle of its lines, rows one line each, and the paragraph after it.
func TestPDFStreamTable(t *testing.T) {
	w := func(x0, y0 float64, s string) pdfWord {
		return pdfWord{x0: x0, y0: y0, x1: x0 + 12*float64(utf8.RuneCountInString(s)), y1: y0 + 12, text: s}
	}
	words := []pdfWord{
		w(60, 100, "项目汇总表"),
		w(400, 130, "金额"),
		w(40, 145, "序号"), w(80, 145, "项目名称"), w(200, 145, "承接单位"), w(400, 145, "（万元）"),
		// a row of three lines, its 序号 and amount centred
		w(80, 180, "社区养老"), w(200, 180, "甲社会工作"),
		w(40, 194, "1"), w(80, 194, "服务项目"), w(200, 194, "服务中心"), w(400, 194, "12.5"),
		w(200, 208, "（试点）"),
		// two rows one line each, no space between
		w(40, 240, "2"), w(80, 240, "助残服务"), w(200, 240, "乙协会"), w(400, 240, "8"),
		w(40, 254, "3"), w(80, 254, "儿童关爱"), w(200, 254, "丙中心"), w(400, 254, "6"),
		// text across the page ends the table
		w(40, 300, "以上项目资金由区财政统一拨付，请各单位按时完成。"),
	}
	tables := 0
	found, rest := streamTables(lines(words), 1, &tables, nil)
	if len(found) != 1 {
		t.Fatalf("%d tables", len(found))
	}
	var got []string
	for _, r := range found[0].table.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, c.Text)
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := "序号|项目名称|承接单位|金额（万元）;1|社区养老服务项目|甲社会工作服务中心（试点）|12.5;2|助残服务|乙协会|8;3|儿童关爱|丙中心|6"
	if s := strings.Join(got, ";"); s != want {
		t.Errorf("rows:\n got %s\nwant %s", s, want)
	}
	if len(rest) != 2 || rest[0][0].text != "项目汇总表" || !strings.HasPrefix(rest[1][0].text, "以上项目") {
		t.Errorf("text left: %v", rest)
	}
}
