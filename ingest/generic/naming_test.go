package generic

import "testing"

// How the words around a figure name its item (data/lexicon/naming.csv),
// on invented notices in several wordings.
func TestNaming(t *testing.T) {
	checkSummaries(t, []summaryCase{
		// name-from-clause-before, kind source
		{"the fund a figure is paid from names nothing: the clause before does",
			"其中,敬老服务类项目8个,使用市级公益金40万元;儿童关爱类项目4个,使用市级公益金20万元。",
			"items: 敬老服务类项目8个=40/fixed 儿童关爱类项目4个=20/fixed; totals: ; unread: "},
		{"the fund with a verb of giving, traditional script",
			"社區融合項目6個，安排區級福彩公益金12萬元；殘疾人康復項目3個，安排區級福彩公益金9萬元。",
			"items: 社區融合項目6個=12/fixed 殘疾人康復項目3個=9/fixed; totals: ; unread: "},
		// a comma between digits is no clause stop
		{"a count printed with a thousands comma stays in its clause",
			"全年资助农村互助点项目1,350个,资助资金2,700.5万元。",
			"items: 全年资助农村互助点项目1,350个=2700.5/fixed; totals: ; unread: "},
		{"a thousands comma in the figure before",
			"共建成社区书屋2,400处,补助资金960万元。",
			"items: 建成社区书屋2,400处=960/fixed; totals: ; unread: "},
		// name-purpose-after
		{"figures each followed by their purpose, in one list",
			"本级公益金预算900万元,其中,500万元用于资助养老服务类项目、300万元用于资助儿童关爱类项目、100万元用于资助社会公益类项目,成效明显。",
			"items: 资助养老服务类项目=500/fixed 资助儿童关爱类项目=300/fixed 资助社会公益类项目=100/fixed; totals: 900/900; unread: "},
		{"figures followed by 用作, without a total",
			"安排12万元用作社区助餐补贴、8万元用作助浴服务购买。",
			"items: 社区助餐补贴=12/fixed 助浴服务购买=8/fixed; totals: ; unread: "},
		// name-lead-verb
		{"when and by which verb the money was given is no part of the name",
			"已于2025年底拨付甲村文化礼堂改造补助20万元。",
			"items: 甲村文化礼堂改造补助=20/fixed; totals: ; unread: "},
		{"the giver, 已 and the verb before the name",
			"乙街道已于年初下拨丙社区助餐点运营补助6万元。",
			"items: 丙社区助餐点运营补助=6/fixed; totals: ; unread: "},
		// name-after-provider, name-price-trail
		{"who provides it for whom comes before 提供的; a price word before the figure",
			"民政局与两家机构签订协议。其中,甲市阳光服务中心为乙社区提供的“银发守护”助老服务项目价格为40.5万元。",
			"items: “银发守护”助老服务项目=40.5/fixed; totals: ; unread: "},
		{"开展的 and 合同金额, traditional script",
			"丙縣社工事務所在丁街道開展的鄰里互助服務項目合同金額為12萬元。",
			"items: 鄰里互助服務項目=12/fixed; totals: ; unread: "},
		// name-fund-use
		{"the fund before 用于 is no part of the name: what it is used for is",
			"本年度福彩公益金主要支出80万元,其中上级补助资金用于甲县儿童之家建设支出30万元,福彩公益金用于乙镇敬老院改造支出50万元。",
			"items: 甲县儿童之家建设=30/fixed 乙镇敬老院改造=50/fixed; totals: 80/80; unread: "},
		{"a year and place before the fund, traditional script; a project before 用于 stays the name",
			"2021年丙市福彩公益金用於困難群眾救助1.2億元。丁社區助老項目資金用於購買設備5萬元。",
			"items: 困難群眾救助=12000/fixed 丁社區助老項目資金用於購買設備=5/fixed; totals: ; unread: "},
		// name-category-spending
		{"a category's spending line keeps 支出; a project's 支出 is cut",
			"全年支出30万元。其中老年人福利类支出20万元,甲镇敬老院改造工程支出10万元。",
			"items: 老年人福利类支出=20/fixed 甲镇敬老院改造工程=10/fixed; totals: 30/30; unread: "},
		{"支出为 after a category, traditional script",
			"兒童福利類支出為8萬元，社會公益類支出為4萬元。",
			"items: 兒童福利類支出=8/fixed 社會公益類支出=4/fixed; totals: ; unread: "},
		// name-paren-after
		{"a project in parentheses after the figure names it; one with a figure inside is a breakdown",
			"下达我县中央公益金50万元,其中助老类项目30万元(甲镇敬老院改造项目30万元)、助残类项目20万元(康复行动)。",
			"items: 甲镇敬老院改造项目=30/fixed 康复行动=20/fixed; totals: 50/50 30/30; unread: "},
		{"full-width parentheses, traditional script",
			"兒童類項目8萬元（愛心助學計劃），社區類項目4萬元（鄰里守望活動）。",
			"items: 愛心助學計劃=8/fixed 鄰里守望活動=4/fixed; totals: ; unread: "},
		// name-count-trail
		{"a count with 共 ends the clause that names the figure: it is no part of the name",
			"其中,社区营造类项目共9个,资助金额86.5万元;助老服务类项目共5个,资助金额40万元。",
			"items: 社区营造类项目=86.5/fixed 助老服务类项目=40/fixed; totals: ; unread: "},
		{"共 and a count in Chinese numerals, traditional script",
			"青少年成長類項目共十二項，補助資金60萬元。",
			"items: 青少年成長類項目=60/fixed; totals: ; unread: "},
		// name-lead-verb (a giver ending as an office), the fund with a year and a category,
		// name-purpose-after with who receives it, purpose-trail
		{"an office gives the fund to a street for a purpose: the purpose names the item",
			"甲区民政局下达2024年度中央福彩公益金(老年人福利类项目)3万元至乙街道用于丙社区长者食堂厨房设备购置的支出。",
			"items: 丙社区长者食堂厨房设备购置=3/fixed; totals: ; unread: "},
		{"拨给 a community, then 用于, traditional script",
			"丁縣財政局撥付2023年省級福彩公益金5萬元撥給戊社區用於兒童之家改造的費用。",
			"items: 兒童之家改造=5/fixed; totals: ; unread: "},
		// name-from-clause-before, kind no-name; name-copula-after
		{"a figure named only by its fund, said what it is in the clause after",
			"近日,甲县民政局下拨2023年市级福彩公益金8万元,为社区活动阵地补助资金。",
			"items: 社区活动阵地补助资金=8/fixed; totals: ; unread: "},
		{"系 and a subsidy after the fund; a time word before is no name",
			"日前，乙街道拨付區級福彩公益金6万元，系長者助餐补贴。",
			"items: 長者助餐补贴=6/fixed; totals: ; unread: "},
		{"the same figure under its fund and its purpose, both named by the fund: the purpose stays",
			"甲区民政局下达2022年度省级福彩公益金2万元至乙街道用于丙社区老年食堂运营。现公告如下:省级福彩公益金涉及经费2万元,主要用于老年人福利。",
			"items: 丙社区老年食堂运营=2/fixed; totals: ; unread: "},
		// name-from-clause-before: the clauses that say who are passed over to the one that says what
		{"a list line: the project, its undertaker's label and name, then the money word",
			"1.社区矫正帮扶项目，承接单位：甲社会工作服务中心，项目资金8万元；2.独居老人探访项目，承接单位：乙志愿者协会，项目资金6.5万元。",
			"items: 社区矫正帮扶项目=8/fixed 独居老人探访项目=6.5/fixed; totals: ; unread: "},
		{"the organization alone in the clause before, traditional script",
			"（一）長者助浴服務，丙養老服務中心，補助資金3萬元。",
			"items: 長者助浴服務=3/fixed; totals: ; unread: "},
		// name-purpose-next: a line printed as its category, the next sentence saying what it is used for
		{"the category's summary, then each line with its purpose: one item each, named by the purpose",
			"其中:老年人福利类30万元,儿童福利类6万元。1、老年人福利类30万元。用于资助我县困难老人家庭适老化改造300户。2、儿童福利类6万元。用于发放孤儿助学补助12人。",
			"items: 困难老人家庭适老化改造=30/fixed 发放孤儿助学补助=6/fixed; totals: ; unread: "},
		{"主要用于 up to the clause stop, traditional script with romanization debris",
			"1、社會公益類5萬元。主要用於補助本區(qū)甲街道社工站運營,成效明顯。2、殘疾人福利類2萬元。",
			"items: 甲街道社工站運營=5/fixed 殘疾人福利類=2/fixed; totals: ; unread: "},
		// a quoted project with its words up to 项目, its organization in a labelled aside
		{"(承接单位:…) in parentheses after the quoted project, then the money word",
			"1.“暖心食堂”助餐服务项目（承接单位：甲养老服务中心），资助金额5万元；2.“阳光少年”成长陪伴项目（承接单位：乙社工事务所），资助金额4万元。",
			"items: “暖心食堂”助餐服务项目=5/fixed “阳光少年”成长陪伴项目=4/fixed; totals: ; unread: "},
		{"实施单位 in the aside, traditional script",
			"“鄰里守望”互助項目(實施單位:丙志願者協會),補助資金2萬元。",
			"items: “鄰里守望”互助項目=2/fixed; totals: ; unread: "},
		// a quoted name with the words after it to the clause end; a money label before a colon names nothing
		{"项目一：“甲”结对帮扶，实施单位：…，资助资金：30,000元; a 合计 label before its colon",
			"项目一：“爱心妈妈”结对帮扶，实施单位：甲妇女儿童服务中心，资助资金：30,000元\n项目二：“银龄互助”睦邻点，实施单位：乙养老服务社，资助资金：25,000元\n合计：55,000元",
			"items: “爱心妈妈”结对帮扶=3/fixed “银龄互助”睦邻点=2.5/fixed; totals: 5.5/5.5; unread: "},
		{"补助金额： after the organization, traditional script; 總計：",
			"1.“鄰里守望”互助站，承接單位：丙社工服務中心，補助金額：1.2萬元\n2.“童心課堂”，承接單位：丁青少年服務社，補助金額：0.8萬元\n總計：2萬元",
			"items: “鄰里守望”互助站=1.2/fixed “童心課堂”=0.8/fixed; totals: 2/2; unread: "},
		// a verb of spending alone before the figure, an enumerator (一是) before the name
		{"一是…,投入X万元: the clause before names it",
			"全县共使用福彩公益金312.6万元,主要用于以下方面:一是养老服务,投入180万元;二是儿童福利,投入52.6万元;三是社会救助,投入80万元。",
			"items: 养老服务=180/fixed 儿童福利=52.6/fixed 社会救助=80/fixed; totals: 312.6/312.6; unread: "},
		{"使用 and 支出, traditional script",
			"一是長者助餐，使用12萬元；二是兒童托管，支出8萬元。",
			"items: 長者助餐=12/fixed 兒童托管=8/fixed; totals: ; unread: "},
		// total words: 共 is one only right before the figure or with its verb
		{"共 inside a project's name (共读, 共享) is no total word",
			"1.甲家庭服务中心“亲子共读”项目3.5万元;2.“共享工具屋”项目2万元。",
			"items: “亲子共读”项目=3.5/fixed “共享工具屋”项目=2/fixed; totals: ; unread: "},
		{"共投入 and 共 before the figure are total words, traditional script",
			"甲項目3萬元，乙項目2萬元，共投入5萬元。丙項目1萬元，丁項目1萬元，共2萬元。",
			"items: 甲項目=3/fixed 乙項目=2/fixed 丙項目=1/fixed 丁項目=1/fixed; totals: 5/5 2/2; unread: "},
		// restated: a fund and a project stating one figure
		{"a figure stated under its fund and again under its project is one item",
			"区级福彩公益金涉及经费20万元,主要用于老年人福利。街道已于年底拨付甲社区助餐点建设补助20万元。",
			"items: 甲社区助餐点建设补助=20/fixed; totals: ; unread: "},
		{"the project first, then the fund restating it",
			"资助乙镇敬老院消防改造项目15万元。省级福彩公益金15万元已全部拨付到位。",
			"items: 资助乙镇敬老院消防改造项目=15/fixed; totals: ; unread: "},
	})
}

