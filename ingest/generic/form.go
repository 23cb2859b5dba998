package generic

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/money"
	"fundscope/textfold"
)

// A key–value form: a notice about one project laid out as fields, each a
// label from the column lexicon (一、项目名称 / 四、资金额度 / 承接单位：甲中心)
// followed by its value, on the same line after a colon or on the lines up
// to the next label. The amount comes from the money field only; every other
// figure of the document (a performance table, a cumulative sum) is listed as
// unread. A label that comes again starts the next project's form.

// formField is one label and its value.
type formField struct {
	role, label string
	value       []unit // the value's lines (an inline value is one unit)
	at          unit   // the label's line
	heading     string // the numbered heading printed since the field before, list marker cut ("" when none)
	headingLine int
}

// formLabelRe splits a line into a label and, after a colon, an inline value.
var formLabelRe = regexp.MustCompile(`^([\p{Han}（）()、和及与]{2,12}?)[:：](.*)$`)

// unitSuffixRe is the unit a label states in parentheses (资助金额（万元）):
// no part of the label's words.
var unitSuffixRe = regexp.MustCompile(`[（(](?:单位[:：]?)?(?:万元|元|亿元)[)）]$`)

// fieldOf reads a line as a form label: the role the lexicon gives it, the
// label, and an inline value ("" when the value follows on its own lines).
// A line is a label when it is short and a lexicon role names it whole, or
// when it is "label：value".
func fieldOf(cols []rule, u unit) (role, label, inline string, ok bool) {
	n := listMarkerRe.ReplaceAllString(textfold.Han(u.norm), "")
	marked := len(n) < len(u.norm)
	if m := formLabelRe.FindStringSubmatch(n); m != nil {
		if r := roleOf(cols, m[1]); r != "" && r != "item_no" && r != roleContact && !(r == roleName && (notProjectLabel(m[1]) || !wholeLabel(cols, r, m[1]))) {
			inline = strings.TrimSpace(m[2])
			if inline != "" {
				// the value as printed: the same bytes after the colon
				inline = u.norm[len(u.norm)-len(m[2]):]
			}
			return r, m[1], inline, true
		}
	}
	if label, value, ok := labelBeforeFigure(cols, n); ok {
		// 资助总额10万元, 资助金额为8万元: a money label run into its figure
		// with no colon (rule form-label-figure)
		return "amount", label, u.norm[len(u.norm)-len(value):], true
	}
	n = strings.TrimRight(n, ":：")
	words := unitSuffixRe.ReplaceAllString(n, "") // the label without the unit it states
	if words == "" || utf8.RuneCountInString(words) > 8 || strings.ContainsAny(n, "0123456789。，,；;") {
		return "", "", "", false
	}
	if !marked && utf8.RuneCountInString(words) > 6 {
		return "", "", "", false
	}
	if r := roleOf(cols, n); r != "" && r != "item_no" && r != roleContact && !(r == roleName && notProjectLabel(words)) && wholeLabel(cols, r, words) {
		return r, n, "", true
	}
	return "", "", "", false
}

// labelBeforeFigure reads "资助总额10万元" (or 资助金额为8万元) as a money
// field: words that the column lexicon names amount as a whole label, run
// into the one figure the part states, which ends it. Words that merely
// contain a money word (首期拨付, 项目负责人) are no label.
func labelBeforeFigure(cols []rule, n string) (label, value string, ok bool) {
	spans := money.FindSpans(n)
	if len(spans) != 1 || spans[0].Start == 0 || strings.TrimRight(n[spans[0].End:], "。.；;，, ") != "" {
		return "", "", false
	}
	label = strings.TrimSuffix(strings.TrimSuffix(n[:spans[0].Start], "为"), "是")
	if utf8.RuneCountInString(label) < 2 || utf8.RuneCountInString(label) > 8 || !hanOnlyRe.MatchString(label) {
		return "", "", false
	}
	if roleOf(cols, label) != "amount" || !wholeLabel(cols, "amount", label) {
		return "", "", false
	}
	return label, n[spans[0].Start:], true
}

var hanOnlyRe = regexp.MustCompile(`^\p{Han}+$`)

// notProjectLabel: 名称 alone labels whatever a block is about (采购人信息 /
// 名称：甲区民政局), and 注意事项, 其他事项 are a notice's sections, not a
// project: a form's name field says 项目名称, 服务事项 or the like (rule
// form-contact-fields).
func notProjectLabel(label string) bool {
	label = strings.TrimSpace(label)
	return label == "名称" || strings.HasSuffix(label, "事项") && !strings.ContainsAny(label, "购服") || !nameLabelEndRe.MatchString(label)
}

