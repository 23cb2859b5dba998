// Package testdoc makes small invented documents for reader tests.
package testdoc

import (
	"strings"
	"testing"

	"fundscope/ingest/document"
)

// HTMLTable is an HTML notice of one title paragraph and one table whose
// rows are given as cells joined by "|".
func HTMLTable(t testing.TB, rows ...string) *document.Document {
	t.Helper()
	var b strings.Builder
	b.WriteString("<html><body><p>某市2024年政府购买服务项目目录</p><table>")
	for _, r := range rows {
		b.WriteString("<tr><td>" + strings.ReplaceAll(r, "|", "</td><td>") + "</td></tr>")
	}
	b.WriteString("</table></body></html>")
	d, err := document.Open("t.html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
