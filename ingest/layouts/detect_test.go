package layouts

import (
	"strings"
	"testing"
)

func TestDetectFindsEachSeedsLayout(t *testing.T) {
	for _, j := range bundled(t) {
		fits, err := Detect(j.File, j.Raw)
		if err != nil {
			t.Fatal(err)
		}
		if !fits[0].Fits || fits[0].Layout != j.Catalog.Layout {
			t.Errorf("%s: best fit %s (%s), want %s", j.File, fits[0].Layout, fits[0].Evidence, j.Catalog.Layout)
		}
		for _, f := range fits[1:] {
			if f.Fits && f.Items >= fits[0].Items && f.WithAmount >= fits[0].WithAmount {
				t.Errorf("%s: %s fits as well as %s", j.File, f.Layout, fits[0].Layout)
			}
		}
	}
	fits, err := Detect("notes.txt", []byte("会议纪要\n今天讨论了预算。\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fits {
		if f.Fits {
			t.Errorf("a plain note fits %s", f.Layout)
		}
		if !strings.Contains(f.Evidence, "notes.txt") {
			t.Errorf("%s: evidence %q should name the file", f.Layout, f.Evidence)
		}
	}
}
