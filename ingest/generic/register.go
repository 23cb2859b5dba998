package generic

import (
	"fundscope/ingest/document"
	"fundscope/ingest/layouts"
	"fundscope/model"
)

// Name is the layout name of the generic reader.
const Name = "generic"

func init() {
	layouts.Register(layouts.Reader{
		Name: Name,
		Help: "any document: tables by their header words, prose and numbered sections by the amounts they state",
		Text: document.TSV,
		Read: Read,
	})
}

// Read reads a document (rendered in the TSV convention) with no knowledge
// of its layout: tables by column roles, prose by the words around amounts.
func Read(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	_, ctx, err := lexicons()
	if err != nil {
		return nil, err
	}
	us := units(d)
	p := &model.Parsed{}
	assemble(proseCands(us, ctx), c, p)
	p.Confidence = confidence(p)
	return p, nil
}

// confidence is how much of what looks like money the reading accounts for,
// raised when stated totals reconcile and lowered when they do not.
func confidence(p *model.Parsed) float64 {
	used := len(p.Items) + len(p.Totals)
	unexplained := 0
	for _, u := range p.Unread {
		if u.Reason == "" {
			unexplained++
		}
	}
	if used == 0 {
		return 0
	}
	conf := float64(used) / float64(used+unexplained)
	byID := map[string]int64{}
	for _, it := range p.Items {
		if it.Amount.Yuan != nil {
			byID[it.ItemID] = *it.Amount.Yuan
		}
	}
	for _, t := range p.Totals {
		var sum int64
		for _, id := range t.Scope {
			sum += byID[id]
		}
		if sum == t.Stated {
			conf += 0.1
		} else {
			conf -= 0.2
		}
	}
	return min(max(conf, 0), 1)
}
