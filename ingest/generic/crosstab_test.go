package generic

import (
	"fmt"
	"strings"
	"testing"

	"fundscope/model"
	"fundscope/money"
)

// A column headed by a total word (合计, 小计, 金额合计) over figures is each
// row's total: the row's amount, and the columns before it that it adds up
// are its parts, listed as unread (rule total-column).
func TestTotalColumn(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"funding sources and their total",
			"序号\t项目名称\t中央资金（万元）\t省级资金（万元）\t合计（万元）\n" +
				"1\t敬老院改造\t100\t50\t150\n" +
				"2\t儿童福利院建设\t80\t40\t120\n" +
				"\t合计\t180\t90\t270\n",
			"items: 敬老院改造=150/fixed 儿童福利院建设=120/fixed; totals: 270/270; unread: " +
				"100(a part of the row's total (合计(万元))) 50(a part of the row's total (合计(万元))) " +
				"80(a part of the row's total (合计(万元))) 40(a part of the row's total (合计(万元))) " +
				"180(a part of the row's total (合计(万元))) 90(a part of the row's total (合计(万元)))"},
		{"rows named by a region, categories over a subtotal, the unit in the caption",
			"金额单位：元\n" +
				"地区\t助老服务\t助残服务\t小计\n" +
				"甲县\t30000\t20000\t50000\n" +
				"乙县\t10000\t5000\t15000\n",
			"items: 甲县=5/fixed 乙县=1.5/fixed; totals: ; unread: " +
				"30000(a part of the row's total (小计)) 20000(a part of the row's total (小计)) " +
				"10000(a part of the row's total (小计)) 5000(a part of the row's total (小计))"},
		{"traditional script, the total column headed 資金合計",
			"項目名稱\t市級資金（萬元）\t區級資金（萬元）\t資金合計（萬元）\n" +
				"社區食堂\t12\t8\t20\n" +
				"長者探訪\t6\t4\t10\n",
			"items: 社區食堂=20/fixed 長者探訪=10/fixed; totals: ; unread: " +
				"12(a part of the row's total (資金合計(萬元))) 8(a part of the row's total (資金合計(萬元))) " +
				"6(a part of the row's total (資金合計(萬元))) 4(a part of the row's total (資金合計(萬元)))"},
		{"a lone total-worded amount column is the amount column",
			"项目名称\t金额合计（万元）\n助餐服务\t12\n助浴服务\t8\n",
			"items: 助餐服务=12/fixed 助浴服务=8/fixed; totals: ; unread: "},
	})
}

// A row whose parts do not add up to its total column is said so.
func TestTotalColumnMismatch(t *testing.T) {
	for _, text := range []string{
		"项目名称\t中央资金（万元）\t省级资金（万元）\t合计（万元）\n敬老院改造\t100\t50\t160\n儿童福利院建设\t80\t40\t120\n",
		"服务项目\t市级（元）\t区级（元）\t小计（元）\n助餐\t1000\t500\t1600\n助浴\t200\t100\t300\n",
	} {
		p := read(t, text)
		var warned []string
		for _, w := range p.Warnings {
			if strings.Contains(w.Message, "its parts sum to") {
				warned = append(warned, w.Message)
			}
		}
		if len(warned) != 1 {
			t.Errorf("%q: want one warning of parts that do not add up, got %q", text, warned)
		}
	}
}

// yearSummary is the summary with each item's year.
func yearSummary(t *testing.T, text string) string {
	t.Helper()
	p := read(t, text)
	var years []string
	for _, it := range p.Items {
		years = append(years, fmt.Sprint(it.Year))
	}
	return summary(p) + "; years: " + strings.Join(years, " ")
}

// One column per year over figures: each cell is an item of its own year,
// a total column its row's crosscheck, a total row each year's total
// (rule year-columns in columns.csv).
func TestYearColumns(t *testing.T) {
	cases := []summaryCase{
		{"years with a total column and a total row, the unit in the caption",
			"表1 分年度使用情况（单位：万元）\n" +
				"项目\t2019年\t2020年\t合计\n" +
				"养老服务\t120\t150\t270\n" +
				"儿童福利\t60\t70\t130\n" +
				"合计\t180\t220\t400\n",
			"items: 养老服务=120/fixed 养老服务=150/fixed 儿童福利=60/fixed 儿童福利=70/fixed; " +
				"totals: 270/270 130/130 180/180 220/220 400/400; unread: ; years: 2019 2020 2019 2020"},
		{"a two-row header: the money's label over the years",
			"金额单位为万元\n" +
				"序号\t项目名称\t资金安排\t\n" +
				"\t\t2020年度\t2021年度\n" +
				"1\t社区养老驿站\t100\t50\n" +
				"2\t困境儿童关爱\t80\t40\n",
			"items: 社区养老驿站=100/fixed 社区养老驿站=50/fixed 困境儿童关爱=80/fixed 困境儿童关爱=40/fixed; totals: ; unread: ; years: 2020 2021 2020 2021"},
	}
	for _, c := range cases {
		if got := yearSummary(t, c.text); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// A year over words (实施年度: 2021年) says when, not how much: the table
// reads as one item a row.
func TestYearOverWords(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a year column of words",
			"项目名称\t实施年度\t金额（万元）\n助餐服务\t2021年\t12\n助浴服务\t2022年\t8\n",
			"items: 助餐服务=12/fixed 助浴服务=8/fixed; totals: ; unread: "},
		{"a column headed by a year over words",
			"项目名称\t2021年\t金额（万元）\n助餐服务\t续建\t12\n助浴服务\t新建\t8\n",
			"items: 助餐服务=12/fixed 助浴服务=8/fixed; totals: ; unread: "},
	})
}

