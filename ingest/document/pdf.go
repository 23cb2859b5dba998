package document

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fundscope/model"
)

// PDF with a text layer, read with poppler-utils: the words with their boxes
// (pdftotext -tsv, which also groups them into lines and paragraphs) and the
// ruling lines of each page (pdftocairo -svg). Tables are built from the
// rules (lattice): the rule positions give the grid, a missing rule inside it
// a merged cell; words fall into the cell that holds their centre. A table
// that goes on at the top of the next page with the same columns is one
// table. Words outside tables are paragraphs. A cell's wrapped lines are
// joined without a space between Chinese characters; a line that starts
// with a list marker (1. 一、 （一）) starts a new paragraph of the cell.
// Pages without text (scans) are named; a document without any is refused.
// Tables without rules are read from the alignment of their words under a
// header band (pdfstream.go).
func init() {
	RegisterDecoder(Decoder{Name: "pdf", Order: 4, Sniff: func(raw []byte) bool { return bytes.HasPrefix(raw, []byte("%PDF-")) }, Decode: decodePDF})
}

// MaxPDFPages bounds the pages fundscope reads from one PDF.
var MaxPDFPages = 2000

type pdfWord struct {
	page, par, block, line int
	x0, y0, x1, y1         float64
	text                   string
}

func (w pdfWord) cx() float64 { return (w.x0 + w.x1) / 2 }
func (w pdfWord) cy() float64 { return (w.y0 + w.y1) / 2 }

func decodePDF(path string, raw []byte) (*Document, error) {
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftocairo"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, &model.ParseError{File: path, Msg: "reading PDF needs poppler-utils, which is not installed: apt-get install poppler-utils (Debian)"}
		}
	}
	work, err := os.MkdirTemp("", "fundscope-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	in := filepath.Join(work, "in.pdf")
	if err := os.WriteFile(in, raw, 0o600); err != nil {
		return nil, err
	}
	info, err := runTool(2*time.Minute, "pdfinfo", in)
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "not a readable PDF: " + firstLineOf(err.Error())}
	}
	if m := regexp.MustCompile(`(?m)^Encrypted:\s+yes`).FindString(info); m != "" && strings.Contains(info, "print:no") {
		return nil, &model.ParseError{File: path, Msg: "the PDF is encrypted against copying text"}
	}
	pages := 0
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info); m != nil {
		pages, _ = strconv.Atoi(m[1])
	}
	if pages > MaxPDFPages {
		return nil, &model.ParseError{File: path, Msg: fmt.Sprintf("%d pages, more than the %d fundscope reads from one PDF: split it (e.g. pdfseparate) and read the parts with the tables", pages, MaxPDFPages)}
	}
	tsv, err := runTool(5*time.Minute, "pdftotext", "-tsv", "-enc", "UTF-8", in, "-")
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "pdftotext could not read the text layer: " + firstLineOf(err.Error())}
	}
	words := parsePDFWords(tsv)
	byPage := map[int][]pdfWord{}
	for _, w := range words {
		byPage[w.page] = append(byPage[w.page], w)
	}
	doc := &Document{Path: path, Format: "pdf"}
	var scans []string
	for p := 1; p <= pages; p++ {
		if len(byPage[p]) == 0 {
			scans = append(scans, strconv.Itoa(p))
		}
	}
	if len(words) == 0 {
		return nil, &model.ParseError{File: path, Msg: fmt.Sprintf("no text layer on any of its %d pages: a scan; fundscope does not read scanned pages (no OCR), ask for the .docx/.xlsx or enter it with `fundscope template`", pages)}
	}
	if len(scans) > 0 {
		doc.Notes = append(doc.Notes, "pages without text (scans?), not read: "+strings.Join(scans, ", "))
	}
	lay := &pdfLayout{doc: doc}
	// The drawing of every page in one pdftocairo run (an SVG 1.2 pageSet,
	// a <page> per page): one process for the document, not one per page.
	var perPage []string
	if pages > 1 && pdfDrawingInOneRun {
		if all, err := runTool(5*time.Minute, "pdftocairo", "-svg", in, "-"); err == nil {
			if parts := svgPages(all); len(parts) == pages {
				perPage = parts
			}
		}
	}
	for p := 1; p <= pages; p++ {
		pw := byPage[p]
		if len(pw) == 0 {
			continue
		}
		var svg string
		if perPage != nil {
			svg = perPage[p-1]
		} else {
			if svg, err = runTool(time.Minute, "pdftocairo", "-svg", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), in, "-"); err != nil {
				return nil, &model.ParseError{File: path, Msg: fmt.Sprintf("page %d: pdftocairo: %s", p, firstLineOf(err.Error()))}
			}
		}
		lay.page(p, pw, svg)
	}
	return doc, nil
}

