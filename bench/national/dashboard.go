package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
)

// dashboardStages opens the HTML report in headless Chromium, as a reader
// would, and times it: from navigation to every chart drawn (the page sets
// data-charts-ready when it has drawn them), and a filter change (a place
// chosen: every chart, table and figure redrawn). The page's size is the
// note: the target is one offline file of at most 10 MB drawn in at most 3 s.
func dashboardStages(htmlPath string) ([]stage, error) {
	st, err := os.Stat(htmlPath)
	if err != nil {
		return nil, err
	}
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		return nil, fmt.Errorf("no chromium on PATH (apt-get install chromium)")
	}
	profile, err := os.MkdirTemp("", "fundscope-bench-chromium")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(1400, 1000), chromedp.UserDataDir(profile))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	if err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil { // the browser is up: not part of the page's time
		return nil, err
	}
	url := "file://" + filepath.ToSlash(htmlPath)
	var painted string
	var filterMs, allDrawn float64
	if err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-painted-ms]`, chromedp.ByQuery),
		chromedp.AttributeValue(`body`, "data-painted-ms", &painted, nil, chromedp.ByQuery),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.fundscopeTimings.allDrawn`, &allDrawn),
		chromedp.Evaluate(`(function () {
			var s = document.querySelector('select[data-filter="place"]');
			s.value = s.options[1].value;
			window.benchFilterStart = performance.now();
			s.dispatchEvent(new Event("change"));
			return 0;
		})()`, &filterMs),
		chromedp.WaitVisible(`body[data-charts-ready]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.fundscopeTimings.allDrawn - window.benchFilterStart`, &filterMs),
	); err != nil {
		return nil, err
	}
	ms, err := strconv.ParseFloat(painted, 64)
	if err != nil {
		return nil, fmt.Errorf("the page's data-painted-ms is %q", painted)
	}
	size := float64(st.Size()) / (1 << 20)
	return []stage{
		{name: "dashboard: open → first screen painted", seconds: ms / 1000,
			note: fmt.Sprintf("headless Chromium, %.1f MB page (target ≤ 10 MB, ≤ 3 s): from navigation to the first frame painted, figures and the charts in view drawn (performance.now())", size)},
		{name: "dashboard: open → every chart drawn", seconds: allDrawn / 1000, note: "the charts below the first screen are drawn one by one after it"},
		{name: "dashboard: choose a place → redrawn", seconds: filterMs / 1000, note: "until every chart, table and figure is recomputed from the embedded data and drawn"},
	}, nil
}