// Rows named by a region column (地市, 县区) over an amount are each a
// place's allocation: the name is the place and so is its region; a 用途
// column beside the region names the item instead.
func TestRowsNamedByRegion(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"地市\t项目个数\t补助资金（万元）\n甲市\t5\t120\n乙市\t3\t80\n合计\t8\t200\n", "甲市@甲市=120 乙市@乙市=80"},
		{"縣區\t資金（萬元）\n甲縣\t30\n乙縣\t20\n", "甲縣@甲縣=30 乙縣@乙縣=20"},
		{"县区\t资金（万元）\t用途\n甲县\t30\t养老服务\n乙县\t20\t儿童福利\n", "养老服务@甲县=30 儿童福利@乙县=20"},
	} {
		p := read(t, c.text)
		if got := placed(p); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

// A note under a table (注：金额单位为元) states its unit when nothing above
// does; a caption above wins over it.
func TestUnitInTheNoteUnderTheTable(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the note under the table in 元, figures small enough to be guessed 万元",
			"项目名称\t资助金额\n助餐服务\t1200\n助浴服务\t800\n\n注：以上金额单位为元。\n",
			"items: 助餐服务=0.12/fixed 助浴服务=0.08/fixed; totals: ; unread: "},
		{"traditional script, 單位：萬元 under, figures large enough to be guessed 元",
			"項目名稱\t資助金額\n長者食堂\t12000\n社區書屋\t8000\n說明：金額單位：萬元\n",
			"items: 長者食堂=12000/fixed 社區書屋=8000/fixed; totals: ; unread: "},
		{"a caption above wins over the note under",
			"单位：万元\n项目名称\t资助金额\n助餐服务\t12\n助浴服务\t8\n注：单位为元\n",
			"items: 助餐服务=12/fixed 助浴服务=8/fixed; totals: ; unread: "},
	})
}

// Rows named by region, a column per category and no total column: each
// cell is that category's money in that place (its name the column's, its
// region the row's); a total row gives each column's total.
func TestCategoryColumnsUnderRegionRows(t *testing.T) {
	for _, c := range []struct{ text, want, totals string }{
		{"金额单位：万元\n地区\t养老服务\t儿童福利\n甲县\t30\t12\n乙县\t25\t10\n合计\t55\t22\n",
			"养老服务@甲县=30 儿童福利@甲县=12 养老服务@乙县=25 儿童福利@乙县=10", "55/55 22/22"},
		{"單位：元\n區域\t助老\t助殘\t救助\n甲鎮\t3000\t2000\t1000\n乙鎮\t500\t\t800\n",
			"助老@甲鎮=0.3 助殘@甲鎮=0.2 救助@甲鎮=0.1 助老@乙鎮=0.05 救助@乙鎮=0.08", ""},
	} {
		p := read(t, c.text)
		if got := placed(p); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, got, c.want)
		}
		if s := summary(p); !strings.Contains(s, "totals: "+c.totals+";") {
			t.Errorf("%q: %s, want totals %s", c.text, s, c.totals)
		}
	}
}

// The bare figures of a list under a line stating the unit are read in that
// unit (rule caption-unit-list); one such line alone is no list.
func TestCaptionUnitList(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a numbered list under （单位：万元）, its total line",
			"某区福彩公益金使用情况（单位：万元）\n\n1. 养老服务 120\n2. 儿童福利 60\n3. 社会救助 20\n合计 200\n",
			"items: 养老服务=120/fixed 儿童福利=60/fixed 社会救助=20/fixed; totals: 200/200; unread: "},
		{"traditional script, 單位：元 on its own line, parenthesized numbers",
			"單位：元\n（一）長者食堂 12,000\n（二）社區書屋 8,000\n",
			"items: 長者食堂=1.2/fixed 社區書屋=0.8/fixed; totals: ; unread: "},
	})
	p := read(t, "单位：万元\n1. 养老服务 120\n另安排助残服务30万元。\n")
	if len(p.Items) != 1 {
		t.Errorf("one bare line under a unit is no list: %s", summary(p))
	}
}

// placed is "name@region=万元 …" for each item of a reading.
func placed(p *model.Parsed) string {
	var out []string
	for _, it := range p.Items {
		out = append(out, fmt.Sprintf("%s@%s=%s", it.Name, it.RegionText, money.FormatWan(*it.Amount.Yuan)))
	}
	return strings.Join(out, " ")
}
