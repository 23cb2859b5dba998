// Package facts infers what a document says about itself: its title,
// publisher, jurisdiction (a GB/T 2260 code resolved against the region
// table, never from a district name alone), level, the year of its projects
// and its publication date. An entry in the manifest, a sidecar or flags
// override any of these.
package facts

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fundscope/data"
	"fundscope/ingest/document"
	"fundscope/model"
	"fundscope/textfold"
)

// Facts are the inferred catalog facts, each with the evidence it came from.
type Facts struct {
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	AdminCode string   `json:"admin_code"`
	Province  string   `json:"province"`
	City      string   `json:"city"`
	District  string   `json:"district,omitempty"`
	Street    string   `json:"street,omitempty"`
	Level     string   `json:"level"` // national | province | city | district | county | street
	Year      int      `json:"year"`
	Published string   `json:"published,omitempty"` // YYYY-MM-DD
	Evidence  []string `json:"evidence"`
}

type region struct {
	code, name, level, parent string
}

var (
	regOnce  sync.Once
	regions  map[string]region   // by code
	byName   map[string][]string // full name → codes
	byShort  map[string][]string // name without its suffix (温州, 浙江) → codes
	regErr   error
	yearRe   = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	dateRe   = regexp.MustCompile(`((?:19|20)\d\d)(?:-|年|/|\.)(\d{1,2})(?:-|月|/|\.)(\d{1,2})日?`)
	sourceRe = regexp.MustCompile(`(?:来源|發布機構|发布机构|发布单位|来源单位)\s*[:：]\s*([\p{Han}（）()]{2,40})`)
	signRe   = regexp.MustCompile(`^[\p{Han}（）()、]{2,40}(?:局|厅|办事处|委员会|政府|中心|办公室|委|会|部)$`)
	figureRe = regexp.MustCompile(`^[0-9][0-9,，.]*(?:元|万元|亿元)?$`)
	organRe  = regexp.MustCompile(`(?:局|厅|办事处|委员会|政府|中心|办公室|委|会|部|院|所|站)$`)
	titleRe  = regexp.MustCompile(`公告|通知|情况|名单|目录|方案|公示|报告|计划|安排|使用|项目|资金|公益金`)
)

func loadRegions() error {
	regOnce.Do(func() {
		f, err := data.FS.Open("ref/regions.csv")
		if err != nil {
			regErr = err
			return
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			regErr = fmt.Errorf("data/ref/regions.csv: %w", err)
			return
		}
		regions, byName, byShort = map[string]region{}, map[string][]string{}, map[string][]string{}
		for _, r := range rows[1:] {
			g := region{code: r[0], name: r[1], level: r[2], parent: r[3]}
			if _, dup := regions[g.code]; dup {
				continue // a city without counties is listed again as its own county: keep the city
			}
			regions[g.code] = g
			byName[g.name] = append(byName[g.name], g.code)
			if short := shortName(g.name); short != "" {
				byShort[short] = append(byShort[short], g.code)
			}
		}
	})
	return regErr
}

// IsPlace reports whether name is a region of the region table, by its full
// or short name (漳州市, 漳州, 将乐县).
func IsPlace(name string) bool {
	if loadRegions() != nil {
		return false
	}
	return len(byName[name]) > 0 || len(byShort[name]) > 0
}

