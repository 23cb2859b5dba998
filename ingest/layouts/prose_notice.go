package layouts

import (
	"regexp"
	"strings"

	"fundscope/ingest/document"
	"fundscope/model"
)

func init() {
	Register(Reader{Name: "prose-notice", Help: "a notice describing one project in prose: amount, place, target and funding source in labelled sentences (沙坡头)", Read: parseProseNotice})
}

var (
	labelledRe   = regexp.MustCompile(`^[(（][一二三四五六七八九十]+[)）]([^:：。]{2,12})[:：](.+)$`)
	planTitleRe  = regexp.MustCompile(`^\S*?\d{4}年(?:购买)?(\S+?)实施方案$`)
	lostPeriodRe = regexp.MustCompile(`实施阶段[(（](\d{4})年?(\d{1,2})月[-—–至]+(\d{4})年?(\d{1,2})月[)）]`)
	lostDateRe   = regexp.MustCompile(`^(\d{4})(\d{1,2})(\d{2})日$`)
)

// parseProseNotice reads a notice that describes one project in prose:
// "(五)项目资金:25万元", "(二)实施地点:沙坡头区", "资金来源…由X支付".
func parseProseNotice(d *document.Document, c model.Catalog) (*model.Parsed, error) {
	it := model.LineItem{Amount: model.Amount{Kind: model.KindUnknown}}
	fields := map[string]struct {
		val  string
		line int
	}{}
	for n := 1; n <= len(d.Lines); n++ {
		l := strings.TrimSpace(d.Line(n))
		nl := model.Normalize(l)
		if it.Name == "" {
			if m := planTitleRe.FindStringSubmatch(nl); m != nil && !strings.ContainsAny(l, "《》") {
				it.Name, it.LineStart, it.Section = m[1], n, l
			}
		}
		if m := labelledRe.FindStringSubmatch(nl); m != nil {
			if _, seen := fields[m[1]]; !seen {
				fields[m[1]] = struct {
					val  string
					line int
				}{strings.TrimSuffix(m[2], "。"), n}
			}
		}
		if m := lostPeriodRe.FindStringSubmatch(nl); m != nil && it.PeriodStart == "" {
			it.PeriodStart = ymd(m[1], m[2], "1")
			it.PeriodEnd = monthEnd(m[3], m[4])
		}
	}
	if it.Name == "" {
		return nil, d.Errorf(1, "no plan title found: expected a line like 'XX2025年购买…项目实施方案'")
	}
	p := &model.Parsed{}
	get := func(keys ...string) (string, int) {
		for _, k := range keys {
			for label, f := range fields {
				if strings.Contains(label, k) {
					return f.val, f.line
				}
			}
		}
		return "", 0
	}
	amtText, amtLine := get("项目资金", "资金")
	if amtLine == 0 {
		return nil, d.Errorf(it.LineStart, "no amount sentence found: expected a labelled line such as '(五)项目资金:25万元'")
	}
	var err error
	if it.Amount, err = amountOrMissing(d, amtLine, amtText, ""); err != nil {
		return nil, err
	}
	it.RegionText, it.RegionLine = get("实施地点", "实施区域")
	it.TargetGroup, _ = get("服务对象")
	it.FundingText, it.FundingLine = findFundingInProse(d, it.LineStart, len(d.Lines))
	it.LineEnd = maxInt(amtLine, it.RegionLine, it.FundingLine)
	for n := it.LineStart + 1; n <= len(d.Lines); n++ {
		if strings.Contains(d.Line(n), "工作目标") && n+1 <= len(d.Lines) {
			it.Description = strings.TrimSpace(d.Line(n + 1))
			break
		}
	}
	it.ItemNo = "1"
	if it.PeriodStart != "" {
		p.Warnings = append(p.Warnings, model.Warning{Line: it.LineStart, Message: "implementation period read from dates with lost characters: " + it.PeriodStart + " to " + it.PeriodEnd})
	}
	for n := 1; n < it.LineStart; n++ {
		if m := lostDateRe.FindStringSubmatch(model.Normalize(d.Line(n))); m != nil {
			p.Warnings = append(p.Warnings, model.Warning{Line: n, Message: "date " + strings.TrimSpace(d.Line(n)) + " has lost characters (年/月); the manifest's published date is used"})
		}
	}
	it.ItemID = itemID(c, it)
	p.Items = append(p.Items, it)
	return p, nil
}

func monthEnd(y, m string) string {
	days := map[string]string{"1": "31", "2": "28", "3": "31", "4": "30", "5": "31", "6": "30", "7": "31", "8": "31", "9": "30", "10": "31", "11": "30", "12": "31"}
	mm := strings.TrimLeft(m, "0")
	dd := days[mm]
	if mm == "2" {
		yi := atoi64(y)
		if yi%4 == 0 && (yi%100 != 0 || yi%400 == 0) {
			dd = "29"
		}
	}
	return ymd(y, mm, dd)
}

func maxInt(v ...int) int {
	m := 0
	for _, x := range v {
		if x > m {
			m = x
		}
	}
	return m
}

func atoi64(s string) int64 {
	var v int64
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + int64(c-'0')
	}
	return v
}
