package generic

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/textfold"
)

// namingLexicon is data/lexicon/naming.csv: how the words around a figure
// name the item it is for.
type namingLexicon struct {
	money, verb, source *regexp.Regexp // words before a figure that name nothing (rule name-from-clause-before)
	purpose             *regexp.Regexp // 用于 right after a figure (rule name-purpose-after)
	lead                *regexp.Regexp // when and how the money was given, before a name (rule name-lead-verb)
	provider            *regexp.Regexp // 提供的: who and for whom come before it (rule name-after-provider)
	price               *regexp.Regexp // a price word before the figure (rule name-price-trail)
	fundUse             *regexp.Regexp // the fund and 用于 before a name (rule name-fund-use)
	projectWord         *regexp.Regexp // a project word: the part before 用于 is a project (rule name-fund-use)
	categorySpending    *regexp.Regexp // 类支出: a category's spending line keeps 支出 (rule name-category-spending)
	parenAfter          *regexp.Regexp // a project in parentheses right after the figure (rule name-paren-after)
	countTrail          *regexp.Regexp // 共16个 at the end of a name (rule name-count-trail)
	purposeTrail        *regexp.Regexp // 的支出 at the end of a purpose (rule name-purpose-after)
	noName              *regexp.Regexp // a clause of when or on what grounds: no name (rule name-from-clause-before)
	copulaAfter         *regexp.Regexp // ,为甲补助资金 after a figure named by its fund (rule name-copula-after)
	categoryLine        *regexp.Regexp // a line named only by its category (rule name-purpose-next)
	purposeNext         *regexp.Regexp // 用于 starting the sentence after it
	purposeLead         *regexp.Regexp // 资助我区 starting that purpose
	beneficiaryCount    *regexp.Regexp // 501户 ending it
	purposeClause       *regexp.Regexp // the clause after a figure named by nothing before it (rule name-purpose-clause)
	leadKeep            *regexp.Regexp // a term that starts with a lead word (为老服务; rule name-lead-keep)
	levelPart           *regexp.Regexp // a part named only by the level that spends it (省本级; rule name-level-part)
	headingStructure    *regexp.Regexp // a heading that is only the document's structure (rule name-heading)
	headingArea         *regexp.Regexp // 方面 ending an area heading (rule name-heading)
	countName           *regexp.Regexp // a name that ends in how many (新建书屋12个): what was done, weak (rule name-heading)
	recipient           *regexp.Regexp // 向甲社区拨付公益金 before a figure whose purpose follows (rule name-recipient-purpose)
	totalOnly           *regexp.Regexp // a name that is only a total word and a verb (总计资助; rule name-activity-of-notice)
	activity            *regexp.Regexp // the words after a quoted name that make it an activity (“甲”公益行动)
	fundLead            *regexp.Regexp // 使用福彩公益金资助 before what it pays for (rule name-fund-lead)
	rest                *regexp.Regexp // 其余, 剩余资金 before a figure: the remainder names nothing (rule name-rest-purpose)
	projectVerb         *regexp.Regexp // 项目资助 before a figure: the verb is no part of the name (rule name-project-verb)
	levelSource         *regexp.Regexp // 市级补助, 区级配套 before a figure: a level's share, no project (rule name-level-source)
	phaseLead           *regexp.Regexp // 首期拨付 before a figure: a payment phase, no project (rule name-phase-lead)
}

var (
	namingOnce sync.Once
	namingLex  namingLexicon
	namingErr  error
)

