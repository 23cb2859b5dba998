package document

import (
	"strings"
	"testing"
)

const dataTable = `<table><tr><td>序号</td><td>项目名称</td><td>金额（万元）</td></tr>` +
	`<tr><td>1</td><td>助餐服务</td><td>5</td></tr><tr><td>合计</td><td></td><td>5</td></tr></table>`

// wrap puts s inside depth single-cell tables (with <tbody> on odd levels,
// as Word writes them).
func wrap(s string, depth int) string {
	for i := 0; i < depth; i++ {
		if i%2 == 1 {
			s = "<table><tbody><tr><td>" + s + "</td></tr></tbody></table>"
		} else {
			s = "<table><tr><td>" + s + "</td></tr></table>"
		}
	}
	return "<html><body>" + s + "</body></html>"
}

// A table inside single-cell frame tables reads as if it stood on the page,
// at any depth up to MaxWrapperDepth; deeper is refused with a message.
func TestSingleCellWrapperTablesAreUnwrapped(t *testing.T) {
	for _, depth := range []int{1, 2, 7, MaxWrapperDepth} {
		doc, err := Open("w.html", []byte(wrap("<p>某区项目名单</p>"+dataTable, depth)))
		if err != nil {
			t.Fatalf("depth %d: %v", depth, err)
		}
		var tables []*Table
		var paras []string
		for _, b := range doc.Blocks {
			if b.Kind == TableKind {
				tables = append(tables, b.Table)
			} else {
				paras = append(paras, b.Text)
			}
		}
		if len(tables) != 1 || len(tables[0].Rows) != 3 || tables[0].Rows[1][1].Text != "助餐服务" || tables[0].Loc.Table != 1 {
			t.Fatalf("depth %d: tables %+v", depth, tables)
		}
		if strings.Join(paras, "|") != "某区项目名单" {
			t.Errorf("depth %d: paragraphs %q", depth, paras)
		}
	}
	_, err := Open("deep.html", []byte(wrap(dataTable, MaxWrapperDepth+1)))
	if err == nil || !strings.Contains(err.Error(), "deep.html") || !strings.Contains(err.Error(), "single-cell tables wrap each other") {
		t.Errorf("past the limit: %v", err)
	}
	// A table of one row and two cells is data, not a frame.
	doc, err := Open("two.html", []byte("<html><body><table><tr><td>项目</td><td>5万元</td></tr></table></body></html>"))
	if err != nil || len(doc.Blocks) != 1 || doc.Blocks[0].Kind != TableKind {
		t.Errorf("a 1×2 table: %v %+v", err, doc)
	}
}
