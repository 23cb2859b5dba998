package generic

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"fundscope/textfold"
)

// amountRank is how much an amount column's header (or a form's money
// label) says its figure is the money, from data/lexicon/amount_rank.csv:
// what was awarded or spent (中标金额, 实际支出) ranks above an amount of no
// such word, which ranks above a budget, a plan or what was applied for,
// which ranks above a part (其中). Of several amounts for one item the best
// ranked is read; the others are unread with their rule's reason.
type amountRank struct {
	rule, reason string
	rank         int
	re           *regexp.Regexp
}

// plainRank is the rank of an amount whose header says none of these.
const plainRank = 2

var (
	rankOnce  sync.Once
	rankRules []amountRank
	rankErr   error
)

func amountRanks() ([]amountRank, error) {
	rankOnce.Do(func() {
		rows, err := lexiconRows("lexicon/amount_rank.csv")
		if err != nil {
			rankErr = err
			return
		}
		for i, r := range rows {
			rank, err := strconv.Atoi(r[1])
			if err != nil {
				rankErr = fmt.Errorf("data/lexicon/amount_rank.csv row %d: rank %q is no number", i+2, r[1])
				return
			}
			re, err := regexp.Compile(r[2])
			if err != nil {
				rankErr = fmt.Errorf("data/lexicon/amount_rank.csv row %d: %w", i+2, err)
				return
			}
			rankRules = append(rankRules, amountRank{rule: r[0], rank: rank, re: re, reason: r[3]})
		}
	})
	return rankRules, rankErr
}

// rankOf is the rank of an amount header and the rule that gives it (the
// first row that matches; plainRank and no rule when none does).
func rankOf(header string) amountRank {
	rules, _ := amountRanks()
	h := textfold.Han(header)
	for _, r := range rules {
		if r.re.MatchString(h) {
			return r
		}
	}
	return amountRank{rank: plainRank}
}
