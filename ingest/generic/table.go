package generic

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// Column roles (data/lexicon/columns.csv names them).
const (
	roleNo       = "item_no"
	roleName     = "name"
	roleOrg      = "organization"
	roleAmount   = "amount"
	roleYear     = "year"
	roleRegion   = "region"
	roleCategory = "category"
	roleContact  = "contact" // 地址, 电话, 联系人: no field of a project
)

// defaultSheetRe is a sheet name a program gave, not a person (Sheet1, 工作表1).
var defaultSheetRe = regexp.MustCompile(`^(?i:sheet)\s*\d*$|^工作表\s*\d*$|^表\s*\d+$`)

// grid is a table laid out slot by slot: at[r][c] is the cell covering slot
// (r, c), nil where no cell reaches.
type grid struct {
	t     *document.Table
	at    [][]*document.TableCell
	norm  map[*document.TableCell]string // each cell's text normalized once (text asks many times)
	width int
}

func newGrid(t *document.Table) grid {
	g := grid{t: t}
	for _, row := range t.Rows {
		for _, c := range row {
			g.width = max(g.width, c.Col+c.ColSpan)
		}
	}
	g.width = min(g.width, document.MaxTableColumns)
	g.at = make([][]*document.TableCell, len(t.Rows))
	for r := range g.at {
		g.at[r] = make([]*document.TableCell, g.width)
	}
	g.norm = map[*document.TableCell]string{}
	for _, row := range t.Rows {
		for _, c := range row {
			g.norm[c] = model.Normalize(c.Text)
			for dr := 0; dr < max(c.RowSpan, 1) && c.Row+dr < len(t.Rows); dr++ {
				for dc := 0; dc < max(c.ColSpan, 1) && c.Col+dc < g.width; dc++ {
					g.at[c.Row+dr][c.Col+dc] = c
				}
			}
		}
	}
	return g
}

func (g grid) text(r, c int) string {
	if cell := g.at[r][c]; cell != nil {
		if n, ok := g.norm[cell]; ok {
			return n
		}
		return model.Normalize(cell.Text)
	}
	return ""
}