// Infer reads the facts from a decoded document. It matches on the text
// folded (traditional characters to simplified, romanization debris away:
// 廈門市民政局 is 厦门市民政局) and quotes the title and publisher as printed.
func Infer(d *document.Document) (Facts, error) {
	if err := loadRegions(); err != nil {
		return Facts{}, err
	}
	paras := prints(d)
	folded := make([]string, len(paras))
	for i, p := range paras {
		folded[i] = textfold.Han(p)
	}
	var f Facts
	meta := pageMetadata(d)
	if t := meta["title"]; t != "" {
		f.Title = t
		f.Evidence = append(f.Evidence, "title from the page's metadata block")
	} else {
		f.Title, f.Evidence = title(d, paras, folded)
	}
	ftitle := textfold.Han(f.Title)
	body := strings.Join(paras, "\n")
	fbody := strings.Join(folded, "\n")
	f.Published = published(folded)
	if m := dateRe.FindStringSubmatch(textfold.Han(meta["published"] + " " + meta["written"])); f.Published == "" && m != nil {
		f.Published = published([]string{"发布 " + m[0]})
	}
	if pub := textfold.Han(meta["publisher"]); pub != "" && organRe.MatchString(pub) {
		f.Publisher = meta["publisher"]
	} else if pub := publisher(ftitle, folded); pub != "" {
		f.Publisher = textfold.Printed(f.Title, pub)
		if f.Publisher == "" {
			f.Publisher = textfold.Printed(body, pub)
		}
		if f.Publisher == "" {
			f.Publisher = pub
		}
	}
	fpublisher := textfold.Han(f.Publisher)
	f.Year = year(ftitle, fbody, f.Published)
	if f.Year != 0 && f.Published != "" && !yearRe.MatchString(ftitle+fbody) {
		f.Evidence = append(f.Evidence, fmt.Sprintf("year %d from the publication date %s: the text names no year", f.Year, f.Published))
	}
	// a 来源 line that names no issuing body (中国某市, a news site) still says where
	code, ev := jurisdiction(ftitle, fpublisher+"\n"+source(folded), fbody)
	f.Evidence = append(f.Evidence, ev...)
	if code != "" {
		f.AdminCode = code
		f.fill(code)
		if f.Level == "district" || f.Level == "county" {
			if t := street(code, ftitle+"\n"+fpublisher); t != "" {
				f.Street, f.Level = t, "street"
				f.Evidence = append(f.Evidence, "street "+t+" named in the title or publisher")
			}
		}
	}
	return f, nil
}

// street is a town or street (街道, 镇, 乡) of the county the title or
// publisher names, from data/ref/towns.csv.
func street(county, text string) string {
	best := ""
	for _, name := range townsOf()[county] {
		if strings.Contains(text, name) && len(name) > len(best) {
			best = name
		}
	}
	return best
}

var (
	townsOnce sync.Once
	towns     map[string][]string // county code → the names of its towns and streets
)