// nameLabelEndRe: a name field's label ends in its name word (项目名称,
// 服务项目, 拟资助项目名称); words after it make it another field (项目概况,
// 项目背景, 项目负责人, 项目成效).
var nameLabelEndRe = regexp.MustCompile(`(?:名称|项目|事项)(?:[（(][^)）]*[)）])?$`)

// wholeLabel: the lexicon's match covers most of the label (资金额度, 项目名称,
// 资金来源和金额),
// so that a heading such as 项目完成情况 is not taken for a name field.
func wholeLabel(cols []rule, role, label string) bool {
	// the runes the role's words cover, every match counted (拟资助金额: 资助 and 金额)
	covered := make([]bool, len(label))
	any := false
	for _, r := range cols {
		if r.kind != role {
			continue
		}
		for _, m := range r.re.FindAllStringIndex(label, -1) {
			for b := m[0]; b < m[1]; b++ {
				covered[b] = true
			}
			any = true
		}
	}
	if !any {
		return false
	}
	n := 0
	for b := range label { // b is each rune's first byte
		if covered[b] {
			n++
		}
	}
	// 资金来源和金额, 资助金额, 资金额度: not 项目完成情况, 项目负责人
	rest := utf8.RuneCountInString(label) - n
	return rest <= 2 || n > 2 && rest <= 3
}

// fieldHasFigure: a form field's value states an amount or a bare number.
func fieldHasFigure(f formField) bool {
	for _, v := range f.value {
		if len(money.FindSpans(v.norm)) > 0 || money.IsBareNumber(strings.TrimRight(v.norm, "。；;")) {
			return true
		}
	}
	return false
}

// readForms finds the forms among the prose units. It returns the items
// (one per form that has a name field) and the units not used by a form's
// fields; ok is false when the units hold no form (fewer than three fields,
// or no name field or no money field).
func readForms(us []unit, cols []rule, c model.Catalog, firstNo int) (items []model.LineItem, unread []model.Unread, rest []unit, ok bool) {
	us = fieldLines(us, cols)
	var fields []formField
	var cur *formField
	used := make([]bool, len(us))
	heading, headingAt := "", -1 // a numbered heading since the last field
	for i, u := range us {
		if u.kind == document.TableKind {
			cur, heading = nil, ""
			continue
		}
		if role, label, inline, isLabel := fieldOf(cols, u); isLabel {
			fields = append(fields, formField{role: role, label: label, at: u, heading: heading})
			if heading != "" {
				used[headingAt], fields[len(fields)-1].headingLine = true, us[headingAt].line
			}
			heading = ""
			cur = &fields[len(fields)-1]
			used[i] = true
			if inline != "" {
				v := u
				v.norm = inline
				cur.value = []unit{v}
				cur = nil // an inline value is whole
			}
			continue
		}
		if listMarkerRe.MatchString(u.norm) && utf8.RuneCountInString(u.norm) <= 40 && len(money.FindSpans(u.norm)) == 0 {
			// a numbered heading that is no field (五、实际效果) ends the one
			// before, and may name the form that follows (rule form-heading-name)
			cur = nil
			heading, headingAt = strings.TrimSpace(listMarkerRe.ReplaceAllString(u.norm, "")), i
			continue
		}
		if cur != nil && len(cur.value) < valueLines(cur.role) {
			cur.value = append(cur.value, u)
			used[i] = true
		}
	}
	roles := map[string]bool{}
	for _, f := range fields {
		roles[f.role] = true
	}
	// the field that starts each form: the name, or in a form that names no
	// project (街道名称：甲街道 / 拨付金额：12.6万元) the place, else the organization
	head := "name"
	for _, r := range []string{"name", "region", "organization"} {
		if roles[r] {
			head = r
			break
		}
	}
	if len(fields) < 3 || !roles[head] || !(roles["amount"] || roles["funding"]) {
		return nil, nil, us, false
	}
	// one form per head field: the fields from one to the next
	var forms [][]formField
	for _, f := range fields {
		if f.role == head || len(forms) == 0 {
			forms = append(forms, nil)
		}
		forms[len(forms)-1] = append(forms[len(forms)-1], f)
	}
	for _, form := range forms {
		it, un, good := formItem(form, c, firstNo+len(items))
		unread = append(unread, un...)
		if good {
			items = append(items, it)
		}
	}
	for i, u := range us {
		if !used[i] {
			rest = append(rest, u)
		}
	}
	return items, unread, rest, len(items) > 0
}