// pdfDrawingInOneRun: the pages' drawing from one pdftocairo run (a test
// compares it with one run per page).
var pdfDrawingInOneRun = true

// svgPages splits a multi-page SVG (pdftocairo's <pageSet>) into the
// drawing of each page; nil when it has no pages.
func svgPages(svg string) []string {
	var out []string
	for {
		i := strings.Index(svg, "<page>")
		if i < 0 {
			return out
		}
		svg = svg[i+len("<page>"):]
		j := strings.Index(svg, "</page>")
		if j < 0 {
			return nil
		}
		out = append(out, svg[:j])
		svg = svg[j+len("</page>"):]
	}
}

func runTool(limit time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("%s did not finish within %s", name, limit)
		}
		return "", fmt.Errorf("%s: %v %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// parsePDFWords reads the words (level 5) of pdftotext -tsv.
func parsePDFWords(tsv string) []pdfWord {
	var out []pdfWord
	sc := bufio.NewScanner(strings.NewReader(tsv))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		n := func(i int) int { v, _ := strconv.Atoi(f[i]); return v }
		x := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		w := pdfWord{page: n(1), par: n(2), block: n(3), line: n(4), x0: x(6), y0: x(7), text: strings.Join(f[11:], "\t")}
		w.x1, w.y1 = w.x0+x(8), w.y0+x(9)
		if strings.TrimSpace(w.text) != "" {
			out = append(out, w)
		}
	}
	return out
}

// lines groups words into text lines by vertical overlap (glyph tops of
// Chinese and Latin text differ, so rounding the top would split a line),
// each line's words left to right.
func lines(ws []pdfWord) [][]pdfWord {
	sorted := append([]pdfWord(nil), ws...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y0 < sorted[j].y0 })
	var out [][]pdfWord
	for _, w := range sorted {
		placed := false
		for i := range out {
			l := out[i]
			top, bot := l[0].y0, l[0].y1
			for _, o := range l {
				top, bot = min(top, o.y0), max(bot, o.y1)
			}
			overlap := min(bot, w.y1) - max(top, w.y0)
			if overlap > 0.5*min(bot-top, w.y1-w.y0) {
				out[i] = append(out[i], w)
				placed = true
				break
			}
		}
		if !placed {
			out = append(out, []pdfWord{w})
		}
	}
	for _, l := range out {
		sort.SliceStable(l, func(i, j int) bool { return l[i].x0 < l[j].x0 })
	}
	return out
}

type pdfPara struct {
	text string
	top  float64
}