// namingRules reads data/lexicon/naming.csv; every kind must have its row.
func namingRules() (*namingLexicon, error) {
	namingOnce.Do(func() {
		rows, err := lexiconRows("lexicon/naming.csv")
		if err != nil {
			namingErr = err
			return
		}
		slots := map[string]**regexp.Regexp{"money": &namingLex.money, "verb": &namingLex.verb, "source": &namingLex.source, "purpose": &namingLex.purpose, "lead": &namingLex.lead, "provider": &namingLex.provider, "price": &namingLex.price, "fund-use": &namingLex.fundUse, "project-word": &namingLex.projectWord, "category-spending": &namingLex.categorySpending, "paren-after": &namingLex.parenAfter, "count-trail": &namingLex.countTrail, "purpose-trail": &namingLex.purposeTrail, "no-name": &namingLex.noName, "copula-after": &namingLex.copulaAfter, "category-line": &namingLex.categoryLine, "purpose-next": &namingLex.purposeNext, "purpose-lead": &namingLex.purposeLead, "beneficiary-count": &namingLex.beneficiaryCount, "purpose-clause": &namingLex.purposeClause, "lead-keep": &namingLex.leadKeep, "level-part": &namingLex.levelPart, "heading-structure": &namingLex.headingStructure, "heading-area": &namingLex.headingArea, "count-name": &namingLex.countName, "recipient": &namingLex.recipient, "total-only": &namingLex.totalOnly, "activity": &namingLex.activity, "fund-lead": &namingLex.fundLead, "rest": &namingLex.rest, "project-verb": &namingLex.projectVerb, "level-source": &namingLex.levelSource, "phase-lead": &namingLex.phaseLead}
		for i, r := range rows {
			slot, ok := slots[r[1]]
			if !ok {
				namingErr = fmt.Errorf("data/lexicon/naming.csv row %d: kind %q is not money, verb, source, purpose, lead, provider, price, fund-use, project-word, category-spending, paren-after, count-trail, purpose-trail, no-name, copula-after, category-line, purpose-next, purpose-lead, beneficiary-count, purpose-clause, lead-keep, level-part, heading-structure, heading-area, count-name, recipient, total-only, activity, fund-lead, rest, project-verb, level-source or phase-lead", i+2, r[1])
				return
			}
			if *slot, err = regexp.Compile(r[2]); err != nil {
				namingErr = fmt.Errorf("data/lexicon/naming.csv row %d: %w", i+2, err)
				return
			}
		}
		for k, s := range slots {
			if *s == nil {
				namingErr = fmt.Errorf("data/lexicon/naming.csv: no %s row", k)
			}
		}
	})
	return &namingLex, namingErr
}

// names is the naming lexicon once lexicons() has checked it.
func names() *namingLexicon {
	lx, _ := namingRules()
	return lx
}

// namesNothing reports whether the words before a figure are only a money
// word, a verb of granting or the fund it is paid from: the item is named
// by the clause before.
func namesNothing(p string) bool {
	lx, f := names(), textfold.Han(p)
	return lx.money.MatchString(f) || lx.verb.MatchString(f) || lx.source.MatchString(f) || lx.rest.MatchString(f)
}

// onlyFund reports whether an item's name is only the fund it is paid from
// (市级福彩公益金涉及经费).
func onlyFund(name string) bool { return names().source.MatchString(textfold.Han(name)) }

// trimName cuts what is no part of an item's name from the words before
// its figure: a price word at the end (rule name-price-trail), who provides
// it for whom before 提供的 (rule name-after-provider), when and how it was
// given at the start (rule name-lead-verb), the fund before 用于 when
// what follows is what it is used for (rule name-fund-use). Patterns see folded text; a
// fold that changes byte lengths leaves p as it is.
func trimName(p string) string {
	lx := names()
	f := textfold.Han(p)
	if len(f) != len(p) {
		return p
	}
	if loc := lx.price.FindStringIndex(f); loc != nil && loc[0] > 0 {
		p, f = p[:loc[0]], f[:loc[0]]
	}
	if locs := lx.provider.FindAllStringIndex(f, -1); len(locs) > 0 {
		if end := locs[len(locs)-1][1]; utf8.RuneCountInString(p[end:]) >= 2 {
			p, f = p[end:], f[end:]
		}
	}
	if loc := lx.lead.FindStringIndex(f); loc != nil && utf8.RuneCountInString(p[loc[1]:]) >= 2 {
		p, f = p[loc[1]:], f[loc[1]:]
	}
	if loc := lx.fundUse.FindStringIndex(f); loc != nil && !lx.projectWord.MatchString(f[:loc[1]]) && utf8.RuneCountInString(p[loc[1]:]) >= 2 {
		p, f = p[loc[1]:], f[loc[1]:]
	}
	if m := lx.fundLead.FindStringIndex(f); m != nil && utf8.RuneCountInString(p[m[1]:]) >= 2 && !recipientPlaceRe.MatchString(f[m[1]:]) && !lx.source.MatchString(f) {
		// 使用福彩公益金资助甲项目, 市福彩公益金资助的乙项目: the fund pays for what follows it
		rest := p[m[1]:]
		if strings.HasSuffix(strings.TrimSuffix(f[:m[1]], "的"), "对") { // 对甲给予乙: 甲乙 (对农村幸福院给予运营补助 → 农村幸福院运营补助)
			if k := strings.Index(foldedOr(rest), "给予"); k >= 0 { // 給予 as 给予
				if obj, what := rest[:k], rest[k+len("给予"):]; utf8.RuneCountInString(obj) >= 2 && utf8.RuneCountInString(what) >= 2 {
					rest = obj + what
				}
			}
		}
		p = rest
	}
	return p
}

