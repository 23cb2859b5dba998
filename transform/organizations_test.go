package transform

import (
	"context"
	"database/sql"
	"testing"

	"fundscope/data"
)

// Two names printed with one valid credit code are one organization, typed
// by the code's first characters; a code whose check character is wrong joins
// nothing and says why. The codes are invented, their check characters computed.
func TestCreditCodesJoinOnlyWhenTheirCheckCharacterIsRight(t *testing.T) {
	db := loaded(t)
	ctx := context.Background()
	var catalog string
	if err := db.QueryRow(`SELECT catalog_id FROM catalog ORDER BY catalog_id LIMIT 1`).Scan(&catalog); err != nil {
		t.Fatal(err)
	}
	for i, r := range [][2]string{
		{"甲市乐龄社会工作服务中心", "52350102MJ0003400F"},
		{"甲市樂齡社會工作服務中心（分部）", "52350102MJ0003400F"},
		{"乙县助老协会", "51350100MJ0001200V"}, // one character off
		{"丙县助老协会", "51350100MJ0001200V"},
	} {
		if _, err := db.ExecContext(ctx, `INSERT INTO line_item (item_id, catalog_id, name, amount_yuan, amount_kind, line_start, line_end, organization, organization_code)
			VALUES (?, ?, ?, 10000, 'fixed', 1, 1, ?, ?)`, catalog+"#uscc"+string(rune('a'+i)), catalog, "测试项目", r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := Run(ctx, db, data.FS); err != nil {
		t.Fatal(err)
	}
	var keys int
	var kind sql.NullString
	if err := db.QueryRow(`SELECT count(DISTINCT org_key), any_value(org_kind) FROM organization WHERE credit_code = '52350102MJ0003400F'`).Scan(&keys, &kind); err != nil {
		t.Fatal(err)
	}
	if keys != 1 || kind.String != "民办非企业单位 private non-enterprise unit" {
		t.Errorf("the valid code gives %d organizations of kind %q, want one 民办非企业单位", keys, kind.String)
	}
	var names int
	if err := db.QueryRow(`SELECT count(*) FROM organization WHERE list_contains(printed_names, '甲市乐龄社会工作服务中心') AND list_contains(printed_names, '甲市樂齡社會工作服務中心（分部）')`).Scan(&names); err != nil {
		t.Fatal(err)
	}
	if names != 1 {
		t.Errorf("the two names printed with one code are not one organization")
	}
	var joined, problems int
	db.QueryRow(`SELECT count(DISTINCT org_key) FROM organization_name WHERE printed_name IN ('乙县助老协会', '丙县助老协会')`).Scan(&joined)
	db.QueryRow(`SELECT count(*) FROM organization_name WHERE code_problem IS NOT NULL AND code_printed = '51350100MJ0001200V' AND credit_code IS NULL`).Scan(&problems)
	if joined != 2 || problems != 2 {
		t.Errorf("a code with a wrong check character: %d organizations (want 2, not joined), %d problems (want 2)", joined, problems)
	}
	var clean sql.NullString
	db.QueryRow(`SELECT organization_code FROM clean_line_item WHERE organization = '乙县助老协会'`).Scan(&clean)
	if clean.Valid {
		t.Errorf("the clean dataset carries the invalid code %q", clean.String)
	}
}
