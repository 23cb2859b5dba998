package generic

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/textfold"
)

// Organizations named inside an item's name. A notice often runs the
// recipient and its project together (甲市助老协会居家探访项目, 乙基金会“丙”项目);
// the organization is cut out of the name by the structure of registered
// names (data/lexicon/organizations.csv).

var (
	orgOnce             sync.Once
	orgSuffix, orgObj   *regexp.Regexp
	orgNotName, orgLead *regexp.Regexp
	orgUnit, orgBuilt   *regexp.Regexp
	orgSite             *regexp.Regexp
	orgErr              error
	orgPunct            = "，,。；;：:、"
	minProjectRunes     = 5
	minOrganizationRune = 4
)

func orgLexicon() error {
	orgOnce.Do(func() {
		rows, err := lexiconRows("lexicon/organizations.csv")
		if err != nil {
			orgErr = err
			return
		}
		for i, r := range rows {
			re, err := regexp.Compile(r[2])
			if err != nil {
				orgErr = fmt.Errorf("data/lexicon/organizations.csv row %d: %w", i+2, err)
				return
			}
			switch r[1] {
			case "suffix":
				orgSuffix = re
			case "object":
				orgObj = re
			case "notname":
				orgNotName = re
			case "lead":
				orgLead = re
			case "unit":
				orgUnit = re
			case "built":
				orgBuilt = re
			case "site":
				orgSite = re
			case "structural": // documented here, read by the code its note names
			default:
				orgErr = fmt.Errorf("data/lexicon/organizations.csv row %d: kind %q is not suffix, object, notname, lead, unit, built or site", i+2, r[1])
				return
			}
		}
		if orgSuffix == nil || orgObj == nil || orgNotName == nil || orgLead == nil || orgUnit == nil || orgBuilt == nil || orgSite == nil {
			orgErr = fmt.Errorf("data/lexicon/organizations.csv: needs a suffix, an object, a notname, a lead, a unit, a built and a site row")
		}
	})
	return orgErr
}

// orgIsBuilt reports whether the words right before an organization's name,
// or the start of the name as matched, build or set it up (新建甲照料中心,
// 建成乙服务站): a facility the money builds, not who receives it (rule
// org-built, kind built).
func orgIsBuilt(before, name string) bool {
	if orgLexicon() != nil {
		return false
	}
	locs := orgBuilt.FindAllStringIndex(textfold.Han(before), -1)
	return len(locs) > 0 && locs[len(locs)-1][1] == len(before) || orgBuilt.MatchString(textfold.Han(name))
}

// orgIsObject reports whether the words right after an organization's name
// make it the project's object (甲幸福院建设补助, 乙服务中心运营补贴: what is
// built or run, not who receives the money; rule org-run-together, kind object).
func orgIsObject(after string) bool {
	return orgLexicon() == nil && orgObj.MatchString(textfold.Han(after))
}

// cutOrganization splits a name that begins with an organization's
// registered name into the organization and its project (rule
// org-run-together). ok is false, and the name stays whole, when no
// organization leads it or what follows is no project of its own.
func cutOrganization(name string) (project, org string, ok bool) {
	if orgLexicon() != nil {
		return name, "", false
	}
	folded := textfold.Han(name) // same byte offsets as name
	if p, o, ok := dashOrganization(name, folded); ok {
		return p, o, true // “甲”项目——乙协会 (rule org-after-dash)
	}
	start := 0
	if loc := orgLead.FindStringIndex(folded); loc != nil {
		start = loc[1]
	}
	ends := orgSuffix.FindAllStringIndex(folded, -1)
	for k := len(ends) - 1; k >= 0; k-- {
		e := ends[k][1]
		if e <= start {
			break
		}
		prefix, rest := name[start:e], strings.TrimLeft(name[e:], "的:： ")
		if strings.ContainsAny(prefix, orgPunct) || strings.Contains(textfold.Han(prefix), "项目") || strings.ContainsAny(prefix, "“\"") || orgNotName.MatchString(textfold.Han(prefix)) {
			continue
		}
		if utf8.RuneCountInString(prefix) < minOrganizationRune || utf8.RuneCountInString(rest) < minProjectRunes {
			continue
		}
		if orgObj.MatchString(textfold.Han(rest)) || strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")") {
			continue
		}
		return rest, prefix, true
	}
	return name, "", false
}

// dashOrganization cuts a list line's project and its organization printed
// after a dash (“银龄乐享”社区养老服务项目——甲市阳光社会工作服务中心): the
// dash outside any quote, the words after it a registered name and nothing
// else, the words before it a project of at least minProjectRunes.
func dashOrganization(name, folded string) (project, org string, ok bool) {
	for _, dash := range []string{"——", "—", "--", "－－"} {
		k := strings.LastIndex(name, dash)
		if k <= 0 || strings.Count(name[:k], "“") != strings.Count(name[:k], "”") {
			continue
		}
		before, after := strings.TrimSpace(name[:k]), strings.TrimSpace(name[k+len(dash):])
		fa := textfold.Han(after)
		if utf8.RuneCountInString(before) < minProjectRunes || utf8.RuneCountInString(after) < minOrganizationRune || len(fa) != len(after) {
			continue
		}
		if loc := orgSuffix.FindStringIndex(fa); loc == nil || loc[1] != len(fa) || strings.ContainsAny(after, orgPunct+"“\"") {
			continue
		}
		return before, after, true
	}
	return name, "", false
}

// orgBeforeQuote is the organization that stands before a quoted project
// in its clause (rule org-before-quote): the words before the quote when
// they end in a community, village, street or school or in a registered
// name's ending, and hold nothing a name never holds. "" when none.
func orgBeforeQuote(before string) string {
	if orgLexicon() != nil {
		return ""
	}
	before = strings.TrimSpace(before)
	f := textfold.Han(before)
	if len(f) != len(before) || strings.ContainsAny(before, orgPunct+"“”\"") {
		return ""
	}
	if n := utf8.RuneCountInString(before); n < minOrganizationRune || n > 30 {
		return ""
	}
	locs := orgSuffix.FindAllStringIndex(f, -1)
	if !orgUnit.MatchString(f) && (len(locs) == 0 || locs[len(locs)-1][1] != len(f)) {
		return ""
	}
	if orgNotName.MatchString(f) || strings.Contains(f, "项目") {
		return ""
	}
	return before
}

// carrierBeforeQuote is orgBeforeQuote for a name printed with no verb
// between who and what (甲社区“乙”项目, 丙协会“丁”项目): the organization,
// unless it is a site where the project is done (市福利院“甲”工程: rule
// org-name-run-quoted, kind site), which stays part of the name.
func carrierBeforeQuote(before string) string {
	o := orgBeforeQuote(before)
	if o == "" || orgLexicon() != nil || orgSite.MatchString(textfold.Han(o)) {
		return ""
	}
	return o
}
