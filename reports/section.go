package reports

import (
	"fmt"
	"sort"
	"strings"

	"fundscope/queries"
)

// Section is one part of the reports, declared once and rendered by both the
// HTML page and the Excel workbook: the named query it shows, how its rows
// read as a table, the chart drawn from the same rows, and the workbook sheet
// that holds them. Each section lives in its own file (section_*.go) and
// registers itself; adding a section means adding a file.
type Section struct {
	ID      string
	Order   int    // position in both reports
	TitleZH string // heading in the page; title row of the sheet
	TitleEN string
	Note    string   // printed under the table or chart
	Query   string   // the named query whose rows the section shows
	Columns []column // the rows as a table: page table and sheet
	Chart   string   // a registered chart (package charts) drawn from the rows, "" for none
	Sheet   string   // the workbook sheet of the table
	// SheetChart draws a native Excel chart beside the sheet's table: bars
	// of column Value, labelled by the Label columns joined (nil: none).
	SheetChart *SheetChart
}

// SheetChart is the chart beside a section's table in the workbook.
type SheetChart struct {
	Value string   // the column charted (a column of the table)
	Label []string // the columns that name a bar
}

var sections []Section

// registerSection adds a section; a duplicate id or sheet panics (caught by any test).
func registerSection(s Section) {
	for _, o := range sections {
		if o.ID == s.ID || o.Sheet == s.Sheet {
			panic("reports: duplicate section " + s.ID)
		}
	}
	sections = append(sections, s)
	sort.SliceStable(sections, func(i, j int) bool { return sections[i].Order < sections[j].Order })
}

// Sections lists the report sections in order.
func Sections() []Section { return append([]Section(nil), sections...) }

// checkColumns fails when the query result lacks a column the section shows:
// a renamed SQL column is an error, never "<nil>" in a report.
func (s Section) checkColumns(t *queries.Table) error {
	var missing []string
	for _, c := range s.Columns {
		if t.Col(c.field) < 0 {
			missing = append(missing, c.field)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("section %s: query %s has no column %s (it gives %s)", s.ID, s.Query, strings.Join(missing, ", "), strings.Join(t.Columns, ", "))
	}
	return nil
}
