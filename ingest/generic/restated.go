package generic

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// restatedLexicon is data/lexicon/restated.csv: when a figure is a total
// the document breaks down, printed again outside its breakdown (rule
// total-restated).
type restatedLexicon struct {
	minDigits int            // significant digits that make a coincidence unlikely
	fundName  *regexp.Regexp // a name that is only the fund
	minParts  int            // figures that make a second breakdown of a total (rule total-second-breakdown)
}

var (
	restatedOnce sync.Once
	restatedLex  restatedLexicon
	restatedErr  error
)

func restatedRules() (*restatedLexicon, error) {
	restatedOnce.Do(func() {
		rows, err := lexiconRows("lexicon/restated.csv")
		if err != nil {
			restatedErr = err
			return
		}
		for i, r := range rows {
			switch r[1] {
			case "min-digits":
				restatedLex.minDigits, err = strconv.Atoi(r[2])
			case "fund-name":
				restatedLex.fundName, err = regexp.Compile(r[2])
			case "min-parts":
				restatedLex.minParts, err = strconv.Atoi(r[2])
			default:
				err = fmt.Errorf("kind %q is not min-digits, fund-name or min-parts", r[1])
			}
			if err != nil {
				restatedErr = fmt.Errorf("data/lexicon/restated.csv row %d: %w", i+2, err)
				return
			}
		}
		if restatedLex.minDigits == 0 || restatedLex.fundName == nil || restatedLex.minParts < 2 {
			restatedErr = fmt.Errorf("data/lexicon/restated.csv: needs a min-digits, a fund-name and a min-parts (at least 2) row")
		}
	})
	return &restatedLex, restatedErr
}

// significantDigits counts the digits of an amount in yuan without its
// trailing zeros: 1090.16万元 has 6, 10万元 has 1.
func significantDigits(yuan int64) int {
	if yuan < 0 {
		yuan = -yuan
	}
	for yuan != 0 && yuan%10 == 0 {
		yuan /= 10
	}
	return len(strconv.FormatInt(yuan, 10))
}

// restatedTotals sets aside the leaves that state again a total the
// document breaks down elsewhere (rule total-restated): the same value,
// outside that total's breakdown, either named only by its fund or
// printed with enough significant digits that the match is no
// coincidence. Such a leaf becomes the total's cross-check (or, when it
// has one, an unread amount pointing at it), never a second item.
func restatedTotals(roots, leaves []*cand, p *model.Parsed) []*cand {
	lx, err := restatedRules()
	if err != nil {
		return leaves
	}
	var totals []*cand
	var walk func(x *cand)
	walk = func(x *cand) {
		if x.total && len(x.children) > 0 {
			totals = append(totals, x)
		}
		for _, ch := range x.children {
			walk(ch)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	within := func(l, t *cand) bool {
		for x := l.parent; x != nil; x = x.parent {
			if x == t {
				return true
			}
		}
		return false
	}
	var out []*cand
	for _, l := range leaves {
		var hit *cand
		for _, t := range totals {
			if t.span.Yuan != l.span.Yuan || within(l, t) {
				continue
			}
			if lx.fundName.MatchString(textfold.Han(l.name)) || significantDigits(l.span.Yuan) >= lx.minDigits {
				hit = t
				break
			}
		}
		if hit == nil {
			out = append(out, l)
			continue
		}
		l.alias = hit // a total over it covers what the total it restates covers
		reason := fmt.Sprintf("the total %s at line %d stated again (rule total-restated)", money.Clip(hit.name, 30)+" "+hit.span.Text, hit.line)
		if hit.again == nil {
			hit.again = l
			p.Warnings = append(p.Warnings, model.Warning{Line: l.line, Message: reason + "; read as its cross-check"})
			continue
		}
		p.Unread = append(p.Unread, model.Unread{Text: l.span.Text, Line: l.line, Location: l.loc, Reason: reason + ": " + money.Clip(l.clause, 60)})
	}
	return out
}

// secondBreakdownReason starts the reason of a figure of a total's second
// breakdown (rule total-second-breakdown).
const secondBreakdownReason = "the same money divided another way"

// secondBreakdowns sets aside, as unread, the figures that divide a total
// a second time (rule total-second-breakdown): right after a total's parts,
// in the paragraphs that follow them, at least min-parts unnumbered figures
// that are no totals and add up to the total exactly. Returns the roots
// without them.
func secondBreakdowns(roots []*cand) []*cand {
	lx, err := restatedRules()
	if err != nil {
		return roots
	}
	for i := 0; i < len(roots); i++ {
		c := roots[i]
		if !c.total || len(c.children) < 2 || c.span.Approx || c.children[0].incomePart {
			continue // an income divided by where it came from is followed by what it is spent on
		}
		last := c.children[len(c.children)-1]
		var sum int64
		for j := i + 1; j < len(roots); j++ {
			r := roots[j]
			if r.total || r.keyword || r.marker != "" || listMarkerRe.MatchString(r.clause) || r.group != 0 || r.para > last.para+2 || r.para <= last.para && r.sent == last.sent {
				break
			}
			sum += r.span.Yuan
			if sum > c.span.Yuan {
				break
			}
			if sum == c.span.Yuan && j-i >= lx.minParts {
				for _, x := range roots[i+1 : j+1] {
					x.reason = fmt.Sprintf("%s: its figures add up to %s at line %d, already divided into %d parts; not added again (rule total-second-breakdown)", secondBreakdownReason, c.span.Text, c.line, len(c.children))
				}
				roots = append(roots[:i+1], roots[j+1:]...)
				break
			}
		}
	}
	return roots
}