// paragraphs splits a page's lines of running text where a line ends short
// of the right margin (the page's, or the furthest these lines reach), the
// next line is indented or starts a list item, or the gap between lines is
// larger than a line.
func paragraphs(ls [][]pdfWord, margin float64) []pdfPara {
	if len(ls) == 0 {
		return nil
	}
	left, right, height := ls[0][0].x0, 0.0, 0.0
	var heights []float64
	for _, l := range ls {
		left, right = min(left, l[0].x0), max(right, l[len(l)-1].x1)
		heights = append(heights, l[0].y1-l[0].y0)
	}
	sort.Float64s(heights)
	height = heights[len(heights)/2]
	right = max(right, margin-0.5*height)
	var out []pdfPara
	var cur [][]pdfWord
	flush := func() {
		if len(cur) > 0 {
			out = append(out, pdfPara{strings.Join(joinLines(cur, 0), "\n"), cur[0][0].y0})
			cur = nil
		}
	}
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			gap := l[0].y0 - prev[0].y1
			endsShort := prev[len(prev)-1].x1 < right-1.5*height
			indented := l[0].x0 > left+1.5*height
			if endsShort || indented || gap > 1.2*height {
				flush()
			}
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

var listMarkerRe = regexp.MustCompile(`^(\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)`)

// joinLines makes paragraphs of wrapped lines: a line goes on the previous
// one (no space between Chinese characters, a space between Latin words),
// unless it starts with a list marker, or — inside a table cell whose right
// edge is right (0 elsewhere) — the previous line stopped short of that edge
// by more than two characters: a paragraph ended there (97 / 项目编号：…).
func joinLines(ls [][]pdfWord, right float64) []string {
	var paras []string
	short := false
	for _, l := range ls {
		ended := short
		if n := len(l); n > 0 {
			short = right > 0 && l[n-1].x1 < right-2*(l[n-1].y1-l[n-1].y0)
		}
		var b strings.Builder
		for i, w := range l {
			if i > 0 && w.x0-l[i-1].x1 > 0.3*(w.y1-w.y0) {
				b.WriteString(" ")
			}
			b.WriteString(w.text)
		}
		text := b.String()
		if len(paras) == 0 || ended || listMarkerRe.MatchString(text) {
			paras = append(paras, text)
			continue
		}
		prev := paras[len(paras)-1]
		if latinEnd(prev) && latinStart(text) {
			prev += " "
		}
		paras[len(paras)-1] = prev + text
	}
	return paras
}

func latinEnd(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[len(r)-1] < 128 && (unicode.IsLetter(r[len(r)-1]) || unicode.IsDigit(r[len(r)-1]))
}

func latinStart(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[0] < 128 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0]))
}

// segment is a ruling line: horizontal (y0 == y1) or vertical (x0 == x1).
type segment struct{ x0, y0, x1, y1 float64 }

func (s segment) horizontal() bool { return abs(s.y0-s.y1) < 0.6 && abs(s.x1-s.x0) > 2 }
func (s segment) vertical() bool   { return abs(s.x0-s.x1) < 0.6 && abs(s.y1-s.y0) > 2 }

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

var (
	svgPathRe   = regexp.MustCompile(`<path ([^>]*)/?>`)
	svgAttrRe   = regexp.MustCompile(`(\w[\w-]*)="([^"]*)"`)
	svgMatrixRe = regexp.MustCompile(`matrix\(([^)]*)\)`)
	svgTokenRe  = regexp.MustCompile(`[MLHVZmlhvzC]|-?\d*\.?\d+(?:e-?\d+)?`)
)