// townsOf is data/ref/towns.csv by county, read once (nil when it cannot
// be read: no street is then named).
func townsOf() map[string][]string {
	townsOnce.Do(func() {
		f, err := data.FS.Open("ref/towns.csv")
		if err != nil {
			return
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.ReuseRecord = true
		towns = map[string][]string{}
		for {
			row, err := r.Read()
			if err != nil {
				break
			}
			if len(row) == 3 {
				towns[row[2]] = append(towns[row[2]], row[1])
			}
		}
	})
	return towns
}

// Place sets the jurisdiction to a GB/T 2260 code given by a person (a flag,
// a sidecar): province, city, district and level follow from it.
func (f *Facts) Place(code string) error {
	if err := loadRegions(); err != nil {
		return err
	}
	if _, ok := regions[code]; !ok {
		return fmt.Errorf("admin code %q is not in the region table (data/ref/regions.csv)", code)
	}
	f.AdminCode, f.Province, f.City, f.District, f.Street, f.Level = code, "", "", "", "", ""
	f.fill(code)
	f.Evidence = append(f.Evidence, "jurisdiction "+code+" "+regions[code].name+" as given")
	return nil
}

// fill sets province, city, district and level from a region code.
func (f *Facts) fill(code string) {
	r := regions[code]
	chain := []region{r}
	for _, p := range ancestors(code) {
		chain = append([]region{regions[p]}, chain...)
	}
	for _, g := range chain {
		switch g.level {
		case "province":
			f.Province = g.name
			if strings.HasSuffix(g.name, "市") { // a municipality is its own city
				f.City = g.name
			}
		case "city":
			f.City = g.name
		case "county":
			f.District = g.name
		}
	}
	switch r.level {
	case "province":
		f.Level = "province"
	case "city":
		f.Level = "city"
	default:
		f.Level = "county"
		if strings.HasSuffix(r.name, "区") {
			f.Level = "district"
		}
	}
}

// Catalog turns the facts into a catalog entry for a file (the fields a
// manifest entry would give), with a catalog id made from the file name.
func (f Facts) Catalog(id, file string) model.Catalog {
	c := model.Catalog{CatalogID: id, Title: f.Title, Publisher: f.Publisher, Province: f.Province, City: f.City,
		AdminCode: f.AdminCode, Level: f.Level, Year: f.Year, File: file}
	if f.City == "" {
		c.City = f.Province // above city level the province stands for the place
	}
	if f.District != "" {
		dd := f.District
		c.District = &dd
	}
	if f.Published != "" {
		p := f.Published
		c.Published = &p
	}
	return c
}

func paragraphs(d *document.Document) []string {
	var out []string
	if len(d.Blocks) > 0 {
		for _, b := range d.Blocks {
			if b.Kind != document.TableKind {
				out = append(out, strings.TrimSpace(b.Text))
			}
		}
		return out
	}
	for i, l := range d.Lines {
		l = strings.TrimSpace(l)
		if i == 0 && strings.HasPrefix(l, "source:") {
			continue
		}
		if l = mdHeadingRe.ReplaceAllString(l, ""); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// mdHeadingRe is a Markdown heading's marker (# , ## ).
var mdHeadingRe = regexp.MustCompile(`^#{1,6}\s+`)

// pageMetadata is the metadata block of a web page or notice, if it has one.
func pageMetadata(d *document.Document) map[string]string {
	var tables [][][]string
	for _, b := range d.Blocks {
		if b.Kind != document.TableKind || b.Table == nil {
			continue
		}
		var rows [][]string
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r {
				if c != nil && strings.TrimSpace(c.Text) != "" {
					cells = append(cells, strings.TrimSpace(c.Text))
				}
			}
			rows = append(rows, cells)
		}
		tables = append(tables, rows)
	}
	for _, rows := range cellRows(d.Lines, tables) {
		if m := metadata(rows); len(m) > 0 {
			return m
		}
	}
	return nil
}

// prints is what paragraphs gives, without romanization debris (its
// offsets are those of the text the facts quote).
func prints(d *document.Document) []string {
	ps := paragraphs(d)
	for i, p := range ps {
		ps[i] = textfold.Pinyin(p)
	}
	return ps
}

var (
	listLineRe    = regexp.MustCompile(`^(?:\d{1,3}[.．、]|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)`)
	strongTitleRe = regexp.MustCompile(`公告|通知|公示|情况|名单|目录|方案|报告|計劃|计划|公報|公报`)
	navRe         = regexp.MustCompile(`首页|首頁|当前位置|當前位置|您的位置|>|》》|收藏本站|设为首页|開獎|开奖|责任编辑|浏览次数`)
	orgRe         = regexp.MustCompile(`[\p{Han}]{2,14}?(?:民政和社会保障局|民政局|民政厅|财政局|财政厅|民政廳|財政局|街道办事处|办事处|人民政府|福彩中心|福利彩票发行中心|福利彩票中心)`)
)

// title is the document's title as printed: a heading that reads like one,
// else an early short paragraph that does, else — for a news story or a
// notice with no title line — the opening clause that names what the
// document is about, said so in the evidence.
func title(d *document.Document, paras, folded []string) (string, []string) {
	for _, b := range d.Blocks {
		if b.Kind == document.Heading && titleRe.MatchString(textfold.Han(b.Text)) {
			return strings.TrimSpace(b.Text), nil
		}
	}
	// a web page's breadcrumb (您的位置:首页 > 新闻 > 标题) ends with its title
	for i, p := range folded {
		if i > 12 {
			break
		}
		if k := strings.LastIndexAny(p, ">》"); k > 0 && navRe.MatchString(p) {
			tail := strings.TrimSpace(p[k+1:])
			if n := utf8.RuneCountInString(tail); n >= 6 && n <= 60 {
				start := k + 1 + strings.Index(p[k+1:], tail)
				return paras[i][start : start+len(tail)], nil
			}
		}
	}
	for _, re := range []*regexp.Regexp{strongTitleRe, titleRe} {
		for i, p := range folded {
			if i > 12 || i > 0 && strings.HasSuffix(strings.TrimSpace(folded[i-1]), "。") && priced(p) {
				break // a priced line after a sentence is the body's, no title
			}
			n := utf8.RuneCountInString(p)
			if n >= 6 && n <= 80 && re.MatchString(p) && !strings.ContainsAny(p, "。:：|") && !navRe.MatchString(p) && !listLineRe.MatchString(p) {
				return paras[i], nil
			}
		}
	}
	for i, p := range folded {
		if i > 0 && strings.HasSuffix(strings.TrimSpace(folded[i-1]), "。") && priced(p) {
			break // the body has begun: a priced line after a sentence is no title (资助乙项目6000元 after 资助甲项目5万元。)
		}
		// a numbered list line (1.甲项目…) is no title
		if n := utf8.RuneCountInString(p); i <= 12 && n >= 8 && n <= 60 && !strings.ContainsAny(p, "。|") && !navRe.MatchString(p) && !cnDateRe.MatchString(p) && !dateRe.MatchString(p) && !listLineRe.MatchString(p) {
			return paras[i], nil
		}
	}
	for i, p := range folded {
		if i > 3 {
			break
		}
		for _, c := range clauseRe.FindAllStringIndex(p, -1) {
			clause := strings.TrimSpace(p[c[0]:c[1]])
			// the title of a document the clause cites (按照《关于…的通知》) is not this one's
			if n := utf8.RuneCountInString(clause); n >= 8 && n <= 60 && strongTitleRe.MatchString(citedRe.ReplaceAllString(clause, "")) && !navRe.MatchString(clause) {
				start := c[0] + strings.Index(p[c[0]:c[1]], clause)
				printed := paras[i][start : start+len(clause)]
				return printed, []string{"title from the opening sentence (the document has no title line): " + printed}
			}
		}
	}
	return "", nil
}

// priced reports whether a line ends in an amount (资助乙项目6000元): an
// item's line, not a title, once the body has begun.
func priced(p string) bool {
	return pricedRe.MatchString(strings.TrimSpace(p))
}

var pricedRe = regexp.MustCompile(`\d(?:\.\d+)?\s*(?:元|万元|亿元|万)$`)

// citedRe is a document cited by its title, with its number: 《…》(…号).
var citedRe = regexp.MustCompile(`《[^》]*》(?:[(（][^)）]*[)）])?`)

// clauseRe is a clause of running text: what lies between two stops.
var clauseRe = regexp.MustCompile(`[^，,。；;：:！!？?]+`)

var orgLeadRe = regexp.MustCompile(`^(?:经|由|按照|根据|据|在|向|对|月|日|年|的|和|与|我局决定在|现将|主办|记者|从|近日|日前)+`)

// org is the first issuing body named in s (温州市民政局), without the words
// a sentence puts before it (经, 由, 按照).
func org(s string) string {
	return orgLeadRe.ReplaceAllString(orgRe.FindString(s), "")
}

// cnDateRe is a date in Chinese numerals, as signatures print it (二〇一三年五月二十三日).
var cnDateRe = regexp.MustCompile(`^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$`)

// cnDate reads such a date as YYYY-MM-DD, "" when it is none.
func cnDate(s string) string {
	m := cnDateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	digit := map[rune]int{'〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	year := 0
	for _, r := range m[1] {
		year = year*10 + digit[r]
	}
	num := func(s string) int { // 五 5, 十 10, 十二 12, 二十 20, 二十三 23
		r := []rune(s)
		switch {
		case len(r) == 1 && r[0] == '十':
			return 10
		case r[0] == '十':
			return 10 + digit[r[1]]
		case len(r) >= 2 && r[1] == '十':
			n := digit[r[0]] * 10
			if len(r) == 3 {
				n += digit[r[2]]
			}
			return n
		}
		return digit[r[0]]
	}
	mo, dd := num(m[2]), num(m[3])
	if mo < 1 || mo > 12 || dd < 1 || dd > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, mo, dd)
}

func published(paras []string) string {
	pick := func(p string) string {
		if d := cnDate(p); d != "" {
			return d
		}
		if m := dateRe.FindStringSubmatch(p); m != nil {
			mo, _ := strconv.Atoi(m[2])
			dd, _ := strconv.Atoi(m[3])
			if mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31 {
				return fmt.Sprintf("%s-%02d-%02d", m[1], mo, dd)
			}
		}
		return ""
	}
	for i, p := range paras {
		if i > 12 {
			break
		}
		if strings.Contains(p, "时间") || strings.Contains(p, "日期") || strings.Contains(p, "发布") || strings.Contains(p, "来源") {
			if s := pick(p); s != "" {
				return s
			}
		}
	}
	// a signature: the last short paragraph that is a date
	for i := len(paras) - 1; i >= 0 && i >= len(paras)-8; i-- {
		if utf8.RuneCountInString(paras[i]) <= 16 {
			if s := pick(paras[i]); s != "" {
				return s
			}
		}
	}
	return ""
}

// source is what a 来源 line near the top names, whatever it is.
func source(paras []string) string {
	for i, p := range paras {
		if i > 12 {
			break
		}
		if m := sourceRe.FindStringSubmatch(p); m != nil {
			return m[1]
		}
	}
	return ""
}

func publisher(title string, paras []string) string {
	for i, p := range paras {
		if i > 12 {
			break
		}
		if m := sourceRe.FindStringSubmatch(p); m != nil && organRe.MatchString(m[1]) {
			return m[1] // a 来源 naming a newspaper (公益时报) is the repost's source, not the publisher
		}
	}
	for i := len(paras) - 1; i >= 0 && i >= len(paras)-8; i-- {
		if signRe.MatchString(paras[i]) && !(i+1 < len(paras) && figureRe.MatchString(paras[i+1])) {
			return paras[i] // a name followed by a figure is a table's cell printed on its own line, not a signature
		}
	}
	if i := strings.Index(title, "关于"); i > 0 {
		return title[:i]
	}
	if m := org(title); m != "" {
		return m
	}
	for i, p := range paras {
		if i > 20 {
			break
		}
		if addresseeRe.MatchString(strings.TrimSpace(p)) {
			continue // 各县区民政局： the bodies the notice is sent to, not its publisher
		}
		if m := org(p); m != "" {
			return m
		}
	}
	return ""
}

// addresseeRe is a notice's salutation line (主送): the bodies it is sent
// to, ending with a colon (各县区民政局、财政局：, 市直有关单位：).
var addresseeRe = regexp.MustCompile(`^[\p{Han}、（）()]{2,60}[:：]$`)

// since tells whether text ends in a word that starts a period (自, 从,
// 始于, 截至, 截止): the year after it is where the period began.
func since(text string) bool {
	for _, w := range []string{"自", "从", "始于", "截至", "截止"} {
		if strings.HasSuffix(text, w) {
			return true
		}
	}
	return false
}

// year is the year of the projects: the title's, else the year the text
// names most often (a 年度 counts double), never later than publication.
func year(title, body, published string) int {
	if m := yearRe.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	pubYear := 9999
	if published != "" {
		pubYear, _ = strconv.Atoi(published[:4])
	}
	count := map[int]int{}
	for _, m := range yearRe.FindAllStringSubmatchIndex(body, -1) {
		y, _ := strconv.Atoi(body[m[2]:m[3]])
		if y > pubYear || since(body[:m[0]]) || strings.HasPrefix(body[m[1]:], "以来") || strings.HasPrefix(body[m[1]:], "起") {
			continue // 自2018年, 2018年以来: where a period began, not the year of the projects
		}
		count[y]++
		if strings.HasPrefix(body[m[1]:], "度") {
			count[y]++
		}
	}
	best, bestN := 0, 0
	for y, n := range count {
		if n > bestN || n == bestN && y > best {
			best, bestN = y, n
		}
	}
	if best == 0 && published != "" {
		return pubYear
	}
	return best
}

// jurisdiction resolves the publisher's region: every full region name the
// title, the publisher and the opening of the text mention is a candidate;
// a candidate is supported by mentions of its ancestors (舟山市 makes 普陀区
// the one in 舟山, not 上海), and the best supported, deepest one wins.
func jurisdiction(title, publisher, body string) (string, []string) {
	weight := map[string]int{}
	mention := func(text string, w int) {
		var found []string
		for name := range byName {
			if utf8.RuneCountInString(name) >= 2 && strings.Contains(text, name) {
				found = append(found, name)
			}
		}
		for _, name := range found {
			inside := false // 城区 inside 东城区 is not a mention of 城区
			for _, other := range found {
				if len(other) > len(name) && strings.Contains(other, name) && strings.Count(text, name) == strings.Count(text, other) {
					inside = true
				}
			}
			if inside {
				continue
			}
			for _, c := range byName[name] {
				weight[c] += w
			}
		}
	}
	mention(title, 4)
	mention(publisher, 4)
	mention(clipRunes(body, 600), 1)
	// short names (温州, 乐清) count only where no full name does: a short
	// name is a weaker sign (长安 is also a town's name)
	if len(weight) == 0 {
		if code, ev := townsAgree(title + "\n" + publisher + "\n" + body); code != "" {
			return code, ev
		}
		for i, text := range []string{title, publisher, clipRunes(body, 600)} {
			w := 4 // as for full names: the title and publisher weigh more than the text
			if i == 2 {
				w = 1
			}
			for short, codes := range byShort {
				if !everydayWord(short) && mentions(text, short) {
					for _, c := range codes {
						weight[c] += w
					}
				}
			}
		}
	}
	if len(weight) == 0 {
		return "", []string{"no region name in the title, the publisher or the opening text"}
	}
	type cand struct {
		code  string
		score int
		depth int
	}
	var cs []cand
	for c, w := range weight {
		score, depth := 2*w, 0
		for _, p := range ancestors(c) {
			score += weight[p]
			depth++
		}
		cs = append(cs, cand{c, score, depth})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		if cs[i].depth != cs[j].depth {
			return cs[i].depth > cs[j].depth
		}
		return cs[i].code < cs[j].code
	})
	best := cs[0]
	if p := regions[best.code].parent; regions[best.code].level == "city" && regions[p].level == "province" && regions[p].name == regions[best.code].name {
		best.code = p // a municipality (天津市): its city row is the province itself
	}
	ev := []string{fmt.Sprintf("jurisdiction %s %s (support %d)", best.code, regions[best.code].name, best.score)}
	if len(cs) > 1 && cs[1].score == best.score && cs[1].depth == best.depth {
		ev = append(ev, fmt.Sprintf("ambiguous: %s %s is as likely", cs[1].code, regions[cs[1].code].name))
	}
	return best.code, ev
}

// ancestors are the codes above a region, nearest first (at most three:
// a table that names a region its own parent cannot loop).
func ancestors(code string) []string {
	var out []string
	for p := regions[code].parent; p != "" && p != code && len(out) < 3; p = regions[p].parent {
		out = append(out, p)
		code = p
	}
	return out
}

var suffixRe = regexp.MustCompile(`(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市|地区|盟|自治州|自治县|县|区|旗)$`)

// shortName is a region's name without its suffix, when two or more
// characters are left (温州市 → 温州, 乐清市 → 乐清; 城区 has none).
func shortName(name string) string {
	s := suffixRe.ReplaceAllString(name, "")
	if s == name || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

var (
	wordsOnce sync.Once
	words     map[string]bool // data/ref/common_words.csv
)

// mentions reports whether text names a region by its short name: at
// least once where the name is not half of a common word (金安 in 资金安排
// is 资金 and 安排, 定结 in 按规定结转 is 规定 and more: no mention of
// 金安区 or 定结县).
// everydayWord reports whether a region's short name is also an everyday
// word of notices (会同: jointly with; 长寿: longevity; data/ref/place_like_words.csv):
// alone it is no mention of the region; its full name (会同县) still is.
func everydayWord(short string) bool {
	everydayOnce.Do(func() {
		everyday = map[string]bool{}
		for _, r := range dataRows("ref/place_like_words.csv") {
			if len(r) > 0 {
				everyday[r[0]] = true
			}
		}
	})
	return everyday[short]
}

var (
	everydayOnce sync.Once
	everyday     map[string]bool
)

func mentions(text, short string) bool {
	wordsOnce.Do(func() {
		words = map[string]bool{}
		for _, r := range dataRows("ref/common_words.csv") {
			if len(r) > 0 {
				words[r[0]] = true
			}
		}
	})
	for from := 0; ; {
		i := strings.Index(text[from:], short)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(short)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		first, _ := utf8.DecodeRuneInString(short)
		last, _ := utf8.DecodeLastRuneInString(short)
		after, _ := utf8.DecodeRuneInString(text[from:])
		left := i > 0 && words[string(before)+string(first)]
		right := from < len(text) && words[string(last)+string(after)]
		straddles := utf8.RuneCountInString(short) == 2 && (left || right)
		if !straddles {
			return true
		}
	}
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

var (
	townOnce sync.Once
	townsBy  map[string][]string // town name → county codes
)

// dataRows are the rows of a CSV file of the data folder built into the
// binary, without its header; none when it cannot be read (a broken build).
func dataRows(name string) [][]string {
	f, err := data.FS.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		return nil
	}
	return rows[1:]
}

func loadTowns() {
	townsBy = map[string][]string{}
	for _, r := range dataRows("ref/towns.csv") {
		if len(r) == 3 && utf8.RuneCountInString(r[1]) >= 3 {
			townsBy[r[1]] = append(townsBy[r[1]], r[2])
		}
	}
}

var townEndRe = regexp.MustCompile(`街道|镇|乡`)

// townsAgree finds the county of a text that names no region but names
// towns and streets (张村镇, 北关街道): the county that two or more
// different towns of the text belong to, when no other county has as many.
func townsAgree(text string) (string, []string) {
	townOnce.Do(loadTowns)
	named := map[string]map[string]bool{} // county → town names
	for _, m := range townEndRe.FindAllStringIndex(text, -1) {
		// the names ending here, two to six characters before the suffix
		start := m[0]
		for k := 0; k < 6 && start > 0; k++ {
			r, n := utf8.DecodeLastRuneInString(text[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= n
			name := text[start:m[1]]
			for _, c := range townsBy[name] {
				if named[c] == nil {
					named[c] = map[string]bool{}
				}
				named[c][name] = true
			}
		}
	}
	best, bestN, tie := "", 0, false
	for c, ts := range named {
		switch n := len(ts); {
		case n > bestN:
			best, bestN, tie = c, n, false
		case n == bestN:
			tie = true
		}
	}
	if bestN < 2 || tie || regions[best].name == "" {
		return "", nil
	}
	var names []string
	for t := range named[best] {
		names = append(names, t)
	}
	sort.Strings(names)
	return best, []string{fmt.Sprintf("jurisdiction %s %s from the towns it names (%s): the text names no region", best, regions[best].name, strings.Join(names, "、"))}
}
