package reports

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser; .ci/run and `make test` install Debian's package.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no chromium on PATH: run scripts/test-deps.sh (apt-get install chromium fonts-noto-cjk)")
	return ""
}

// artifacts is test-artifacts/ at the repository root.
func artifacts(t *testing.T) string {
	dir, _ := filepath.Abs(".")
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		dir = filepath.Dir(dir)
	}
	out := filepath.Join(dir, "test-artifacts")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

type chartPaint struct {
	ID      string  `json:"id"`
	Canvas  bool    `json:"canvas"`
	Painted float64 `json:"painted"` // share of pixels that are not blank
}

// The HTML report as a person sees it: opened from disk in headless Chromium,
// no console errors, no network request, every chart drawn, hostile names shown
// as text; a screenshot is kept in test-artifacts/report.png.
func TestReportInBrowser(t *testing.T) {
	dir := t.TempDir()
	htmlPath, _ := writeReports(t, loadedDB(t, true), dir)
	url := "file://" + htmlPath

	ctx, watch := newBrowser(t, url)

	var paints []chartPaint
	var text string
	var shot []byte
	err := chromedp.Run(ctx,
		network.Enable(), runtime.Enable(), log.Enable(), page.Enable(),
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('[data-chart]')).map(function (div) {
			var c = div.querySelector('canvas');
			if (!c) return {id: div.id, canvas: false, painted: 0};
			var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
			for (var i = 0; i < d.length; i += 4) {
				if (d[i+3] > 0 && !(d[i] > 250 && d[i+1] > 250 && d[i+2] > 250)) n++;
			}
			return {id: div.id, canvas: true, painted: n / (c.width * c.height)};
		})`, &paints),
		chromedp.Evaluate(`document.body.innerText`, &text),
		chromedp.FullScreenshot(&shot, 100), // quality 100: PNG,
	)
	if err != nil {
		t.Fatal(err)
	}
	shotPath := filepath.Join(artifacts(t), "report.png")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shotPath)
	watch.check(t)
	nCharts := 0
	for _, s := range pageSections() {
		if s.Chart != "" || (s.page != nil && s.page.Height > 0) {
			nCharts++
		}
	}
	if len(paints) != nCharts || nCharts < 8 {
		t.Errorf("%d chart containers, want %d", len(paints), nCharts)
	}
	for _, p := range paints {
		if !p.Canvas || p.Painted < 0.01 {
			t.Errorf("chart %s is blank (canvas %v, %.2f%% painted)", p.ID, p.Canvas, 100*p.Painted)
		}
	}
	for _, want := range []string{"<script>alert(1)</script>", "资金总额", "ok 106/106", "1257.077", "另有最高资助 caps 949 万元", "舟山市普陀区", "杭州市"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
}

// pageWatch collects what a page did that it should not: network requests,
// console errors and warnings, exceptions, dialogs.
type pageWatch struct {
	mu                 sync.Mutex
	requests, problems []string
}

func (w *pageWatch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.requests) > 0 {
		t.Errorf("the page made network requests: %v", w.requests)
	}
	if len(w.problems) > 0 {
		t.Errorf("console errors, exceptions or dialogs: %v", w.problems)
	}
}

// newBrowser starts headless Chromium with a private profile and watches the page at url.
func newBrowser(t *testing.T, url string) (context.Context, *pageWatch) {
	t.Helper()
	// The profile lives outside the test's TempDir: Chromium's helper
	// processes can still write to it for a moment after the browser is
	// stopped, which made TempDir's cleanup fail a passing test. It is
	// removed after the browser (cleanups run last registered first).
	profile, err := os.MkdirTemp("", "fundscope-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 50 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1400, 1000),
		chromedp.UserDataDir(profile),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)

	w := &pageWatch{}
	chromedp.ListenTarget(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u := e.Request.URL; u != url && !strings.HasPrefix(u, url+"#") && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, "data:") {
				w.requests = append(w.requests, e.Request.URL)
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning {
				w.problems = append(w.problems, fmt.Sprintf("console.%s %v", e.Type, e.Args))
			}
		case *runtime.EventExceptionThrown:
			w.problems = append(w.problems, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.LevelError {
				w.problems = append(w.problems, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			w.problems = append(w.problems, "a dialog opened: "+e.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(true))
		}
	})

	return ctx, w
}
