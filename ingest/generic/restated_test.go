package generic

import "testing"

// A total the document breaks down, printed again elsewhere (rule
// total-restated, data/lexicon/restated.csv), on invented notices.
func TestRestatedTotal(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the fund's whole amount stated again after its breakdown is no item",
			"2022年本县收到省级福彩公益金共计286.45万元,其中用于敬老院改造180万元、儿童之家建设106.45万元。按照资金用途,2022年省级福彩公益金286.45万元已全额拨付使用。",
			"items: 敬老院改造=180/fixed 儿童之家建设=106.45/fixed; totals: 286.45/286.45 286.45/286.45; unread: "},
		{"a summary line before its breakdown, with a different name, traditional script",
			"本年度支持發展助老服務1234.56萬元。老年人福利類支出1234.56萬元，其中居家養老補貼1000萬元，助餐點運營234.56萬元。",
			"items: 居家養老補貼=1000/fixed 助餐點運營=234.56/fixed; totals: 1234.56/1234.56 1234.56/1234.56; unread: "},
		{"a round figure equal to a total is not taken for it",
			"甲镇共安排20万元,其中文化礼堂12万元、书屋8万元。乙镇助浴点建设20万元。",
			"items: 文化礼堂=12/fixed 书屋=8/fixed 乙镇助浴点建设=20/fixed; totals: 20/20; unread: "},
	})
}