// formItem turns one form's fields into a line item.
func formItem(form []formField, c model.Catalog, n int) (model.LineItem, []model.Unread, bool) {
	it := model.LineItem{ItemNo: itoa(n + 1)}
	it.ItemID = c.CatalogID + "#" + it.ItemNo
	var unread []model.Unread
	text := func(f formField) string {
		var parts []string
		for _, v := range f.value {
			parts = append(parts, strings.TrimRight(v.norm, "。；;"))
		}
		return strings.Join(parts, " ")
	}
	it.LineStart, it.LineEnd = form[0].at.line, form[0].at.line
	named := false
	// of several money fields (预算金额, 中标金额) the best ranked gives the
	// amount (data/lexicon/amount_rank.csv); the others' figures are unread
	moneyField, best := -1, -1
	for i, f := range form {
		if (f.role == "amount" || f.role == "funding") && len(f.value) > 0 && fieldHasFigure(f) {
			// a field that states no figure (资金来源：县级财政) competes with none
			if r := rankOf(f.label).rank; r > best {
				moneyField, best = i, r
			}
		}
	}
	for fi, f := range form {
		if len(f.value) == 0 {
			continue
		}
		last := f.value[len(f.value)-1].line
		it.LineEnd = max(it.LineEnd, last)
		v := text(f)
		switch f.role {
		case "name":
			if !named {
				it.Name, named = strings.TrimRight(f.value[0].norm, "。；;"), true
			}
		case "organization":
			it.Organization = v
		case "purchaser":
			it.Purchaser = v
		case "description":
			it.Description = money.Clip(v, 200)
		case "target":
			it.TargetGroup = v
		case "region":
			it.RegionText, it.RegionLine = v, f.value[0].line
		case "category":
			it.SourceCat = v
		case "code":
			it.Code = v
		case "amount", "funding":
			for vi, val := range f.value {
				spans := money.FindSpans(val.norm)
				if num := strings.TrimRight(val.norm, "。；;"); len(spans) == 0 && money.IsBareNumber(num) {
					// a bare figure under a label that states the unit (资助金额（万元）：2.5)
					if u := unitInHeaderRe.FindString(textfold.Han(f.label)); u != "" && it.Amount.Yuan == nil && vi == 0 && fi == moneyField {
						if a, err := money.Parse(num, u); err == nil && a.Yuan != nil {
							a.Text = num + "（" + u + "，单位见“" + f.label + "”）"
							it.Amount = a
							continue
						}
					}
					unread = append(unread, model.Unread{Text: num, Line: val.line, Location: val.loc.String(),
						Reason: "a figure without a unit in the form's money field " + f.label})
					continue
				}
				for si, s := range spans {
					if r := rankOf(f.label); fi != moneyField && r.rank < best {
						unread = append(unread, model.Unread{Text: s.Text, Line: val.line, Location: val.loc.String(),
							Reason: r.reason + ": " + f.label + " " + money.Clip(val.norm, 60)})
						continue
					}
					if it.Amount.Yuan == nil && vi == 0 && si == 0 && fi == moneyField {
						y := s.Yuan
						it.Amount = model.Amount{Yuan: &y, Text: s.Text, Kind: model.KindFixed}
						if s.Approx {
							it.Amount.Kind = model.KindApprox
						}
						continue
					}
					unread = append(unread, model.Unread{Text: s.Text, Line: val.line, Location: val.loc.String(),
						Reason: "another figure in the form's money field " + f.label + ": " + money.Clip(val.norm, 60)})
				}
			}
			if f.role == "funding" || strings.Contains(f.label, "来源") {
				if ft := strings.Trim(fundingWords(f.value[0].norm), "，,、。 "); ft != "" {
					it.FundingText, it.FundingLine = ft, f.value[0].line
				}
			}
		}
	}
	if !named && form[0].role != "name" && utf8.RuneCountInString(form[0].heading) >= 4 {
		// 一、“邻里守望”关爱项目 / 实施单位：甲中心 / 资助金额：8万元: a form with
		// no name field is named by the numbered heading printed above it
		it.Name, named = form[0].heading, true
		it.LineStart = form[0].headingLine
	}
	if !named && form[0].role != "name" {
		// a form that names no project is its place's (or organization's) item
		if form[0].role == "region" {
			it.Name, named = it.RegionText, true
		} else {
			it.Name, named = it.Organization, true
		}
	}
	if !named || it.Name == "" {
		return it, unread, false
	}
	if it.Amount.Yuan == nil {
		it.Amount = model.Amount{Kind: model.KindUnknown}
	}
	if len(form) > 0 {
		it.SourceLocation = form[0].at.loc.String()
	}
	return it, unread, true
}

// fieldSepRe separates the fields of a form printed on one line.
var fieldSepRe = regexp.MustCompile(`[；;。]`)