// Rule name-purpose-clause: a figure with nothing but an enumerator and a
// verb before it is named by the clause after its comma that says what the
// money did.
func TestNameFromThePurposeClauseAfter(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"一是投入…,用于…",
			"全年共使用公益金30万元。一是投入18万元，用于社区老年食堂运营补贴；二是投入12万元，为困难老人购买居家照护服务。",
			"items: 社区老年食堂运营补贴=18/fixed 为困难老人购买居家照护服务=12/fixed; totals: 30/30; unread: "},
		{"首先安排…,资助…, traditional script",
			"首先安排5萬元，資助殘疾兒童康復訓練；其次安排3萬元，用於孤兒助學的支出。",
			"items: 資助殘疾兒童康復訓練=5/fixed 孤兒助學=3/fixed; totals: ; unread: "},
	})
}

// Rule name-lead-keep and the name before the parenthesis a figure is
// printed in: 为老服务类（8个，资助金额20万元） is 为老服务类.
func TestHeadingNameBeforeItsParenthesis(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a category heading with its count and amount in parentheses",
			"一、为老服务类（3个，资助金额20万元）\n1.长者助餐项目，资助金额8万元；\n2.居家探访项目，资助金额7万元；\n3.老年大学项目，资助金额5万元。",
			"items: 长者助餐项目=8/fixed 居家探访项目=7/fixed 老年大学项目=5/fixed; totals: 20/20; unread: "},
		{"为民 kept, traditional script",
			"為民辦實事項目（共2項，合計9萬元）：社區書屋項目5萬元，健身步道項目4萬元。",
			"items: 社區書屋項目=5/fixed 健身步道項目=4/fixed; totals: 9/9; unread: "},
		{"为 before a place is still a lead",
			"为甲社区安排资金6万元，为乙社区安排资金4万元。",
			"items: 甲社区安排资金=6/fixed 乙社区安排资金=4/fixed; totals: ; unread: "},
	})
}