// cutTrail cuts the verbs and total words between a name and its figure
// (为, 共计, 支出 …, matched on folded text), except the 支出 of a category's spending line (rule
// name-category-spending): 老年人福利类支出 is that line's name.
func cutTrail(p string) string {
	f := textfold.Han(p)
	if len(f) != len(p) {
		return cutFolded(trailRe, p)
	}
	if locs := names().categorySpending.FindAllStringIndex(f, -1); len(locs) > 0 {
		if end := locs[len(locs)-1][1]; trailRe.ReplaceAllString(f[end:], "") == "" {
			return p[:end]
		}
	}
	f = trailRe.ReplaceAllString(f, "")
	if m := names().projectVerb.FindStringSubmatchIndex(f); m != nil && utf8.RuneCountInString(f[:m[2]]) >= 4 {
		f = f[:m[2]] // 助老类项目资助50万元: the verb after 项目 is no part of the name (rule name-project-verb)
	}
	return p[:len(f)]
}

// recipientPlaceRe: the words after a fund and its verb are the place it is
// granted to (补助我区项目资金): the fund's own grant, no project after it.
var recipientPlaceRe = regexp.MustCompile(`^(?:我|本|全|你|贵)(?:省|市|区|县|州|镇|乡|街道)`)

// purposeOf is the purpose stated by 用于 right after a figure, with who
// receives it before 用于 skipped (rule name-purpose-after), "" when none.
func purposeOf(after string) string {
	f := textfold.Han(after)
	loc := names().purpose.FindStringIndex(f)
	if loc == nil || len(f) != len(after) {
		return ""
	}
	p := strings.Trim(after[loc[1]:], "、，,。；; ")
	if t := names().purposeTrail.FindStringIndex(textfold.Han(p)); t != nil && utf8.RuneCountInString(p[:t[0]]) >= 2 {
		p = p[:t[0]]
	}
	return p
}

// purposeClauseOf is what the clause after a figure says the money did
// (rule name-purpose-clause): 用于甲 → 甲; 资助甲 and 为甲购买乙 name
// themselves; "" when it says no such thing.
func purposeClauseOf(next string) string {
	f := textfold.Han(next)
	m := names().purposeClause.FindStringSubmatchIndex(f)
	if m == nil || len(f) != len(next) {
		return ""
	}
	q := next
	if m[2] >= 0 {
		q = next[m[3]:]
	}
	q = strings.Trim(q, "、，,。；; ")
	if t := names().purposeTrail.FindStringIndex(textfold.Han(q)); t != nil && utf8.RuneCountInString(q[:t[0]]) >= 2 {
		q = q[:t[0]]
	}
	if utf8.RuneCountInString(q) < 4 {
		return ""
	}
	return q
}

