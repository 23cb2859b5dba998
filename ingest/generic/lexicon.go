package generic

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"sync"

	"fundscope/data"
)

// rule is one row of a lexicon: a pattern and what a match means.
type rule struct {
	kind    string // column role, or decoy | total | shared
	re      *regexp.Regexp
	meaning string // note or reason
}

var (
	lexOnce               sync.Once
	columnRules, ctxRules []rule
	lexErr                error
)

// lexicons reads data/lexicon/columns.csv (header roles, most specific
// first) and data/lexicon/amount_context.csv (what the words before an
// amount make of it).
func lexicons() ([]rule, []rule, error) {
	lexOnce.Do(func() {
		columnRules, lexErr = readRules("lexicon/columns.csv")
		if lexErr == nil {
			ctxRules, lexErr = readRules("lexicon/amount_context.csv")
		}
	})
	return columnRules, ctxRules, lexErr
}

func readRules(name string) ([]rule, error) {
	f, err := data.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("data/%s: %w", name, err)
	}
	var out []rule
	for i, r := range rows[1:] {
		re, err := regexp.Compile(r[1])
		if err != nil {
			return nil, fmt.Errorf("data/%s row %d: %w", name, i+2, err)
		}
		out = append(out, rule{kind: r[0], re: re, meaning: r[2]})
	}
	return out, nil
}