// Rule each-listed: 甲、乙、丙等3个项目，每个项目资助8万元 is three items of
// 8万元, derived; a count that is not the names' count leaves it a per-unit
// amount; projects only counted (其余5个项目各…) are never items.
func TestEachOfTheListedProjects(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"names, their count, each",
			"社区书屋、长者助餐、儿童托管等3个项目，每个项目资助8万元。",
			"items: 社区书屋=8/derived 长者助餐=8/derived 儿童托管=8/derived; totals: ; unread: "},
		{"names, their count, 每项, traditional script",
			"助浴服務及心理疏導共2項，每項補助資金1.5萬元。",
			"items: 助浴服務=1.5/derived 心理疏導=1.5/derived; totals: ; unread: "},
		{"a count that is not the names' count",
			"社区书屋、长者助餐等5个项目，每个项目资助8万元。",
			"items: ; totals: ; unread: 8万元(per-head or per-unit amount)"},
		{"projects only counted",
			"甲项目8万元；其余5个项目各资助6万元。",
			"items: 甲项目=8/fixed; totals: ; unread: 6万元(for projects the document counts but does not name (其余5个项目各资助8万元))"},
		{"projects only counted, 另有 wording, traditional script",
			"乙項目3萬元，另有4個項目每個資助2萬元。",
			"items: 乙項目=3/fixed; totals: ; unread: 2萬元(for projects the document counts but does not name (其余5个项目各资助8万元))"},
	})
}

