package ingest

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	m, err := LoadManifest(os.DirFS("../data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Catalogs {
		raw, _ := os.ReadFile("../data/" + c.File)
		d, err := Decode(c.File, raw)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(d, c)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		var sum int64
		for _, it := range p.Items {
			y := "NULL"
			if it.Amount.Yuan != nil {
				sum += *it.Amount.Yuan
				y = fmt.Sprint(*it.Amount.Yuan)
			}
			fmt.Printf("%s|%s|%.20s|%s|%s|%s|%s|%q|%d-%d|%s|%s\n", it.ItemID, it.Name, it.AltName, y, it.Amount.Kind, it.FundingText, it.RegionText, clip(it.Amount.Text, 20), it.LineStart, it.LineEnd, it.PeriodStart, it.PeriodEnd)
		}
		fmt.Println("SUM", c.CatalogID, len(p.Items), sum)
		for _, s := range p.Totals {
			if s.Kind != "crosscheck" {
				fmt.Printf("  TOTAL %s %s %d n=%d line %d\n", s.Label, s.Metric, s.Stated, len(s.Scope), s.Line)
			}
		}
		for _, w := range p.Warnings {
			fmt.Printf("  WARN %d %s\n", w.Line, w.Message)
		}
	}
}