var (
	unitInHeaderRe = regexp.MustCompile(`(万元|元|亿元)`)
	// moneyUnitHeaderRe: a header that ends in a money unit in brackets (下达数（万元）, 本次拨付(元))
	moneyUnitHeaderRe = regexp.MustCompile(`[（(]\s*(?:单位[:：]?)?\s*(?:万元|元|亿元|千元)\s*[)）]$`)
	unitCaptionRe     = regexp.MustCompile(`单位[:：为是]?\s*(万元|元|亿元)`)
	// yearHeaderRe: the year a column's header names (2020年, 2021年度资金)
	yearHeaderRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	// unitCellRe: a header cell that is only a unit, the second line of a
	// label wrapped over two rows (资助金额 / （万元）)
	unitCellRe = regexp.MustCompile(`^[（(]\s*(?:单位[:：]?)?\s*(?:万元|元|亿元)\s*[)）]$`)
	sectionRe  = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])`)
)

// tableReading is what the table reader makes of one table.
type tableReading struct {
	items  []model.LineItem
	totals []model.StatedTotal
	warns  []model.Warning
	unread []model.Unread
}

// AmountHeader reports whether a column header names money (金额, 资金 …,
// a year, or a total word, by data/lexicon/columns.csv and total_rows.csv).
func AmountHeader(h string) bool {
	cols, _, err := lexicons()
	if err != nil {
		return false
	}
	role := roleOf(cols, model.Normalize(h))
	return role == roleAmount || role == roleYear || totalHeader(model.Normalize(h))
}

// roleOf is the role a header text gives its column, "" when none.
func roleOf(cols []rule, header string) string {
	h := textfold.Han(strings.TrimSpace(header)) // 項目名稱 is 项目名称
	if h == "" || len([]rune(h)) > 30 {
		return ""
	}
	lexicon := len(cols) > 0 && len(columnRules) > 0 && &cols[0] == &columnRules[0]
	if lexicon {
		if role, ok := roles.get(h); ok {
			return role
		}
	}
	role := ""
	for _, r := range cols {
		if r.re.MatchString(h) {
			role = r.kind
			break
		}
	}
	if lexicon {
		roles.put(h, role)
	}
	return role
}

// roles remembers the role the column lexicon gives a text: the readers ask
// of the same short texts many times (every line a possible header, every
// label a possible field), and each asking ran every rule of the lexicon.
var roles = memo{m: map[string]string{}}

// memo is a map safe for the readers' goroutines, emptied when it grows
// past memoLimit (a long run over many documents).
type memo struct {
	mu sync.Mutex
	m  map[string]string
}

const memoLimit = 100000

func (c *memo) get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *memo) put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= memoLimit {
		c.m = map[string]string{}
	}
	c.m[k] = v
}

// readTable reads one table by its header: it returns ok=false when the
// table has no header band naming a name (or organization) and an amount
// column, so the caller reads its text as prose.
// tableLayout is what a table's header band says about its columns; a
// table continued on the next page (no header, same width) reads with the
// layout of the table before it.
type tableLayout struct {
	width       int
	headers     []string
	roles       map[string]int
	amountCols  []int
	amountCol   int
	unit, bare  string
	unitFrom    string // where the unit is stated: the header cell, a caption, or guessed
	cap         bool
	nameCol     int
	first       int
	headLine    int
	years       map[int]int // column -> the year its header names
	cellCols    []int       // one item per cell: a column per year, or per category under rows named by region
	byCategory  bool        // cellCols are categories (地区 | 养老服务 | 儿童福利): the cell is named by its column
	rowTotal    int         // a column headed by a total word: each row's total, -1 when none
	partCols    []int       // the columns the row total adds up, when it is the amount
	looseCols   []int       // figures under a header that names no role: listed as unread unless they are amounts
	spans       []int       // spans[c]: the column after the header cell over column c
	ordinals    []int       // ordinals[c]: the place of that header cell in its row
	headerCells int
}

// ordinal is the place of column c's header cell among the header's cells.
func (l *tableLayout) ordinal(c int) int {
	if c < 0 || c >= len(l.ordinals) {
		return -1
	}
	return l.ordinals[c]
}

func (l *tableLayout) spanEnd(c int) int {
	if c >= 0 && c < len(l.spans) {
		return l.spans[c]
	}
	return c + 1
}

// inAmount reports whether column c lies in one of the amount columns' spans.
func (l *tableLayout) inAmount(c int) bool {
	for _, ac := range l.amountCols {
		if c >= ac && c < l.spanEnd(ac) {
			return true
		}
	}
	return false
}

func (l *tableLayout) col(role string) int {
	if i, ok := l.roles[role]; ok {
		return i
	}
	return -1
}

// headerOf finds a table's header band and the roles of its columns; nil
// when no band names a name (or organization) column and an amount column.
func headerOf(g grid, cols []rule, caption, footnote string) *tableLayout {
	head, best := -1, 1
	for r := 0; r < len(g.at) && r < 8; r++ {
		seen := map[string]bool{}
		for col := 0; col < g.width; col++ {
			if role := roleOf(cols, g.text(r, col)); role != "" {
				seen[role] = true
			} else if totalHeader(g.text(r, col)) {
				seen["total-column"] = true
			}
		}
		// rows named by a project or organization; or, over figures, by a
		// region or category (地区 | 养老服务 | 儿童福利 | 小计)
		figures := seen[roleAmount] || seen[roleYear] || seen["total-column"]
		if seen[roleRegion] && !figureInRow(g, r) {
			// only a region-named table is read as a cross-tab (no scan for the
			// others), and never from a row of figures: that is a data row
			// 地区 | 养老服务 | 儿童福利: figures under headers that name no role
			loose := 0
			for col := 0; col < g.width && loose < 2; col++ {
				if roleOf(cols, g.text(r, col)) == "" && g.text(r, col) != "" && !totalHeader(g.text(r, col)) && numericBody(g, r+1, col) {
					loose++
				}
			}
			if loose >= 2 {
				seen["cross-tab"], figures = true, true
			}
		}
		// …or, over figures, by what the money is for (资金来源 | 用途 | 金额)
		if len(seen) > best && (seen[roleName] || seen[roleOrg] || figures && (seen[roleRegion] || seen[roleCategory] || seen["description"])) {
			head, best = r, len(seen)
		}
	}
	if head < 0 {
		return nil
	}
	bandEnd := head
	for r := head + 1; r < len(g.at) && r <= head+2; r++ {
		// a second header row: every cell that starts in it names a role
		sub, other := 0, 0
		for col := 0; col < g.width; col++ {
			cell := g.at[r][col]
			if cell == nil || cell.Row != r || cell.Col != col || g.text(r, col) == "" {
				continue
			}
			if (roleOf(cols, g.text(r, col)) != "" || unitCellRe.MatchString(textfold.Han(g.text(r, col)))) && !money.IsBareNumber(g.text(r, col)) && len([]rune(g.text(r, col))) <= 12 {
				sub++
			} else {
				other++
			}
		}
		if sub == 0 || other > 0 {
			break
		}
		bandEnd = r
	}
	headers := make([]string, g.width)
	for col := 0; col < g.width; col++ {
		var parts []string
		for r := head; r <= bandEnd; r++ {
			t := g.text(r, col)
			if t != "" && (len(parts) == 0 || parts[len(parts)-1] != t) {
				parts = append(parts, t)
			}
		}
		headers[col] = strings.Join(parts, "")
	}
	roles := map[string]int{}
	var amountCols, looseCols []int
	years := map[int]int{} // column -> the year its header names
	rowTotal := -1
	for col, h := range headers {
		role := roleOf(cols, h)
		if role == "" {
			// the most specific words of a two-row header are in its last row
			role = roleOf(cols, g.text(bandEnd, col))
		}
		last := textfold.Han(g.text(bandEnd, col))
		if y := yearHeaderRe.FindStringSubmatch(last); y != nil && (role == roleAmount || role == roleYear) && numericBody(g, bandEnd+1, col) {
			years[col], _ = strconv.Atoi(y[1])
			role = roleAmount
		}
		if (totalHeader(h) || totalHeader(last)) && numericBody(g, bandEnd+1, col) {
			// 合计, 小计, 金额合计 over figures: each row's total (total-column)
			if rowTotal < 0 {
				rowTotal = col
			}
			continue
		}
		if role == roleYear {
			role = "" // a year over words (实施年度) says when, not how much
		}
		if role == "" && moneyUnitHeaderRe.MatchString(textfold.Han(h)) && numericBody(g, bandEnd+1, col) {
			role = roleAmount // 下达数（万元）: figures under a money unit are money (rule amount-unit-header)
		}
		if role == roleAmount {
			amountCols = append(amountCols, col)
			continue
		}
		if role == "" && numericBody(g, bandEnd+1, col) {
			looseCols = append(looseCols, col) // figures under a header that names no role (养老服务)
		}
		if _, dup := roles[role]; role != "" && !dup {
			roles[role] = col
		}
	}
	amountCol := -1
	var cellCols, partCols []int
	if len(years) >= 2 {
		// one column per year (2019年 | 2020年 | 2021年): each cell is the
		// row's money in that year, and a total column their sum (year-columns)
		distinct := map[int]bool{}
		for _, c := range amountCols {
			if y, ok := years[c]; ok {
				cellCols = append(cellCols, c)
				distinct[y] = true
			}
		}
		if len(distinct) < 2 {
			cellCols = nil
		}
	}
	byCategory := false
	_, named := roles[roleName]
	_, byOrg := roles[roleOrg]
	_, byRegion := roles[roleRegion]
	if len(amountCols) == 0 && rowTotal < 0 && cellCols == nil && len(looseCols) >= 2 && !named && !byOrg && byRegion {
		// rows named by region, a column per category and no total column:
		// each cell is that category's money in that place (cross-tab)
		cellCols, byCategory, amountCols = looseCols, true, looseCols
	}
	if rowTotal >= 0 && cellCols == nil {
		// the total column is the row's amount; the columns before it that it
		// adds up are its parts (中央资金 | 省级资金 | 合计, or 养老服务 | 儿童福利 | 小计)
		for _, c := range append(append([]int(nil), amountCols...), looseCols...) {
			if c < rowTotal {
				partCols = append(partCols, c)
			}
		}
		sort.Ints(partCols)
		if len(amountCols) == 0 || len(partCols) > 0 {
			amountCols = append([]int{rowTotal}, partCols...)
		} else {
			rowTotal = -1 // 项目名称 | 金额 | 合计人数: not the amount's total
		}
	}
	if len(amountCols) == 0 {
		// a list of projects without amounts (立项名单 …) is read when it numbers
		// and names its rows: its items have no amount (NULL), never 0
		_, numbered := roles[roleNo]
		_, named := roles[roleName]
		if !numbered || !named {
			return nil
		}
	} else {
		// The amount column: the first that is not a part (其中) of another,
		// nor the amount applied for (申请金额) where another column gives
		// what was granted (拟资助金额): the others are listed as unread.
		amountCol = amountCols[0]
		best := -1
		for _, col := range amountCols {
			// rules amount-part, amount-requested, amount-budget, amount-awarded
			if score := rankOf(headers[col]).rank; score > best {
				amountCol, best = col, score
			}
		}
		if cellCols != nil {
			amountCol = cellCols[0]
			if rowTotal >= 0 {
				amountCols = append(amountCols, rowTotal)
			}
		}
	}
	unit, unitFrom := "", ""
	phaseNote := ""
	if amountCol >= 0 {
		if m := unitInHeaderRe.FindString(textfold.Han(headers[amountCol])); m != "" {
			unit, unitFrom = m, fmt.Sprintf("the amount column's header %q", headers[amountCol])
		} else if ms := unitCaptionRe.FindAllStringSubmatch(textfold.Han(caption), -1); ms != nil {
			// the unit stated nearest above the table wins
			m := ms[len(ms)-1]
			unit, unitFrom = m[1], fmt.Sprintf("the caption %q", m[0])
		} else if m := unitCaptionRe.FindStringSubmatch(textfold.Han(footnote)); m != nil {
			// 注：金额单位为万元 under the table, when nothing above states one
			unit, unitFrom = m[1], fmt.Sprintf("the note under the table %q", m[0])
		}
		if strings.Contains(headers[amountCol], "最高") || strings.Contains(headers[amountCol], "上限") {
			phaseNote = "cap"
		}
	}
	first := bandEnd + 1
	bare := unit
	if unit == "亿元" {
		bare = "" // money.Parse reads 元 and 万元; a 亿元 column is read through FindSpans below
	}
	col := func(role string) int {
		if i, ok := roles[role]; ok {
			return i
		}
		return -1
	}
	nameCol := col(roleName)
	if nameCol < 0 {
		nameCol = col("description")
	}
	if nameCol < 0 {
		nameCol = col(roleOrg)
	}
	if nameCol < 0 {
		nameCol = col(roleRegion)
	}
	if nameCol < 0 {
		nameCol = col(roleCategory)
	}
	l := &tableLayout{width: g.width, headers: headers, roles: roles, amountCols: amountCols, amountCol: amountCol,
		years: years, cellCols: cellCols, byCategory: byCategory, rowTotal: rowTotal, partCols: partCols, looseCols: looseCols,
		unit: unit, unitFrom: unitFrom, bare: bare, cap: phaseNote == "cap", nameCol: nameCol, first: first, headLine: head}
	l.spans = make([]int, g.width)
	for c := range l.spans {
		end := c + 1
		for end < g.width && g.at[bandEnd][end] != nil && g.at[bandEnd][end] == g.at[bandEnd][c] {
			end++
		}
		l.spans[c] = end
	}
	l.ordinals = make([]int, g.width)
	k := -1
	for c := 0; c < g.width; c++ {
		if c == 0 || g.at[bandEnd][c] != g.at[bandEnd][c-1] || g.at[bandEnd][c] == nil {
			k++
		}
		l.ordinals[c] = k
	}
	l.headerCells = k + 1
	return l
}

// readTable reads one table by its header (or the layout of the table it
// continues): ok=false when it has neither, and the caller reads its text
// as prose.
func readTable(u unit, cols []rule, caption, footnote string, c model.Catalog, firstNo int, prev *tableLayout) (tableReading, *tableLayout, bool) {
	g := newGrid(u.table)
	var tr tableReading
	if g.width < 2 || len(g.at) < 1 {
		return tr, nil, false
	}
	l := headerOf(g, cols, caption, footnote)
	if l == nil {
		if prev == nil || prev.width != g.width {
			return tr, nil, false
		}
		cont := *prev
		cont.first = 0
		l = &cont
	} else if l.unit == "" && l.amountCol >= 0 {
		l.unit = guessUnit(g, l.first, l.amountCol)
		l.unitFrom = "guessed from the size of the column's figures (no unit is printed)"
		l.bare = l.unit
		if l.unit == "亿元" {
			l.bare = ""
		}
		tr.warns = append(tr.warns, model.Warning{Line: u.line + l.headLine, Message: fmt.Sprintf("the amount column %q names no unit; read as %s from the size of its figures", l.headers[l.amountCol], l.unit)})
	}
	headers, amountCols, amountCol, unit, bare, nameCol, first := l.headers, l.amountCols, l.amountCol, l.unit, l.bare, l.nameCol, l.first
	phaseNote := ""
	if l.cap {
		phaseNote = "cap"
	}
	col := l.col
	used := map[*document.TableCell]bool{}
	var sectionItems, allItems []string
	section := ""
	if sh := u.table.Loc.Sheet; sh != "" && !defaultSheetRe.MatchString(sh) {
		section = sh // a workbook with a sheet per category (养老服务类, 儿童福利类)
	}
	no := firstNo
	// cellAt is the cell of row under the header cell of column i: the
	// header may span several grid columns (a converted document's grid is
	// finer than its rows), so the first cell starting in that span counts.
	cellAt := func(row, i int) *document.TableCell {
		if i < 0 {
			return nil
		}
		// a row with as many cells as the header: the cell in the same place
		var cells []*document.TableCell
		for c := 0; c < g.width; c++ {
			if cell := g.at[row][c]; cell != nil && (len(cells) == 0 || cells[len(cells)-1] != cell) {
				cells = append(cells, cell)
			}
		}
		if k := l.ordinal(i); k >= 0 && len(cells) == l.headerCells && k < len(cells) {
			return cells[k]
		}
		lo, hi := i, l.spanEnd(i)
		var best *document.TableCell
		bestOv := 0
		for c := lo; c < hi && c < g.width; c++ {
			cell := g.at[row][c]
			if cell == nil {
				continue
			}
			if ov := min(hi, cell.Col+max(cell.ColSpan, 1)) - max(lo, cell.Col); ov > bestOv {
				best, bestOv = cell, ov
			}
		}
		return best
	}
	get := func(r, role string, row int) (string, bool) {
		cell := cellAt(row, col(role))
		if cell == nil {
			return "", false
		}
		return strings.TrimSpace(strings.ReplaceAll(cell.Text, "\n", "")), cell.Row < row
	}
	pools := map[*document.TableCell][]string{}
	colOfItem := map[string]int{}
	var pending *model.StatedTotal // a section row's stated total, closed with its section
	closeSection := func() {
		switch {
		case pending != nil && len(sectionItems) > 0:
			pending.Scope = append([]string(nil), sectionItems...)
			tr.totals = append(tr.totals, *pending)
		case pending != nil:
			tr.unread = append(tr.unread, model.Unread{Text: pending.Text, Line: pending.Line, Reason: "a section row's figure with no items under it"})
		}
		pending = nil
	}
	for r := first; r < len(g.at); r++ {
		line, lineEnd := rowLines(u, r)
		var texts []string
		distinct := map[*document.TableCell]bool{}
		for col := 0; col < g.width; col++ {
			if cell := g.at[r][col]; cell != nil && !distinct[cell] {
				distinct[cell] = true
				if t := g.text(r, col); t != "" {
					texts = append(texts, t)
				}
			}
		}
		if len(texts) == 0 {
			continue
		}
		rowText := strings.Join(texts, " ")
		amtCell := cellAt(r, amountCol)
		// a total row: a label of total_rows.csv in a cell outside the amount columns
		if rule, label := totalOf(g, l, r); rule != nil {
			if l.cellCols != nil {
				// a total row under year columns: each year's total, and the
				// total column's the grand total
				scope := allItems
				if rule.scope == "section" {
					scope = sectionItems
				}
				for _, yc := range append(append([]int(nil), l.cellCols...), l.rowTotal) {
					cell := cellAt(r, yc)
					if yc < 0 || cell == nil {
						continue
					}
					a, ok := parseAmount(cell.Text, bare, unit)
					if !ok {
						continue
					}
					used[cell] = true
					var yearScope []string
					for _, id := range scope {
						if yc == l.rowTotal || colOfItem[id] == yc {
							yearScope = append(yearScope, id)
						}
					}
					tr.totals = append(tr.totals, model.StatedTotal{Label: money.Clip(label+" "+headers[yc], 30), Kind: "document_total", Metric: model.MetricAmount, Stated: a, Scope: yearScope, Line: line, Text: money.Clip(rowText, 80), Rule: rule.id})
				}
				continue
			}
			if amtCell != nil {
				if a, ok := parseAmount(amtCell.Text, bare, unit); ok {
					used[amtCell] = true
					scope := allItems
					if rule.scope == "section" {
						scope = sectionItems
					}
					tr.totals = append(tr.totals, model.StatedTotal{Label: money.Clip(label, 30), Kind: "document_total", Metric: model.MetricAmount, Stated: a, Scope: append([]string(nil), scope...), Line: line, Text: money.Clip(rowText, 80), Rule: rule.id})
				}
			}
			if rule.scope == "section" {
				// a subtotal closes its section: the items after it are the next one's
				closeSection()
				sectionItems = nil
			}
			continue
		}
		// a section row: one cell across the table, or a numbered heading alone
		if len(distinct) == 1 || len(texts) == 1 && sectionRe.MatchString(texts[0]) {
			closeSection()
			section = money.Clip(texts[0], 60)
			sectionItems = nil
			// 一、养老服务类（合计80万元）: the section's stated total (rule section-row-total)
			if spans := money.FindSpans(model.Normalize(texts[0])); len(spans) == 1 {
				for cell := range distinct {
					if strings.TrimSpace(cell.Text) != "" {
						used[cell] = true
					}
				}
				pending = &model.StatedTotal{Label: money.Clip(texts[0], 30), Kind: "subtotal", Metric: model.MetricAmount, Stated: spans[0].Yuan, Line: line, Text: money.Clip(texts[0], 80), Rule: "section-row-total"}
			}
			continue
		}
		name := ""
		if cell := cellAt(r, nameCol); cell != nil {
			name = strings.TrimSpace(strings.ReplaceAll(cell.Text, "\n", ""))
		}
		if last := len(tr.items) - 1; len(texts) == 1 && name != "" && last >= 0 && l.cellCols == nil && tr.items[last].Amount.Yuan != nil &&
			tr.items[last].LineEnd >= line-1 && (amtCell == nil || amtCell.Row == r && strings.TrimSpace(amtCell.Text) == "") && textOf(cellAt(r, col(roleNo))) == "" {
			// a row whose one cell is the name, no 序号 and no amount, right under
			// a priced item: that item's name wrapped onto it (rule
			// table-cell-wrapped), never an item of its own
			tr.items[last].Name += name
			tr.items[last].LineEnd = lineEnd
			tr.warns = append(tr.warns, model.Warning{Line: line, Message: fmt.Sprintf("%q on its own row, no 序号 and no amount, joined to the name above: %s", money.Clip(name, 20), money.Clip(tr.items[last].Name, 40))})
			continue
		}
		if name == "" {
			// a row with no name whose amount is the sum of the items above: a
			// total row printed without its label
			if amtCell != nil && amtCell.Row == r && len(allItems) > 1 && strings.TrimSpace(textOf(cellAt(r, col(roleNo)))) == "" {
				if a, ok := parseAmount(amtCell.Text, bare, unit); ok && a == sumOf(tr.items) {
					used[amtCell] = true
					tr.totals = append(tr.totals, model.StatedTotal{Label: "unlabelled total row", Kind: "document_total", Metric: model.MetricAmount, Stated: a, Scope: append([]string(nil), allItems...), Line: line, Text: money.Clip(rowText, 80), Rule: "total-row-unlabelled"})
				}
			}
			continue
		}
		if l.cellCols != nil {
			// one item per year column (year-columns), the total column their crosscheck
			var rowIDs []string
			for _, yc := range l.cellCols {
				cell := cellAt(r, yc)
				if cell == nil || cell.Row != r {
					continue
				}
				a, ok := parseAmount(cell.Text, bare, unit)
				if !ok {
					continue
				}
				used[cell] = true
				no++
				it := model.LineItem{Name: name, Section: section, SourceCat: section, LineStart: line, LineEnd: lineEnd,
					ItemNo: strconv.Itoa(no), ItemID: c.CatalogID + "#t" + strconv.Itoa(u.line) + "-" + strconv.Itoa(no),
					Amount: model.Amount{Yuan: &a, Text: strings.TrimSpace(cell.Text), Kind: model.KindFixed}}
				if l.byCategory {
					// 甲县 × 养老服务: the category's money in the place
					it.Name, it.SourceCat, it.RegionText = headers[yc], headers[yc], name
				} else if y := l.years[yc]; y > 0 {
					it.Year, it.PeriodStart, it.PeriodEnd = y, fmt.Sprintf("%d-01-01", y), fmt.Sprintf("%d-12-31", y)
				}
				if t, _ := get("", roleOrg, r); t != "" {
					it.Organization = t
				}
				if t, _ := get("", roleRegion, r); t != "" && l.nameCol != col(roleRegion) && !l.byCategory {
					it.RegionText = t
				}
				if phaseNote == "cap" {
					it.Amount.Kind = model.KindCap
				}
				colOfItem[it.ItemID] = yc
				tr.items = append(tr.items, it)
				rowIDs = append(rowIDs, it.ItemID)
			}
			sectionItems = append(sectionItems, rowIDs...)
			allItems = append(allItems, rowIDs...)
			if cell := cellAt(r, l.rowTotal); l.rowTotal >= 0 && cell != nil && len(rowIDs) > 0 {
				if a, ok := parseAmount(cell.Text, bare, unit); ok {
					used[cell] = true
					tr.totals = append(tr.totals, model.StatedTotal{Label: money.Clip(name+" "+headers[l.rowTotal], 30), Kind: "crosscheck", Metric: model.MetricAmount, Stated: a, Scope: rowIDs, Line: line, Text: money.Clip(rowText, 80), Rule: "total-column"})
				}
			}
			continue
		}
		it := model.LineItem{Name: name, Section: section, SourceCat: section, LineStart: line, LineEnd: lineEnd}
		if nameCol >= 0 && nameCol == col(roleRegion) {
			it.RegionText = name // rows named by their region column: each a place's allocation
		}
		if t, _ := get("", roleNo, r); t != "" {
			it.ItemNo = t
		}
		no++
		key := strconv.Itoa(no)
		it.ItemID = c.CatalogID + "#t" + strconv.Itoa(u.line) + "-" + key
		if it.ItemNo == "" {
			it.ItemNo = key
		}
		var inherited []string
		setText := func(dst *string, role string) {
			if t, inh := get("", role, r); t != "" {
				*dst = t
				if inh {
					inherited = append(inherited, role)
				}
			}
		}
		setText(&it.Organization, roleOrg)
		setText(&it.Purchaser, "purchaser")
		setText(&it.FundingText, "funding")
		setText(&it.RegionText, "region")
		setText(&it.TargetGroup, "target")
		setText(&it.Code, "code")
		setText(&it.OrganizationCode, "credit_code")
		if d, _ := get("", "description", r); d != "" && d != name {
			it.Description = d
		}
		if cat, _ := get("", "category", r); cat != "" {
			it.SourceCat = cat
		}
		if len(inherited) > 0 {
			tr.warns = append(tr.warns, model.Warning{Line: line, Message: fmt.Sprintf("%s: %s inherited from a merged cell above", money.Clip(name, 30), strings.Join(inherited, ", "))})
		}
		it.Amount = model.Amount{Kind: model.KindUnknown}
		if amtCell != nil {
			if amtCell.Row < r || amtCell.RowSpan > 1 {
				// a merged amount is a pool over the rows it spans: never filled down
				pools[amtCell] = append(pools[amtCell], it.ItemID)
			} else if a, ok := parseAmount(amtCell.Text, bare, unit); ok {
				used[amtCell] = true
				parsed, _ := money.Parse(amtCell.Text, bare)
				it.Amount = model.Amount{Yuan: &a, Text: strings.TrimSpace(amtCell.Text), Kind: model.KindFixed, TaxIncluded: parsed.TaxIncluded}
				if parsed.Kind != "" && parsed.Kind != model.KindUnknown {
					it.Amount.Kind = parsed.Kind
				}
				if phaseNote == "cap" {
					it.Amount.Kind = model.KindCap
				}
			}
		}
		if it.Amount.Yuan != nil && len(l.partCols) > 0 {
			// the parts the total column adds up: a row whose parts do not
			// sum to its total is said so
			var sum int64
			all := true
			for _, pc := range l.partCols {
				cell := cellAt(r, pc)
				if cell == nil || strings.TrimSpace(cell.Text) == "" {
					continue
				}
				a, ok := parseAmount(cell.Text, bare, unit)
				all = all && ok
				sum += a
			}
			if all && sum != *it.Amount.Yuan {
				tr.warns = append(tr.warns, model.Warning{Line: line, Message: fmt.Sprintf("%s: its parts sum to %s, its %s column says %s", money.Clip(name, 30), money.FormatWan(sum)+"万元", headers[l.rowTotal], money.FormatWan(*it.Amount.Yuan)+"万元")})
			}
		}
		tr.items = append(tr.items, it)
		sectionItems = append(sectionItems, it.ItemID)
		allItems = append(allItems, it.ItemID)
	}
	closeSection()
	var poolCells []*document.TableCell
	for cell := range pools {
		poolCells = append(poolCells, cell)
	}
	sort.Slice(poolCells, func(i, j int) bool { return poolCells[i].Row < poolCells[j].Row })
	for _, cell := range poolCells {
		if a, ok := parseAmount(cell.Text, bare, unit); ok {
			used[cell] = true
			tr.totals = append(tr.totals, model.StatedTotal{Label: "merged amount over " + strconv.Itoa(len(pools[cell])) + " rows", Kind: "pool", Metric: model.MetricAmount, Stated: a, Scope: pools[cell], Line: u.line + cell.Row, Text: strings.TrimSpace(cell.Text)})
			tr.warns = append(tr.warns, model.Warning{Line: u.line + cell.Row, Message: fmt.Sprintf("amount %s is one merged cell over %d rows: a pool, not split among them", strings.TrimSpace(cell.Text), len(pools[cell]))})
		}
	}
	// Every other figure of the table is listed as unread.
	for r := first; r < len(g.at); r++ {
		for col := 0; col < g.width; col++ {
			cell := g.at[r][col]
			if cell == nil || cell.Row != r || cell.Col != col || used[cell] {
				continue
			}
			used[cell] = true
			n := model.Normalize(cell.Text)
			reason := ""
			isAmountCol := false
			for _, ac := range amountCols {
				isAmountCol = isAmountCol || col >= ac && col < l.spanEnd(ac)
			}
			switch {
			case isAmountCol && slices.Contains(l.partCols, col):
				reason = "a part of the row's total (" + money.Clip(headers[l.rowTotal], 12) + "): " + money.Clip(headers[col], 30)
			case isAmountCol && !(col >= amountCol && col < l.spanEnd(amountCol)) && rankOf(headers[col]).rank < rankOf(headers[amountCol]).rank:
				reason = rankOf(headers[col]).reason + ": " + money.Clip(headers[col], 30)
			case isAmountCol && !(col >= amountCol && col < l.spanEnd(amountCol)):
				reason = "another amount column: " + money.Clip(headers[col], 30)
			case isAmountCol:
				reason = "amount cell of a row without a name"
			}
			if !isAmountCol && slices.Contains(l.looseCols, col) && money.IsBareNumber(n) {
				// 分配数 | 12: a figure under a header that names no role is no
				// amount fundscope reads, and it is listed, not passed over
				tr.unread = append(tr.unread, model.Unread{Text: strings.TrimSpace(cell.Text), Line: cellLine(u, cell), Location: cell.Loc.String(),
					Reason: "a figure in a column whose header names no amount: " + money.Clip(headers[col], 30)})
				continue
			}
			if _, err := money.Parse(cell.Text, bare); isAmountCol && errors.Is(err, money.ErrFiner) {
				reason = money.FinerReason // 12345.67 under 金额（元）
			}
			// a figure in an amount column that was not read is listed, whatever its form
			if isAmountCol && (money.IsBareNumber(n) || len(money.FindSpans(n)) == 0 && strings.ContainsAny(n, "0123456789")) {
				tr.unread = append(tr.unread, model.Unread{Text: strings.TrimSpace(cell.Text), Line: cellLine(u, cell), Location: cell.Loc.String(), Reason: reason})
				continue
			}
			for _, s := range money.FindSpans(n) {
				why := reason
				if why == "" && l.col("remark") == col {
					// 备注: 其中公益创投80万元, 含助餐补贴20万元, 按每所2万元
					why = "a figure in the remark column (" + money.Clip(headers[col], 12) + "): the row's detail, not an amount of its own"
				}
				tr.unread = append(tr.unread, model.Unread{Text: s.Text, Line: cellLine(u, cell), Location: cell.Loc.String(), Reason: why})
			}
		}
	}
	return tr, l, true
}

// parseAmount reads an amount cell in the column's unit.
func parseAmount(text, bare, unit string) (int64, bool) {
	n := model.Normalize(text)
	if n == "" {
		return 0, false
	}
	if unit == "亿元" && money.IsBareNumber(n) {
		n += "亿元"
	}
	if a, err := money.Parse(text, bare); err == nil && a.Yuan != nil {
		return *a.Yuan, true
	}
	if s := money.FindSpans(n); len(s) == 1 {
		return s[0].Yuan, true
	}
	return 0, false
}

// unitParenRe is a unit in parentheses ending a header: 小计（元）.
var unitParenRe = regexp.MustCompile(`[（(]\s*(?:单位[:：]?)?\s*(?:万元|元|亿元)\s*[)）]$`)

// totalHeader reports whether a header cell is a total word (合计, 小计（元）).
func totalHeader(h string) bool {
	return totalRow(unitParenRe.ReplaceAllString(textfold.Han(h), "")) != nil
}

// figureInRow reports whether a cell of row r is a bare number.
func figureInRow(g grid, r int) bool {
	for c := 0; c < g.width; c++ {
		if money.IsBareNumber(g.text(r, c)) {
			return true
		}
	}
	return false
}

// numericBody reports whether the cells under column col are figures:
// most of those with text are bare numbers or amounts, and at least one.
func numericBody(g grid, first, col int) bool {
	figures, words := 0, 0
	for r := first; r < len(g.at); r++ {
		cell := g.at[r][col]
		if cell == nil || cell.Row != r {
			continue
		}
		n := g.text(r, col)
		switch {
		case n == "" || n == "-" || n == "—" || n == "/":
		case money.IsBareNumber(n) || len(money.FindSpans(n)) == 1:
			figures++
		default:
			words++
		}
	}
	return figures > 0 && figures >= words
}

// guessUnit reads the unit of an amount column from its figures: whole
// numbers of five or more digits are 元, smaller figures 万元.
func guessUnit(g grid, first, col int) string {
	big := 0
	small := 0
	for r := first; r < len(g.at); r++ {
		n := g.text(r, col)
		if !money.IsBareNumber(n) {
			continue
		}
		intPart, _, _ := strings.Cut(n, ".")
		if len(intPart) >= 5 {
			big++
		} else {
			small++
		}
	}
	if big > small {
		return "元"
	}
	return "万元"
}

// missOf says why a table the reader could not use came near: its header
// row names some roles but lacks a name or an amount column. "" when no row
// of its first eight names two roles.
func missOf(u unit, cols []rule) (string, int) {
	g := newGrid(u.table)
	bestRow, bestRoles, bestHeads := -1, []string(nil), []string(nil)
	for r := 0; r < len(g.at) && r < 8; r++ {
		seen := map[string]bool{}
		var roles, heads []string
		for col := 0; col < g.width; col++ {
			h := g.text(r, col)
			if role := roleOf(cols, h); role != "" && !seen[role] {
				seen[role] = true
				roles = append(roles, role)
			}
			if h != "" {
				heads = append(heads, money.Clip(h, 12))
			}
		}
		if len(roles) > len(bestRoles) {
			bestRow, bestRoles, bestHeads = r, roles, heads
		}
	}
	if len(bestRoles) < 2 {
		return "", 0
	}
	var lacks []string
	has := strings.Join(bestRoles, " ")
	if !strings.Contains(has, roleName) && !strings.Contains(has, roleOrg) {
		lacks = append(lacks, "name column (项目名称, 服务项目 …)")
	}
	if !strings.Contains(has, roleAmount) {
		lacks = append(lacks, "amount column (金额, 资金, 预算, 补助 …)")
	}
	if len(lacks) == 0 {
		return "", 0
	}
	return fmt.Sprintf("a table's header row %q names %s but no %s", strings.Join(bestHeads, " | "), strings.Join(bestRoles, ", "), strings.Join(lacks, " and no ")), u.line + bestRow
}

// rowLines are the first and last source lines of table row r: its cells'
// own lines in a table found in text (one cell per line spreads a row over
// several), otherwise the line of the rendering.
func rowLines(u unit, r int) (int, int) {
	first, last := 0, 0
	if r < len(u.table.Rows) {
		for _, c := range u.table.Rows[r] {
			if c.Loc.LineStart > 0 {
				if first == 0 {
					first = c.Loc.LineStart
				}
				last = max(last, c.Loc.LineStart)
			}
		}
	}
	if first == 0 {
		return u.line + r, u.line + r
	}
	return first, last
}

// cellLine is the source line of a cell: its own in a text table, else its row's.
func cellLine(u unit, c *document.TableCell) int {
	if c.Loc.LineStart > 0 {
		return c.Loc.LineStart
	}
	return u.line + c.Row
}

// totalOf is the total-row rule a label cell of row r matches (any column
// but an amount column), with the label; nil when the row is no total row.
func totalOf(g grid, l *tableLayout, r int) (*totalRule, string) {
	for c := 0; c < g.width; c++ {
		cell := g.at[r][c]
		if cell == nil || cell.Row != r || cell.Col != c {
			continue
		}
		if l.inAmount(c) {
			continue
		}
		if rule := totalRow(cell.Text); rule != nil {
			return rule, strings.TrimSpace(cell.Text)
		}
	}
	return spacedTotalOf(g, l, r)
}

// spacedTotalOf is the total label a row prints with its characters spaced
// apart (合  计 in a table aligned by spaces, which splits it into the cells 合
// and 计): the row's cells outside the amount columns, each a character or
// two, read together (rule total-row-spaced).
func spacedTotalOf(g grid, l *tableLayout, r int) (*totalRule, string) {
	var parts []string
	for c := 0; c < g.width; c++ {
		cell := g.at[r][c]
		if cell == nil || cell.Row != r || cell.Col != c || l.inAmount(c) {
			continue
		}
		t := strings.TrimSpace(cell.Text)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) > 2 {
			return nil, ""
		}
		parts = append(parts, t)
	}
	if len(parts) < 2 {
		return nil, ""
	}
	label := strings.Join(parts, "")
	rule := totalRow(label)
	if rule == nil {
		return nil, ""
	}
	return &totalRule{id: "total-row-spaced", scope: rule.scope, re: rule.re}, label
}

func sumOf(items []model.LineItem) int64 {
	var s int64
	for _, it := range items {
		if it.Amount.Yuan != nil {
			s += *it.Amount.Yuan
		}
	}
	return s
}

func textOf(c *document.TableCell) string {
	if c == nil {
		return ""
	}
	return c.Text
}