// copulaOf is what the clause after a figure says it is (rule
// name-copula-after: 8万元,为社区活动阵地补助资金 → 社区活动阵地补助资金), "" when none.
func copulaOf(next string) string {
	f := textfold.Han(next)
	if m := names().copulaAfter.FindStringSubmatchIndex(f); m != nil && len(f) == len(next) {
		return next[m[2]:m[3]]
	}
	return ""
}

// purposeNextSentence names a line printed only as its category when the
// sentence after it says what the money is used for (rule
// name-purpose-next): 老年人福利类31万元。用于资助我区甲改造501户。 → 甲改造.
// rest is the text after the line's sentence stop; "" when it says no purpose.
func purposeNextSentence(name, rest string) string {
	lx := names()
	if !lx.categoryLine.MatchString(textfold.Han(name)) && !onlyFund(name) {
		return "" // a category line (老年人福利类31万元。), or a fund alone (中央彩票公益金（省本级）3.1亿元。)
	}
	clean, at := textfold.Clean(rest)
	loc := lx.purposeNext.FindStringIndex(clean)
	if loc == nil {
		return ""
	}
	from := loc[1]
	to := from + nextStop(clean[from:], sentenceStops+clauseStops)
	if l := lx.purposeLead.FindStringIndex(clean[from:to]); l != nil {
		from += l[1]
	}
	if l := lx.beneficiaryCount.FindStringIndex(clean[from:to]); l != nil {
		to = from + l[0]
	}
	if utf8.RuneCountInString(clean[from:to]) < 2 {
		return ""
	}
	return strings.TrimSpace(rest[at[from]:at[to]])
}

// parenProject is the project printed in parentheses right after a figure
// (rule name-paren-after), "" when there is none.
func parenProject(after string) string {
	f := textfold.Han(after)
	if len(f) != len(after) {
		return ""
	}
	if m := names().parenAfter.FindStringSubmatchIndex(f); m != nil {
		return after[m[2]:m[3]]
	}
	return ""
}

// cutCount cuts a count stated with 共 from the end of a name (rule
// name-count-trail): 甲类项目共16个 is 甲类项目.
func cutCount(p string) string {
	f := textfold.Han(p)
	if loc := names().countTrail.FindStringIndex(f); loc != nil && len(f) == len(p) && utf8.RuneCountInString(p[:loc[0]]) >= 2 {
		return p[:loc[0]]
	}
	return p
}

// recipientPurpose names a figure given to a recipient (向甲社区拨付公益金5万元，
// 用于建设老年活动室: rule name-recipient-purpose) by what it is used for,
// the recipient its organization when it is a community, village or
// registered name; ok is false when the words before it are no such
// giving or no purpose follows.
func recipientPurpose(prefix, after, next string) (name, org string, ok bool) {
	f := textfold.Han(prefix)
	m := names().recipient.FindStringSubmatchIndex(f)
	if m == nil || len(f) != len(prefix) {
		return "", "", false
	}
	name = purposeOf(after)
	if name == "" && strings.Trim(after, " ") == "" {
		name = purposeClauseOf(next)
	}
	if utf8.RuneCountInString(name) < 2 {
		return "", "", false
	}
	who := strings.TrimSpace(prefix[m[2]:m[3]])
	if fw := textfold.Han(who); orgRe.FindString(fw) == fw || orgLexicon() == nil && orgUnit.MatchString(fw) {
		org = who
	}
	return name, org, true
}

// noticeActivity is the activity a notice is about: the first quoted name
// of its text before paragraph upto followed by an activity word (开启“甲”
// 六一特别公益行动 → “甲”六一特别公益行动; rule name-activity-of-notice), ""
// when none.
func noticeActivity(us []unit, upto int) string {
	for pi := 0; pi <= upto && pi < len(us); pi++ {
		n := us[pi].norm
		for _, loc := range quotedRe.FindAllStringIndex(n, -1) {
			rest := n[loc[1]:]
			f := textfold.Han(rest)
			if len(f) != len(rest) {
				continue
			}
			if m := names().activity.FindStringIndex(f); m != nil {
				return n[loc[0]:loc[1]] + rest[:m[1]]
			}
		}
	}
	return ""
}