// A verb of spending before the bare fund (投入公益金) names nothing: the
// clause after it (实施…, 开展…) does.
func TestBareFundAfterAVerbNamesNothing(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"投入公益金…,实施…",
			"（一）投入公益金30万元，实施“爱心助浴”上门服务项目；（二）投入公益金20万元，开展困境儿童关爱行动。",
			"items: “爱心助浴”上门服务项目=30/fixed 困境儿童关爱行动=20/fixed; totals: ; unread: "},
		{"使用资金…,用于…, traditional script",
			"一是使用資金8萬元，用於社區長者食堂運營；二是使用資金6萬元，用於殘疾人康復訓練。",
			"items: 社區長者食堂運營=8/fixed 殘疾人康復訓練=6/fixed; totals: ; unread: "},
	})
}

// Rule name-purpose-after in a sentence whose figures each come before
// their 用于: the words before a figure belong to the purpose of the one
// before, and the figure is named by its own purpose.
func TestAmountFirstSentenceNamesByThePurposeAfter(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a comma missing between two amount-first clauses",
			"安排30万元用于长者食堂建设及运营,推进农村互助养老20万元用于养老护理员培训。",
			"items: 长者食堂建设及运营=30/fixed 养老护理员培训=20/fixed; totals: ; unread: "},
		{"traditional script",
			"安排12萬元用於兒童之家建設,並開展關愛活動8萬元用於困境兒童心理輔導。",
			"items: 兒童之家建設=12/fixed 困境兒童心理輔導=8/fixed; totals: ; unread: "},
	})
}

