package generic

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"fundscope/data"
	"fundscope/model"
	"fundscope/textfold"
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

	totalOnce sync.Once
	totalRows []totalRule
	totalErr  error
)

// totalRule is one row of data/lexicon/total_rows.csv: a total row's label.
type totalRule struct {
	id, scope string
	re        *regexp.Regexp
}

// totalRules reads data/lexicon/total_rows.csv.
func totalRules() ([]totalRule, error) {
	totalOnce.Do(func() {
		rows, err := lexiconRows("lexicon/total_rows.csv")
		if err != nil {
			totalErr = err
			return
		}
		for i, r := range rows {
			re, err := regexp.Compile(r[2])
			if err != nil {
				totalErr = fmt.Errorf("data/lexicon/total_rows.csv row %d: %w", i+2, err)
				return
			}
			if r[1] != "all" && r[1] != "section" {
				totalErr = fmt.Errorf("data/lexicon/total_rows.csv row %d: scope %q is neither all nor section", i+2, r[1])
				return
			}
			totalRows = append(totalRows, totalRule{id: r[0], scope: r[1], re: re})
		}
	})
	return totalRows, totalErr
}

// totalRow is the total-row rule a cell's text is the label of, nil when none.
func totalRow(text string) *totalRule {
	rules, err := totalRules()
	if err != nil {
		return nil
	}
	t := textfold.Han(strings.Join(strings.Fields(model.Normalize(text)), ""))
	for i := range rules {
		if rules[i].re.String() != "" && rules[i].re.MatchString(t) {
			return &rules[i]
		}
	}
	return nil
}

// totalLabel reports whether a cell's text labels a total row.
func totalLabel(text string) bool { return totalRow(text) != nil }

// lexicons reads data/lexicon/columns.csv (header roles, most specific
// first) and data/lexicon/amount_context.csv (what the words before an
// amount make of it).
func lexicons() ([]rule, []rule, error) {
	lexOnce.Do(func() {
		columnRules, lexErr = readRules("lexicon/columns.csv")
		if lexErr == nil {
			ctxRules, lexErr = readRules("lexicon/amount_context.csv")
		}
		if lexErr == nil {
			_, lexErr = totalRules()
		}
		if lexErr == nil {
			lexErr = orgLexicon()
		}
		if lexErr == nil {
			_, lexErr = tierRules()
		}
		if lexErr == nil {
			_, lexErr = namingRules()
		}
		if lexErr == nil {
			_, lexErr = perHeadRules()
		}
		if lexErr == nil {
			_, lexErr = restatedRules()
		}
		if lexErr == nil {
			_, lexErr = amountRanks()
		}
	})
	return columnRules, ctxRules, lexErr
}

// lexiconRows is a lexicon's rows without its header: name is its path
// under data/ (lexicon/columns.csv); errors name the file.
func lexiconRows(name string) ([][]string, error) {
	f, err := data.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("data/%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("data/%s: no header row", name)
	}
	return rows[1:], nil
}

func readRules(name string) ([]rule, error) {
	rows, err := lexiconRows(name)
	if err != nil {
		return nil, err
	}
	var out []rule
	for i, r := range rows {
		re, err := regexp.Compile(r[1])
		if err != nil {
			return nil, fmt.Errorf("data/%s row %d: %w", name, i+2, err)
		}
		out = append(out, rule{kind: r[0], re: re, meaning: r[2]})
	}
	return out, nil
}
