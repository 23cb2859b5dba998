package layouts

import (
	"regexp"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
)

func init() {
	Register(Reader{Name: "tsv-table", Text: document.TSV, Help: "tab-separated table with a header row; blank cells carried down from the row above (普陀)", Read: parseTSVTable})
}

var unitsItemsRe = regexp.MustCompile(`共(\d+)个单位[、，,]?(\d+)个项目`)

// parseTSVTable reads a tab-separated table with a header row (序号 …
// 金额（万元）). A blank 购买主体 cell continues the purchaser of the row above.
// A sentence "共 N 个单位、M 个项目" before the table is a stated total.
func parseTSVTable(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	hl := 0
	var header []string
	for n := 1; n <= len(d.Lines); n++ {
		l := d.Line(n)
		if strings.Contains(l, "\t") && model.Normalize(strings.Split(l, "\t")[0]) == "序号" {
			hl = n
			for _, h := range strings.Split(l, "\t") {
				header = append(header, model.Normalize(h))
			}
			break
		}
	}
	if hl == 0 {
		return nil, d.Errorf(1, "no header line found: expected a tab-separated line starting with 序号")
	}
	nameCol := columnIndex(header, "项目名称", "名称")
	amtCol := columnIndex(header, "金额", "资金")
	purchCol := columnIndex(header, "购买主体", "购买单位")
	descCol := columnIndex(header, "服务内容", "内容")
	targetCol := columnIndex(header, "服务对象", "受益")
	regionCol := columnIndex(header, "实施地点", "实施区域", "地区")
	if nameCol < 0 || amtCol < 0 {
		return nil, d.Errorf(hl, "header %q needs a 项目名称 column and a 金额 column", headerList(header))
	}
	bareUnit := ""
	switch {
	case strings.Contains(header[amtCol], "万元"):
		bareUnit = "万元"
	case strings.Contains(header[amtCol], "元"):
		bareUnit = "元"
	}
	p := &model.Parsed{}
	purchaser := ""
	for n := hl + 1; n <= len(d.Lines); n++ {
		l := d.Line(n)
		if strings.TrimSpace(l) == "" {
			continue
		}
		if !strings.Contains(l, "\t") {
			break // text after the table
		}
		f := strings.Split(l, "\t")
		if len(f) != len(header) {
			return nil, d.Errorf(n, "line has %d tab-separated fields but the header (line %d) has %d: %s", len(f), hl, len(header), headerList(header))
		}
		cell := func(col int) string {
			if col < 0 {
				return ""
			}
			return strings.TrimSpace(f[col])
		}
		no := model.Normalize(f[0])
		if !isInt(no) {
			return nil, d.Errorf(n, "序号 %q is not a number", f[0])
		}
		if v := cell(purchCol); v != "" {
			purchaser = v
		} else if purchCol >= 0 && purchaser == "" {
			return nil, d.Errorf(n, "购买主体 is blank and no row above gives one")
		}
		it := model.LineItem{
			ItemNo: no, Name: cell(nameCol), Description: cell(descCol), TargetGroup: cell(targetCol),
			Purchaser: purchaser, RegionText: cell(regionCol), LineStart: n, LineEnd: n,
		}
		if it.RegionText != "" {
			it.RegionLine = n
		}
		if it.Name == "" {
			return nil, d.Errorf(n, "row %s has no project name", no)
		}
		var err error
		if it.Amount, err = amountOrMissing(d, n, f[amtCol], bareUnit); err != nil {
			return nil, err
		}
		it.ItemID = itemID(c, it)
		p.Items = append(p.Items, it)
	}
	fundText, fundLine := findFundingInProse(d, 1, hl)
	var all []string
	for i := range p.Items {
		p.Items[i].FundingText, p.Items[i].FundingLine = fundText, fundLine
		all = append(all, p.Items[i].ItemID)
	}
	for n := 1; n < hl; n++ {
		if m := unitsItemsRe.FindStringSubmatch(model.Normalize(d.Line(n))); m != nil {
			text := m[0]
			p.Totals = append(p.Totals,
				model.StatedTotal{Label: "购买主体数 " + text, Kind: "document_total", Metric: model.MetricUnits, Stated: atoi64(m[1]), Scope: all, Line: n, Text: text},
				model.StatedTotal{Label: "项目数 " + text, Kind: "document_total", Metric: model.MetricItems, Stated: atoi64(m[2]), Scope: all, Line: n, Text: text},
			)
		}
	}
	return p, nil
}
