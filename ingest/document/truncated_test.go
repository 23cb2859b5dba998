package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A PDF cut short and an MHT whose closing boundary never comes are refused
// with the file named, never a hang or a panic.
func TestTruncatedPDFAndMHT(t *testing.T) {
	pdf, err := os.ReadFile(filepath.Join("..", "testdata", "formats", "ningbo-2023-civil-affairs", "ningbo-2023-civil-affairs.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{len(pdf) / 3, 3000} {
		if _, err := Open("cut.pdf", pdf[:n]); err == nil || !strings.Contains(err.Error(), "cut.pdf") {
			t.Errorf("PDF cut at %d bytes: %v", n, err)
		}
	}
	mht := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_Part\"\r\n\r\n------=_Part\r\n" +
		"Content-Type: text/html; charset=\"utf-8\"\r\n\r\n<html><body><table><tr><td>项目名称</td><td>金额（万元）</td></tr><tr><td>助餐</td><td>5</td></tr>"
	if _, err := Open("cut.mht", []byte(mht)); err == nil || !strings.Contains(err.Error(), "cut.mht") {
		t.Errorf("MHT without its closing boundary: %v", err)
	}
}
