package reports

// terms are the Chinese and English words the reports print for the codes
// of amount kinds, phases, levels and bases.
var terms = map[int]map[string]string{
	kAmountKind: {"cap": "最高资助 cap", "actuals": "按实结算 actual cost", "fixed": "定额 fixed",
		"derived": "共享金额 shared", "approx": "约数 approximate", "unknown": "未列 unknown"},
	kPhase: {"budgeted": "预算 budgeted", "approved": "批复 approved", "contracted": "中标 contracted",
		"paid": "拨付 paid", "unknown": "未明 unknown"},
	kLevel: {"national": "全国 national", "province": "省级 province", "city": "市级 city",
		"district": "区级 district", "county": "县级 county", "street": "街道 street"},
	kBasis: {"firm": "定额类 firm", "cap": "最高资助 caps", "actuals": "按实结算 actual cost"},
}

// termText prints code v of a term column kind; an unknown code prints as it is.
func termText(kind int, v string) string {
	if t, ok := terms[kind][v]; ok {
		return t
	}
	if kind == kAmountKind {
		return terms[kAmountKind]["unknown"]
	}
	return v
}

// termsForPage gives the page's script the same words, by term kind.
func termsForPage() map[string]any {
	return map[string]any{"kind": terms[kAmountKind], "phase": terms[kPhase], "level": terms[kLevel], "basis": terms[kBasis]}
}