// svgRules reads the stroked straight lines and thin filled rectangles of a
// page (outside the glyph definitions) in page coordinates, y downward.
func svgRules(svg string) []segment {
	if i := strings.LastIndex(svg, "</defs>"); i >= 0 {
		svg = svg[i:]
	}
	var out []segment
	for _, m := range svgPathRe.FindAllStringSubmatch(svg, -1) {
		attrs := map[string]string{}
		for _, a := range svgAttrRe.FindAllStringSubmatch(m[1], -1) {
			attrs[a[1]] = a[2]
		}
		style := attrs["style"]
		stroked := strings.Contains(style, "stroke:rgb") || strings.Contains(style, "stroke:#")
		filled := !strings.Contains(style, "fill:none")
		mx := [6]float64{1, 0, 0, 1, 0, 0}
		if t := svgMatrixRe.FindStringSubmatch(attrs["transform"]); t != nil {
			for i, v := range strings.FieldsFunc(t[1], func(r rune) bool { return r == ',' || r == ' ' }) {
				if i < 6 {
					mx[i], _ = strconv.ParseFloat(v, 64)
				}
			}
		}
		tr := func(x, y float64) (float64, float64) { return mx[0]*x + mx[2]*y + mx[4], mx[1]*x + mx[3]*y + mx[5] }
		toks := svgTokenRe.FindAllString(attrs["d"], -1)
		var pts [][2]float64
		var cmd string
		var cx, cy float64
		flush := func() {
			if stroked {
				for i := 1; i < len(pts); i++ {
					out = append(out, segment{pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1]})
				}
			} else if filled && len(pts) >= 4 {
				// a thin filled rectangle drawn as a rule
				x0, y0, x1, y1 := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
				for _, p := range pts {
					x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
				}
				switch {
				case y1-y0 < 2 && x1-x0 > 4:
					out = append(out, segment{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
				case x1-x0 < 2 && y1-y0 > 4:
					out = append(out, segment{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
				}
			}
			pts = nil
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			num := func() float64 {
				if i+1 < len(toks) {
					i++
					v, _ := strconv.ParseFloat(toks[i], 64)
					return v
				}
				return 0
			}
			switch t {
			case "M":
				flush()
				cx, cy = num(), num()
				x, y := tr(cx, cy)
				pts = append(pts, [2]float64{x, y})
				cmd = "L"
				continue
			case "L":
				cmd = "L"
				cx, cy = num(), num()
			case "H":
				cmd = "H"
				cx = num()
			case "V":
				cmd = "V"
				cy = num()
			case "Z", "z":
				if len(pts) > 0 {
					pts = append(pts, pts[0])
				}
				continue
			case "C", "m", "l", "h", "v":
				pts = nil // curves and relative paths are not rules here
				cmd = ""
				continue
			default:
				v, _ := strconv.ParseFloat(t, 64)
				switch cmd {
				case "L":
					cx = v
					cy = num()
				case "H":
					cx = v
				case "V":
					cy = v
				default:
					continue
				}
			}
			x, y := tr(cx, cy)
			pts = append(pts, [2]float64{x, y})
		}
		flush()
	}
	return out
}

// grid is one ruled table of a page.
type grid struct {
	xs, ys []float64
	h, v   []segment
}

func (g grid) contains(x, y float64) bool {
	return x > g.xs[0] && x < g.xs[len(g.xs)-1] && y > g.ys[0] && y < g.ys[len(g.ys)-1]
}

// continues reports whether this grid, first on its page with no text above
// it, goes on with the table that ended the page before.
func (g grid) continues(last *Table, pw []pdfWord, used []bool) bool {
	// The same left edge (a ragged row may widen the table on one page only),
	// and nothing printed above it on the page.
	if len(last.cols) < 2 || abs(g.xs[0]-last.cols[0]) > 2 {
		return false
	}
	for i, w := range pw {
		if !used[i] && w.cy() < g.ys[0] { // its middle: a word box can reach below the rule under it
			return false
		}
	}
	return true
}

// mergeSplitRow joins the first row of a table's continuation to the last
// row of the page before when the page break split that row: the row's
// identifying cells on the left (序号, 编号, name) are empty in the
// continuation, whose first filled cell comes later than the row above's,
// and both rows have the same cells. (A sub-row that happens to start a page
// is joined too; its text still reads in order.)
func mergeSplitRow(prev, next *Table) {
	if len(prev.Rows) == 0 || len(next.Rows) == 0 {
		return
	}
	above, first := prev.Rows[len(prev.Rows)-1], next.Rows[0]
	if len(above) == 0 || len(above) != len(first) || firstFilled(first) <= firstFilled(above) && !midSentence(above, first) {
		return
	}
	for i, c := range first {
		if c.Col != above[i].Col || c.ColSpan != above[i].ColSpan {
			return
		}
	}
	for i, c := range first {
		a := above[i]
		switch {
		case c.Text == "":
		case a.Text == "" || listMarkerRe.MatchString(c.Text):
			a.Text = strings.TrimPrefix(a.Text+"\n"+c.Text, "\n")
		case latinEnd(a.Text) && latinStart(c.Text):
			a.Text += " " + c.Text
		default:
			a.Text += c.Text
		}
		a.Loc.RowEnd = c.Loc.Row
	}
	next.Rows = next.Rows[1:]
	for _, row := range next.Rows {
		for _, c := range row {
			c.Row--
			c.Loc.Row--
		}
	}
}

// midSentence reports whether a row that starts a page goes on with the
// text of the row that ended the page before (a row or sub-row the page
// break split): it leaves its first cell (序号) empty, or a cell the row
// above filled (a short cell that ended on the page before); every cell it
// fills continues a cell above that stops mid-sentence (no 。；：!? at its
// end); and none of them starts a list (1. 一、), as the first line of a
// new sub-row does.
func midSentence(above, first []*TableCell) bool {
	finished := false
	for i, c := range first {
		if strings.TrimSpace(c.Text) == "" && (i == 0 || strings.TrimSpace(above[i].Text) != "") {
			finished = true
		}
	}
	if !finished {
		return false
	}
	n := 0
	for i, c := range first {
		t := strings.TrimSpace(c.Text)
		if t == "" {
			continue
		}
		a := strings.TrimSpace(above[i].Text)
		if a == "" || listMarkerRe.MatchString(t) || strings.ContainsAny(lastRune(a), "。；;：:！!？?") {
			return false
		}
		n++
	}
	return n > 0
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// firstFilled is the index of the first cell with text (len when none).
func firstFilled(row []*TableCell) int {
	for i, c := range row {
		if strings.TrimSpace(c.Text) != "" {
			return i
		}
	}
	return len(row)
}

// lattice finds the tables a page's rules draw: groups of crossing
// horizontal and vertical rules, with their distinct positions.
func lattice(segs []segment) []grid {
	var hs, vs []segment
	for _, s := range segs {
		if s.x0 > s.x1 {
			s.x0, s.x1 = s.x1, s.x0
		}
		if s.y0 > s.y1 {
			s.y0, s.y1 = s.y1, s.y0
		}
		switch {
		case s.horizontal():
			hs = append(hs, s)
		case s.vertical():
			vs = append(vs, s)
		}
	}
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	// union-find over all rules; a horizontal and a vertical rule that touch are one table
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	const tol = 2.0
	for i, h := range hs {
		for j, v := range vs {
			if v.x0 >= h.x0-tol && v.x0 <= h.x1+tol && h.y0 >= v.y0-tol && h.y0 <= v.y1+tol {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int]*grid{}
	var order []int
	for i, h := range hs {
		r := find(i)
		if groups[r] == nil {
			groups[r] = &grid{}
			order = append(order, r)
		}
		groups[r].h = append(groups[r].h, h)
	}
	for j, v := range vs {
		r := find(len(hs) + j)
		if groups[r] == nil {
			continue // a vertical rule touching no horizontal one
		}
		groups[r].v = append(groups[r].v, v)
	}
	var out []grid
	for _, r := range order {
		g := groups[r]
		for _, h := range g.h {
			g.ys = append(g.ys, h.y0)
		}
		for _, v := range g.v {
			g.xs = append(g.xs, v.x0)
		}
		g.xs, g.ys = distinct(g.xs), distinct(g.ys)
		if len(g.xs) >= 2 && len(g.ys) >= 2 {
			out = append(out, *g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ys[0] < out[j].ys[0] })
	return out
}

// distinct sorts positions and merges those within a point of each other.
func distinct(v []float64) []float64 {
	sort.Float64s(v)
	var out []float64
	for _, x := range v {
		if len(out) == 0 || x-out[len(out)-1] > 1.5 {
			out = append(out, x)
		}
	}
	return out
}

// ruled reports whether a rule covers the point (x, y) along its direction.
func ruled(segs []segment, x, y float64, horizontal bool) bool {
	for _, s := range segs {
		if horizontal && abs(s.y0-y) < 1.5 && x >= s.x0-1 && x <= s.x1+1 {
			return true
		}
		if !horizontal && abs(s.x0-x) < 1.5 && y >= s.y0-1 && y <= s.y1+1 {
			return true
		}
	}
	return false
}

// table lays the words into the grid: slots joined where a rule is missing
// between them become one spanning cell.
func (g grid) table(words []pdfWord, loc Location, rowOffset int) *Table {
	rows, cols := len(g.ys)-1, len(g.xs)-1
	id := make([]int, rows*cols)
	for i := range id {
		id[i] = i
	}
	find := func(i int) int {
		for id[i] != i {
			id[i] = id[id[i]]
			i = id[i]
		}
		return i
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			my := (g.ys[r] + g.ys[r+1]) / 2
			mx := (g.xs[c] + g.xs[c+1]) / 2
			if c+1 < cols && !ruled(g.v, g.xs[c+1], my, false) {
				id[find(r*cols+c+1)] = find(r*cols + c)
			}
			if r+1 < rows && !ruled(g.h, mx, g.ys[r+1], true) {
				id[find((r+1)*cols+c)] = find(r*cols + c)
			}
		}
	}
	type span struct{ r0, c0, r1, c1 int }
	spans := map[int]*span{}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			k := find(r*cols + c)
			if s, ok := spans[k]; ok {
				s.r1, s.c1 = max(s.r1, r), max(s.c1, c)
			} else {
				spans[k] = &span{r, c, r, c}
			}
		}
	}
	// A slot outside every drawn cell (beside a row shorter than the table)
	// has no rule on its right edge: an empty one is not a cell.
	real := map[int]bool{}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			my := (g.ys[r] + g.ys[r+1]) / 2
			if ruled(g.v, g.xs[c+1], my, false) {
				real[find(r*cols+c)] = true
			}
		}
	}
	cellWords := map[int][]pdfWord{}
	for _, w := range words {
		r := sort.SearchFloat64s(g.ys, w.cy()) - 1
		c := sort.SearchFloat64s(g.xs, w.cx()) - 1
		if r >= 0 && r < rows && c >= 0 && c < cols {
			k := find(r*cols + c)
			cellWords[k] = append(cellWords[k], w)
		}
	}
	t := &Table{Loc: loc, Rows: make([][]*TableCell, rows)}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			k := find(r*cols + c)
			s := spans[k]
			if s.r0 != r || s.c0 != c || (!real[k] && len(cellWords[k]) == 0) {
				continue
			}
			text := strings.Join(joinLines(lines(cellWords[k]), g.xs[s.c1+1]), "\n")
			t.Rows[r] = append(t.Rows[r], &TableCell{Text: text, Row: r, Col: c, RowSpan: s.r1 - s.r0 + 1, ColSpan: s.c1 - s.c0 + 1,
				Loc: Location{Page: loc.Page, Table: loc.Table, Row: rowOffset + r + 1, Col: c + 1}})
		}
	}
	// Rows appended to a table from an earlier page continue its numbering.
	for _, row := range t.Rows {
		for _, c := range row {
			c.Row += rowOffset
		}
	}
	return t
}

