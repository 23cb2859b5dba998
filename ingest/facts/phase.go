package facts

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"sync"

	"fundscope/data"
	"fundscope/model"
	"fundscope/textfold"
)

type phaseRule struct {
	phase string
	re    *regexp.Regexp
}

var (
	phaseOnce  sync.Once
	phaseRules []phaseRule
	phaseErr   error
)

func loadPhases() error {
	phaseOnce.Do(func() {
		f, err := data.FS.Open("lexicon/phases.csv")
		if err != nil {
			phaseErr = err
			return
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			phaseErr = fmt.Errorf("lexicon/phases.csv: %w", err)
			return
		}
		for i, r := range recs[1:] {
			if !model.IsPhase(r[0]) {
				phaseErr = fmt.Errorf("lexicon/phases.csv row %d: %q is not a phase (%v)", i+2, r[0], model.Phases)
				return
			}
			re, err := regexp.Compile(r[1])
			if err != nil {
				phaseErr = fmt.Errorf("lexicon/phases.csv row %d: %w", i+2, err)
				return
			}
			phaseRules = append(phaseRules, phaseRule{r[0], re})
		}
	})
	return phaseErr
}

// Phase infers what the amounts of a document with this title mean: budgeted
// (a 目录, 预算 or 实施方案), approved (立项, 批复, 资助名单), contracted (中标,
// 成交) or paid (拨付, 使用情况). The first row of data/lexicon/phases.csv
// whose pattern the title matches decides; none gives unknown.
func Phase(title string) string {
	if loadPhases() != nil {
		return model.PhaseUnknown
	}
	t := textfold.Han(model.Normalize(title)) // 撥付 is 拨付
	for _, r := range phaseRules {
		if r.re.MatchString(t) {
			return r.phase
		}
	}
	return model.PhaseUnknown
}

// CheckPhases reports a broken phase lexicon (a test and ingest call it).
func CheckPhases() error { return loadPhases() }
