package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// uscc_ok checks a 统一社会信用代码 by its check character (GB 32100-2015);
// uscc_kind types it by its first characters. The valid codes were made
// for this test (their check characters computed), not copied from a notice.
func TestCreditCodeCheckCharacter(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "u.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cases := []struct {
		code string
		ok   bool
		kind string
	}{
		{"51350100MJ0001200U", true, "社会团体 social group"},
		{"52350102MJ0003400F", true, "民办非企业单位 private non-enterprise unit"},
		{"531100005000000005", true, "基金会 foundation"},
		{"91350100MA3456700B", true, "企业 business"},
		{"51350100MJ0001200V", false, ""}, // one character off: the check fails
		{"52350102MJ0004300F", false, ""}, // two characters swapped
		{"5135010XMJ0001200U", false, ""}, // a letter where the division code has digits
		{"51350100MJ0001200", false, ""},  // 17 characters
		{"51350100MJ0001200I", false, ""}, // I is not in the alphabet
	}
	for _, c := range cases {
		var ok bool
		var kind sql.NullString
		if err := db.QueryRow(`SELECT uscc_ok(?), uscc_kind(?)`, c.code, c.code).Scan(&ok, &kind); err != nil {
			t.Fatal(err)
		}
		if ok != c.ok || kind.String != c.kind {
			t.Errorf("%s: ok %v kind %q, want %v %q", c.code, ok, kind.String, c.ok, c.kind)
		}
	}
}