// pdfLayout lays a PDF's pages out as blocks, page after page: a table
// going on from the page before is joined to it.
type pdfLayout struct {
	doc    *Document
	last   *Table
	tables int
}

// page lays out one page from its words (pdftotext -tsv) and its drawing
// (pdftocairo -svg): ruled tables, tables without rules, paragraphs.
func (lay *pdfLayout) page(p int, pw []pdfWord, svg string) {
	doc := lay.doc
	grids := lattice(svgRules(svg))
	type placed struct {
		top   float64
		block Block
	}
	var out []placed
	used := make([]bool, len(pw))
	for gi, g := range grids {
		var in []pdfWord
		for i, w := range pw {
			if !used[i] && g.contains(w.cx(), w.cy()) {
				in = append(in, w)
				used[i] = true
			}
		}
		if len(in) == 0 {
			continue
		}
		// A table at the top of the page with the columns of the last table goes on with it.
		if gi == 0 && lay.last != nil && g.continues(lay.last, pw, used) {
			t := g.table(in, Location{Page: p, Table: lay.last.Loc.Table}, len(lay.last.Rows))
			mergeSplitRow(lay.last, t)
			lay.last.Rows = append(lay.last.Rows, t.Rows...)
			continue
		}
		lay.tables++
		t := g.table(in, Location{Page: p, Table: lay.tables}, 0)
		t.cols = g.xs
		out = append(out, placed{g.ys[0], Block{Kind: TableKind, Table: t, Loc: t.Loc}})
	}
	var rest []pdfWord
	for i, w := range pw {
		if !used[i] {
			rest = append(rest, w)
		}
	}
	// the text's right margin: the furthest any word or table rule reaches on the page
	margin := 0.0
	for _, w := range pw {
		margin = max(margin, w.x1)
	}
	for _, g := range grids {
		margin = max(margin, g.xs[len(g.xs)-1])
	}
	var carry *Table
	if lay.last != nil && lay.last.stream && len(out) == 0 {
		carry = lay.last // a table without rules may go on at the top of this page
	}
	streams, text := streamTables(lines(rest), p, &lay.tables, carry)
	for _, s := range streams {
		out = append(out, placed{s.top, Block{Kind: TableKind, Table: s.table, Loc: s.table.Loc}})
	}
	for _, para := range paragraphs(text, margin) {
		out = append(out, placed{para.top, Block{Kind: Paragraph, Text: para.text, Loc: Location{Page: p, Paragraph: len(doc.Blocks) + len(out) + 1}}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].top < out[j].top })
	for _, o := range out {
		lay.last = o.block.Table // the last block of the page: a table may go on, text ends it
		doc.Blocks = append(doc.Blocks, o.block)
	}
}
