package layouts

import (
	"fmt"
	"strconv"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
)

func init() {
	Register(Reader{Name: "cell-table", Help: "docx table, one tab-indented cell per line; numbered rows with blank-numbered sub-rows; amounts inside prose cells (宁波)", Read: parseCellTable})
	Register(Reader{Name: "cell-guideline", Help: "docx guideline table, one cell per line, category rows (一、二…), project codes, no amounts (房山)", Read: parseCellGuideline})
}

// tableRows reads every cell of the document, groups the cells into rows and
// returns the header row (the first row whose first cell is 序号) and the
// rows after it.
func tableRows(d *document.Document) (header []string, headerRow document.Row, rows []document.Row, err error) {
	all := document.SplitRowsAtBlank(document.ReadCells(d, 1, len(d.Lines)))
	for i, r := range all {
		if model.Normalize(r.Cells[0].Flat()) == "序号" {
			for _, c := range r.Cells {
				header = append(header, model.Normalize(c.Flat()))
			}
			for len(header) > 1 && header[len(header)-1] == "" {
				header = header[:len(header)-1] // padding a converter gave a ragged table (.doc squares its rows off)
			}
			return header, r, all[i+1:], nil
		}
	}
	return nil, document.Row{}, nil, d.Errorf(1, "no table found: expected a row of tab-indented cells starting with a 序号 cell")
}

func headerList(h []string) string { return strings.Join(h, " | ") }

// parseCellTable reads a purchase catalog extracted from a .docx table:
// numbered rows, each with sub-rows (blank 序号) that have their own amount
// inside the funding cell's prose, and an optional 项目实施地点 cell.
func parseCellTable(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	header, _, rows, err := tableRows(d)
	if err != nil {
		return nil, err
	}
	nameCol := columnIndex(header, "名称")
	descCol := columnIndex(header, "内容")
	fundCol := columnIndex(header, "资金", "金额")
	officeCol := columnIndex(header, "经办", "联系", "购买主体")
	if nameCol < 0 || fundCol < 0 {
		return nil, d.Errorf(1, "table header %q needs a 名称 column and a 资金/金额 column", headerList(header))
	}
	p := &model.Parsed{}
	var cur *model.LineItem
	title := strings.TrimSpace(firstTextLine(d))
	for _, r := range rows {
		if r.Blank() {
			continue
		}
		var cells []document.Cell
		region, regionLine := "", 0
		for _, cell := range r.Cells {
			if f := model.Normalize(cell.Flat()); strings.HasPrefix(f, "项目实施地点") {
				region = strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(cell.Flat()), "项目实施地点"), ":："))
				regionLine = cell.Line
				continue
			}
			cells = append(cells, cell)
		}
		for len(cells) > len(header) && strings.TrimSpace(cells[len(cells)-1].Text) == "" {
			cells = cells[:len(cells)-1] // padding of a squared-off ragged row
		}
		if len(cells) != len(header) {
			return nil, d.Errorf(r.Line(), "row has %d cells but the header has %d (%s)", len(cells), len(header), headerList(header))
		}
		no := model.Normalize(cells[0].Flat())
		it := model.LineItem{Section: title, LineStart: r.Line(), LineEnd: r.EndLine(), RegionText: region, RegionLine: regionLine}
		switch {
		case no != "" && isInt(no):
			it.ItemNo, it.SubNo = no, 1
		case no == "" && cur != nil:
			it.ItemNo, it.SubNo = cur.ItemNo, cur.SubNo+1
		case no == "":
			return nil, d.Errorf(r.Line(), "a sub-row (blank 序号) comes before any numbered row")
		default:
			return nil, d.Errorf(r.Line(), "序号 %q is not a number", cells[0].Flat())
		}
		carry := func(col int, flat bool, prev string) string {
			if col < 0 {
				return ""
			}
			v := cells[col].Text
			if flat {
				v = cells[col].Flat()
			}
			if strings.TrimSpace(v) == "" && it.SubNo > 1 {
				return prev
			}
			return strings.TrimSpace(v)
		}
		var prev model.LineItem
		if cur != nil {
			prev = *cur
		}
		it.Name = carry(nameCol, true, prev.Name)
		it.Description = carry(descCol, false, prev.Description)
		it.Purchaser = carry(officeCol, false, prev.Purchaser)
		if it.Name == "" {
			return nil, d.Errorf(r.Line(), "row %s has no project name", it.ItemNo)
		}
		fund := cells[fundCol]
		it.Amount, err = amountOrMissing(d, fund.Line, fund.Text, "")
		if err != nil {
			return nil, err
		}
		it.PeriodStart, it.PeriodEnd = parsePeriod(model.Normalize(fund.Text))
		it.ItemID = itemID(c, it)
		p.Items = append(p.Items, it)
		cur = &p.Items[len(p.Items)-1]
	}
	fundText, fundLine := findFundingInProse(d, 1, len(d.Lines))
	for i := range p.Items {
		p.Items[i].FundingText, p.Items[i].FundingLine = fundText, fundLine
	}
	return p, nil
}