// fieldLines splits a line that prints a whole form (1.项目名称：甲；承接单位：乙；
// 资助金额：3万元。) into one unit per field, when at least two of its parts are
// "label：value" fields of the column lexicon and one names the project; any
// other line stays whole (rule form-one-line).
func fieldLines(us []unit, cols []rule) []unit {
	var out []unit
	for _, u := range us {
		if u.kind == document.TableKind {
			out = append(out, u)
			continue
		}
		if split := splitFields(u, cols, ordinalName(fieldSepRe.Split(u.norm, -1))); split != nil {
			out = append(out, split...)
		} else if split := splitFields(u, cols, commaFields(u.norm)); split != nil && commaForm(cols, split) {
			out = append(out, split...)
		} else if split := splitFields(u, cols, spacedLabels(u.text)); split != nil && commaForm(cols, split) {
			out = append(out, split...) // 项目名称：甲 资金：80万元 实施单位：乙 (rule form-space-fields)
		} else {
			out = append(out, u)
		}
	}
	return out
}

// ordinalNameRe is a project numbered as its label (项目一：, 项目2：).
var ordinalNameRe = regexp.MustCompile(`^项目(?:[一二三四五六七八九十]+|\d{1,3})[:：]`)

// ordinalName reads the first of a line's sentence fields labelled by the
// project's number (项目一：甲。承接机构：乙。购买金额：…) as its name field
// (rule form-sentence-fields); a line of comma fields so labelled reads as
// prose, whose who-labels it holds.
func ordinalName(parts []string) []string {
	if len(parts) < 2 {
		return parts
	}
	if m := ordinalNameRe.FindString(foldedOr(parts[0])); m != "" { // 項目一： as 项目一：
		parts = append([]string{"项目名称：" + parts[0][len(m):]}, parts[1:]...)
	}
	return parts
}

// commaFields splits a line at its commas, never at one between digits (1,200).
func commaFields(s string) []string {
	var parts []string
	last := 0
	for i, r := range s {
		if r != ',' && r != '，' {
			continue
		}
		if r == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			continue
		}
		parts = append(parts, s[last:i])
		last = i + utf8.RuneLen(r)
	}
	return append(parts, s[last:])
}

// spacedLabelRe is a space before a label and its colon: where a form
// printed on one line with spaces between its fields starts its next field.
var spacedLabelRe = regexp.MustCompile(`[ \t\x{3000}]+\p{Han}{2,10}[:：]`)

// spacedLabels splits a line as printed at each space that comes before
// "label：" (normalizing drops the spaces between Han characters), each
// part normalized.
func spacedLabels(s string) []string {
	var parts []string
	last := 0
	for _, m := range spacedLabelRe.FindAllStringIndex(s, -1) {
		parts = append(parts, model.Normalize(s[last:m[0]]))
		last = m[0]
	}
	return append(parts, model.Normalize(s[last:]))
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// commaForm: a line split at its commas is a form (项目名称：甲，承接机构：乙，
// 资助总额10万元) only when it starts with the name field and its value; a
// part that is no field (首期拨付6万元) stays a figure of the form, listed
// as unread (rule form-comma-fields).
func commaForm(cols []rule, parts []unit) bool {
	role, _, inline, ok := fieldOf(cols, parts[0])
	return ok && role == "name" && inline != ""
}

// splitFields is a line's parts as units when at least two of them are
// "label：value" fields of the column lexicon and one names the project, nil
// otherwise.
func splitFields(u unit, cols []rule, parts []string) []unit {
	if len(parts) < 2 {
		return nil
	}
	var split []unit
	fields, named := 0, false
	for k, p := range parts {
		p = strings.TrimSpace(strings.TrimRight(p, "。. "))
		if p == "" {
			continue
		}
		v := u
		v.norm, v.text = p, p
		if k > 0 {
			v.norm = listMarkerRe.ReplaceAllString(p, "")
		}
		if role, _, inline, ok := fieldOf(cols, v); ok && inline != "" {
			fields++
			named = named || role == "name"
		}
		split = append(split, v)
	}
	if fields >= 2 && named {
		return split
	}
	return nil
}

// valueLines is how many lines a field's value may take: a description
// runs on, a name or an amount is one line.
func valueLines(role string) int {
	switch role {
	case "description", "target", "remark":
		return 3
	}
	return 1
}

// fundingWords is a money field's text without its figures: 市级福彩公益金10万元 → 市级福彩公益金.
func fundingWords(s string) string {
	for _, sp := range money.FindSpans(s) {
		s = strings.Replace(s, sp.Text, "", 1)
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