// A part named only by a place under a numbered heading takes the heading's
// project; a heading's figure followed in its paragraph by figures that fall
// short of it keeps them as its sub-items, never a second item.
func TestPlacePartsAndShortPartsUnderAHeading(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"places under the clause of a heading",
			"（二）儿童关爱保护项目30万元。安排30万元用于困境儿童走访,其中:鞍山18万元、本溪12万元。",
			"items: 儿童关爱保护项目（鞍山）=18/fixed 儿童关爱保护项目（本溪）=12/fixed; totals: 30/30 30/30; unread: "},
		{"short parts after a heading, traditional script",
			"（三）社會工作項目50萬元。20萬元用於社工站運營。",
			"items: 社會工作項目=50/fixed; totals: ; unread: 20萬元(sub-item of 50萬元 (a breakdown that does not add up to it, not added))"},
		{"a heading whose parts add up",
			"（一）助老项目40万元。25万元用于长者助餐,15万元用于居家探访。",
			"items: 长者助餐=25/fixed 居家探访=15/fixed; totals: 40/40; unread: "},
	})
}

// Rule name-level-part: a part of a section's figure named only by the level
// that spends it is the section's project at that level.
func TestPartsNamedByTheirLevel(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"省本级 and 补助市县",
			"（一）养老服务支出300万元。其中：省本级使用100万元；补助市县200万元。",
			"items: 养老服务（省本级）=100/fixed 养老服务（补助市县）=200/fixed; totals: 300/300; unread: "},
		{"本级 and 下拨县区, traditional script",
			"二、兒童福利支出80萬元，其中市本級30萬元、下撥縣區50萬元。",
			"items: 兒童福利（市本級）=30/fixed 兒童福利（縣區）=50/fixed; totals: 80/80; unread: "},
		{"a total named by its year only: the parts keep their own names",
			"2023年，省本级福彩公益金安排支出12亿元，其中：补助市县8亿元，省本级使用4亿元。",
			"items: 补助市县=80000/fixed 省本级=40000/fixed; totals: 120000/120000; unread: "},
		{"本年度 only, traditional script",
			"本年度，公益金支出共計900萬元，其中：下撥縣區600萬元、市本級300萬元。",
			"items: 縣區=600/fixed 市本級=300/fixed; totals: 900/900; unread: "},
	})
}