var chineseOrdinals = "一二三四五六七八九十"

// parseCellGuideline reads a call-for-proposals guideline table: category
// rows (一 社会治理服务类), project rows with a project code and no amounts,
// rows without a number, empty rows left by page breaks.
func parseCellGuideline(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	header, headerRow, rows, err := tableRows(d)
	if err != nil {
		return nil, err
	}
	codeCol := columnIndex(header, "编号")
	nameCol := columnIndex(header, "名称")
	targetCol := columnIndex(header, "受益", "服务对象")
	goalCol := columnIndex(header, "目标")
	contentCol := columnIndex(header, "内容")
	if codeCol < 0 || nameCol < 0 {
		return nil, d.Errorf(headerRow.Line(), "guideline header %q needs 项目编号 and 项目名称 columns", headerList(header))
	}
	fundText, fundLine := findFundingInProse(d, 1, headerRow.Line())
	p := &model.Parsed{}
	section := ""
	lastNo := 0
	for _, r := range rows {
		if r.Blank() {
			continue
		}
		first := model.Normalize(r.Cells[0].Flat())
		filled := len(r.Cells) // a sheet or a converter pads a short row with empty cells
		for filled > 1 && strings.TrimSpace(r.Cells[filled-1].Text) == "" {
			filled--
		}
		if filled <= 3 && first != "" && strings.Contains(chineseOrdinals, string([]rune(first)[0])) {
			if len(r.Cells) < 2 {
				return nil, d.Errorf(r.Line(), "category row %q has no category name", first)
			}
			section = strings.TrimSpace(strings.Trim(r.Cells[1].Flat(), "　 "))
			continue
		}
		if len(r.Cells) > len(header) && filled <= len(header) {
			r.Cells = r.Cells[:len(header)]
		}
		if len(r.Cells) != len(header) {
			return nil, d.Errorf(r.Line(), "row has %d cells but the header has %d (%s)", len(r.Cells), len(header), headerList(header))
		}
		cell := func(col int) string {
			if col < 0 {
				return ""
			}
			return strings.TrimSpace(r.Cells[col].Text)
		}
		it := model.LineItem{
			ItemNo:      first,
			Code:        model.Normalize(r.Cells[codeCol].Flat()),
			Name:        strings.TrimSpace(r.Cells[nameCol].Flat()),
			TargetGroup: cell(targetCol),
			Description: cell(goalCol),
			Section:     section,
			SourceCat:   section,
			Amount:      model.Amount{Kind: model.KindUnknown},
			FundingText: fundText,
			FundingLine: fundLine,
			LineStart:   r.Line(),
			LineEnd:     r.EndLine(),
		}
		if contentCol >= 0 && contentCol != goalCol {
			if s := cell(contentCol); s != "" {
				it.Description = strings.TrimSpace(it.Description + "\n" + s)
			}
		}
		if it.Code == "" {
			return nil, d.Errorf(r.Line(), "project row has no 项目编号")
		}
		if it.Name == "" {
			return nil, d.Errorf(r.Line(), "project %s has no name", it.Code)
		}
		if it.ItemNo != "" {
			n, err := strconv.Atoi(it.ItemNo)
			if err != nil {
				return nil, d.Errorf(r.Line(), "序号 %q is not a number", it.ItemNo)
			}
			if lastNo > 0 && n != lastNo+1 {
				p.Warnings = append(p.Warnings, model.Warning{Line: r.Line(), Message: fmt.Sprintf("序号 jumps from %d to %d", lastNo, n)})
			}
			lastNo = n
		} else {
			p.Warnings = append(p.Warnings, model.Warning{Line: r.Line(), Message: fmt.Sprintf("project %s has no 序号", it.Code)})
		}
		it.ItemID = itemID(c, it)
		p.Items = append(p.Items, it)
	}
	return p, nil
}

func firstTextLine(d *document.Document) string {
	for _, l := range d.Lines {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "附件") {
			return t
		}
	}
	return ""
}
