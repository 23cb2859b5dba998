// Package synth generates synthetic catalogs in the template CSV format, for
// benchmarks and robustness tests at national scale. Every row is marked
// synthetic; the same seed gives the same bytes.
package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"fundscope/ingest/template"
)

// Options says how much to generate.
type Options struct {
	Cities   int    // distinct prefecture-level cities
	Years    int    // consecutive years ending with LastYear
	Items    int    // line items per city and year (one catalog each)
	Seed     uint64 // same seed, same output
	LastYear int
}

type city struct {
	code, name, province string
	counties             []string
}

var categories = []struct {
	code   string
	weight int
	names  []string
}{
	{"elderly", 26, []string{"居家养老服务", "老年人助餐", "高龄老人探访", "养老机构服务提升"}},
	{"children_youth", 18, []string{"困境儿童关爱", "青少年心理辅导", "未成年人保护", "儿童之家运营"}},
	{"disability", 8, []string{"残疾人康复", "孤独症儿童支持", "精康融合服务"}},
	{"social_assistance", 14, []string{"困难群众帮扶", "社会救助家庭核查", "特困人员关爱"}},
	{"marriage_family", 6, []string{"婚姻家庭辅导", "家庭教育支持"}},
	{"social_org", 9, []string{"社会组织孵化", "社会组织等级评估", "社工人才培训"}},
	{"community", 10, []string{"社区治理创新", "志愿服务项目", "矛盾调解服务"}},
	{"culture_sports", 5, []string{"送戏下乡", "全民健身赛事", "非遗传承活动"}},
	{"environment", 2, []string{"垃圾分类宣传", "社区环境建设"}},
	{"industry_training", 2, []string{"渔业从业人员培训", "职业技能培训"}},
}

var funding = []struct {
	name   string
	weight int
}{{"福彩金", 35}, {"社区服务业资金", 20}, {"社区专项资金", 10}, {"困难群众救助补助资金", 8}, {"社会建设专项资金", 7}, {"", 20}}

// Generate writes the CSV.
func Generate(w io.Writer, dataFS fs.FS, o Options) (rows int, err error) {
	if o.Cities < 1 || o.Years < 1 || o.Items < 1 {
		return 0, fmt.Errorf("--cities, --years and --items must be at least 1")
	}
	if o.LastYear == 0 {
		o.LastYear = 2025
	}
	cities, err := loadCities(dataFS)
	if err != nil {
		return 0, err
	}
	if o.Cities > len(cities) {
		return 0, fmt.Errorf("--cities %d: the reference data has %d prefecture-level cities", o.Cities, len(cities))
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	rng.Shuffle(len(cities), func(i, j int) { cities[i], cities[j] = cities[j], cities[i] })
	cities = cities[:o.Cities]
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	cols := template.Columns()
	if err := cw.Write(cols); err != nil {
		return 0, err
	}
	catWeights, fundWeights := 0, 0
	for _, c := range categories {
		catWeights += c.weight
	}
	for _, f := range funding {
		fundWeights += f.weight
	}
	rec := make([]string, len(cols))
	idx := map[string]int{}
	for i, c := range cols {
		idx[c] = i
	}
	set := func(k, v string) { rec[idx[k]] = v }
	for _, ci := range cities {
		for y := o.LastYear - o.Years + 1; y <= o.LastYear; y++ {
			for i := range rec {
				rec[i] = ""
			}
			id := fmt.Sprintf("synthetic-%s-%d", ci.code, y)
			set("catalog_id", id)
			set("title", fmt.Sprintf("%d年%s政府向社会组织购买服务目录（合成数据）", y, ci.name))
			set("publisher", ci.name+"民政局")
			set("province", ci.province)
			set("city", ci.name)
			set("admin_code", ci.code)
			set("level", "city")
			set("year", strconv.Itoa(y))
			set("published", fmt.Sprintf("%d-03-%02d", y, 1+rng.IntN(28)))
			set("synthetic", "true")
			set("unit", "万元")
			for n := 1; n <= o.Items; n++ {
				c := pickCategory(rng, catWeights)
				set("item_no", strconv.Itoa(n))
				set("name", fmt.Sprintf("%s（%d）", c.names[rng.IntN(len(c.names))], n))
				set("description", "合成测试数据，非真实项目。Synthetic test data.")
				set("category", c.code)
				set("purchaser", ci.name+"民政局")
				set("target_group", "")
				switch r := rng.IntN(10); {
				case r < 6 && len(ci.counties) > 0:
					set("region", ci.counties[rng.IntN(len(ci.counties))])
				case r < 8:
					set("region", "全市")
				default:
					set("region", "")
				}
				set("funding", pickFunding(rng, fundWeights))
				amount, kind := pickAmount(rng)
				set("amount", amount)
				set("amount_kind", kind)
				set("period_start", fmt.Sprintf("%d-01-01", y))
				set("period_end", fmt.Sprintf("%d-12-31", y))
				if err := cw.Write(rec); err != nil {
					return rows, err
				}
				rows++
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return rows, err
	}
	return rows, bw.Flush()
}

func pickCategory(rng *rand.Rand, total int) struct {
	code   string
	weight int
	names  []string
} {
	n := rng.IntN(total)
	for _, c := range categories {
		if n < c.weight {
			return c
		}
		n -= c.weight
	}
	return categories[0]
}

func pickFunding(rng *rand.Rand, total int) string {
	n := rng.IntN(total)
	for _, f := range funding {
		if n < f.weight {
			return f.name
		}
		n -= f.weight
	}
	return ""
}

// pickAmount: 5% unknown, 15% caps, 5% settled on actual cost; 0.5 to ~500 万元
// with 0 to 3 decimals, skewed small as real catalogs are.
func pickAmount(rng *rand.Rand) (amount, kind string) {
	r := rng.IntN(100)
	if r < 5 {
		return "", ""
	}
	base := 0.5 + rng.ExpFloat64()*15
	if base > 500 {
		base = 500
	}
	decimals := rng.IntN(4)
	amount = strconv.FormatFloat(base, 'f', decimals, 64)
	switch {
	case r < 20:
		kind = "最高资助"
	case r < 25:
		kind = "按实结算"
	default:
		kind = "定额"
	}
	return amount, kind
}

func loadCities(dataFS fs.FS) ([]city, error) {
	f, err := dataFS.Open("ref/regions.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	provinces := map[string]string{}
	byCode := map[string]*city{}
	var order []string
	for _, r := range recs[1:] {
		code, name, level := r[0], r[1], r[2]
		switch level {
		case "province":
			provinces[code] = name
		case "city":
			if strings.HasSuffix(name, "市") && !strings.HasSuffix(code, "0000") {
				byCode[code] = &city{code: code, name: name, province: provinces[r[4]]}
				order = append(order, code)
			}
		case "county":
			if c, ok := byCode[r[5]]; ok && !strings.Contains(name, "市辖区") {
				c.counties = append(c.counties, name)
			}
		}
	}
	sort.Strings(order)
	var out []city
	seen := map[string]bool{}
	for _, code := range order {
		c := byCode[code]
		if seen[c.name] { // municipalities list 市辖区 and 县 under one name
			continue
		}
		seen[c.name] = true
		out = append(out, *c)
	}
	return out, nil
}