// A clause that only says who carries a project out (由甲中心承接) and a
// purchase's money label (购买金额) name nothing: the project is the clause
// before them, the organization the one who undertakes it.
func TestWhoClauseAndPurchaseLabelNameNothing(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"由…承接，购买金额",
			"一、“邻里守望”互助项目，由甲社会工作服务中心承接，购买金额15万元；\n二、“银龄课堂”项目，由乙老年协会承接，购买金额12万元。",
			"items: “邻里守望”互助项目=15/fixed “银龄课堂”项目=12/fixed; totals: ; unread: "},
		{"由…负责实施，采购金额, traditional script",
			"1.長者助浴服務，由丙志願者協會負責實施，採購金額3萬元。\n2.兒童托管服務，由丁促進會負責實施，採購金額2萬元。",
			"items: 長者助浴服務=3/fixed 兒童托管服務=2/fixed; totals: ; unread: "},
	})
	p := read(t, "一、“邻里守望”互助项目，由甲社会工作服务中心承接，购买金额15万元；")
	if len(p.Items) != 1 || p.Items[0].Organization != "甲社会工作服务中心" {
		t.Errorf("the organization of the who clause: %+v", p.Items)
	}
}

// One amount per site (每个社区补助8万元) after a count of sites is a per-unit
// amount, unread; the product after it (计40万元) is the item, named by the
// clause before the count.
func TestPerSiteAmountAndItsProduct(t *testing.T) {
	const why = "per-head or per-unit amount"
	checkSummaries(t, []summaryCase{
		{"a county, its communities, each one's, the product",
			"具体分配如下：\n甲县：5个社区，每个社区补助8万元，计40万元；\n乙县：10个社区，每个社区补助8万元，计80万元。",
			"items: 甲县=40/fixed 乙县=80/fixed; totals: ; unread: 8万元(" + why + ") 8万元(" + why + ")"},
		{"a town, its villages, 每村, traditional script",
			"分配如下：\n丙鎮：3個村，每村獎補2萬元，共計6萬元；\n丁鎮：4個村，每村獎補2萬元，共計8萬元。",
			"items: 丙鎮=6/fixed 丁鎮=8/fixed; totals: ; unread: 2萬元(" + why + ") 2萬元(" + why + ")"},
	})
}

// A verb of receiving with its object after the name (获资助, 获得补助资金)
// is no part of it; 即 (that is) before a name is none either.
func TestNameTrailReceivedAndLeadThatIs(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"获资助 after the quoted project",
			"经评审，“长者助餐”项目获资助5万元，“儿童托管”项目获资助3.5万元。",
			"items: “长者助餐”项目=5/fixed “儿童托管”项目=3.5/fixed; totals: ; unread: "},
		{"獲得補助資金, traditional script",
			"社區書屋獲得補助資金2萬元；長者食堂獲得補助資金3萬元。",
			"items: 社區書屋=2/fixed 長者食堂=3/fixed; totals: ; unread: "},
		{"即 before the first of a restated division",
			"本年度共安排公益金100万元，即养老服务60万元、儿童福利40万元。",
			"items: 养老服务=60/fixed 儿童福利=40/fixed; totals: 100/100; unread: "},
		{"即 after a comma, traditional script",
			"全年投入80萬元，即助殘項目50萬元，救助項目30萬元。",
			"items: 助殘項目=50/fixed 救助項目=30/fixed; totals: 80/80; unread: "},
	})
}

// Rule name-rest-purpose (data/lexicon/naming.csv): the remainder before a
// figure names nothing; its purpose after it does.
func TestTheRestNamedByItsPurpose(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"其余 after the listed uses",
			"投入50万元用于敬老院改造；其余20万元用于社会组织能力建设培训。",
			"items: 敬老院改造=50/fixed 社会组织能力建设培训=20/fixed; totals: ; unread: "},
		{"剩余资金, traditional script",
			"安排長者助餐補貼30萬元，剩餘資金8萬元用於社區志願服務獎勵。",
			"items: 長者助餐補貼=30/fixed 社區志願服務獎勵=8/fixed; totals: ; unread: "},
	})
}

// Rule spaced-fund-field (data/lexicon/amount_context.csv): a line of
// fields split by spaces whose field before the figure is only a fund names
// the item by the fields before it; the fund is its funding source.
func TestSpacedFundField(t *testing.T) {
	for _, c := range []struct{ text, name, fund string }{
		{"养老服务体系建设    中央彩票公益金（省级统筹）    3.1亿元", "养老服务体系建设", "中央彩票公益金(省级统筹)"},
		{"1. 兒童福利機構建設　省級福彩公益金　800萬元", "兒童福利機構建設", "省級福彩公益金"},
	} {
		p := read(t, c.text)
		if len(p.Items) != 1 || p.Items[0].Name != c.name || p.Items[0].FundingText != c.fund {
			t.Errorf("%s: items %+v, want %s from %s", c.text, p.Items, c.name, c.fund)
		}
	}
}

// Rule name-from-clause-before (kind source): only the official names of
// the central fund (中央专项彩票公益金支持社会福利事业资金) are a fund; a
// fund that supports a named field (省级福彩公益金支持残疾人事业发展资金)
// is cut before what it supports (rule name-fund-lead).
func TestFundSupportingAField(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"a provincial fund supporting a field",
			"一、省级福彩公益金支持残疾人事业发展资金1.2亿元。二、省级福彩公益金支持儿童福利事业资金0.8亿元。",
			"items: 残疾人事业发展资金=12000/fixed 儿童福利事业资金=8000/fixed; totals: ; unread: "},
		{"the central fund's official name stays a fund, traditional script",
			"中央專項彩票公益金支持社會福利事業資金2.1億元，其中養老服務1.5億元，兒童福利0.6億元。",
			"items: 養老服務=15000/fixed 兒童福利=6000/fixed; totals: 21000/21000; unread: "},
	})
}

// Rules name-level-source and name-phase-lead (data/lexicon/naming.csv): a
// figure named only by the level that pays its share, or by its payment
// phase, is the project's before it, the level or phase in parentheses.
func TestLevelSharesAndPhasesNameTheProject(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"two levels' shares of one project",
			"乙社区助残项目，市级补助4万元，区级配套2万元。",
			"items: 乙社区助残项目（市级补助）=4/fixed 乙社区助残项目（区级配套）=2/fixed; totals: ; unread: "},
		{"a phase with no amount before it, traditional script",
			"一、甲社區助老項目，首期撥付3萬元，二期撥付2萬元。",
			"items: 甲社區助老項目（首期）=3/fixed; totals: ; unread: 2萬元(a payment phase of 3萬元)"},
		{"the county's share, then the town's",
			"丙村文化礼堂改造，县级补助10万元，镇级配套5万元。",
			"items: 丙村文化礼堂改造（县级补助）=10/fixed 丙村文化礼堂改造（镇级配套）=5/fixed; totals: ; unread: "},
	})
}

// Rule name-purpose-next: a line named only by its fund, whose next
// sentence says what the money is used for, is named by that purpose, as a
// line named only by its category is.
func TestFundLineNamedByTheNextSentence(t *testing.T) {
	checkSummaries(t, []summaryCase{
		{"the central fund at the provincial level",
			"（一）中央彩票公益金（省本级）3.1亿元。主要用于省属福利机构建设。",
			"items: 省属福利机构建设=31000/fixed; totals: ; unread: "},
		{"a city's fund, traditional script",
			"二、市級福彩公益金80萬元。用於社區居家養老服務中心運營。",
			"items: 社區居家養老服務中心運營=80/fixed; totals: ; unread: "},
	})
}
