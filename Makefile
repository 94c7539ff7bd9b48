# Pressroom. The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := bin/pressroom
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test vet vet-cross staticcheck test-go deps-run deps-test eval eval-text eval-html train clean

all: build

build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/server

## run: build and serve on 127.0.0.1:8080 (metrics on :9090) with a private
## PostgreSQL kept in .pgdata (or DATABASE_URL when set).
run: deps-run build
	./$(BIN) serve

## test: everything CI runs. Every fuzz target's seed corpus (testdata/fuzz and
## f.Add seeds) runs as ordinary tests in test-go; fuzzing itself, whose
## instrumented builds cost a newcomer's cold cache ~10 minutes, is `make fuzz`
## (or the quicker `make fuzz-short`). In CI (CI set, as .ci/run's runner
## sets it) it also builds for macOS and Windows (vet-cross), which compiles
## every dependency twice more: minutes a newcomer's first run need not pay.
test: deps-test vet staticcheck test-go $(if $(CI),vet-cross)

# The race detector needs every package compiled with -race. vet and
# staticcheck read the same compiled export data as the race-enabled tests
# when they are given -race too, so a cold build compiles the module and
# its dependencies once instead of twice (a newcomer's first `make test`:
# ~7.5 minutes instead of ~11 on 2 cores).
RACE := -race

deps-run:
	@scripts/deps.sh postgres

deps-test:
	@scripts/deps.sh postgres promtool

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	@# Build outputs committed by mistake (it happened: bin/pressroom, loadtest): no tracked file over 1 MiB.
	@big="$$(git ls-files -z | xargs -0 -r stat -c '%s %n' 2>/dev/null | awk '$$1 > 1048576 { print $$2 }')"; \
		test -z "$$big" || { echo "tracked files over 1 MiB (build outputs?):"; echo "$$big"; exit 1; }
	$(GO) vet $(RACE) ./...

## vet-cross: most Go developers are on a Mac; on Windows every command builds
## (the server runs there against DATABASE_URL, without the private PostgreSQL).
vet-cross:
	GOOS=darwin $(GO) vet ./...
	GOOS=windows $(GO) build -o /dev/null ./...

# staticcheck is built once as a plain binary, then run with -race in
# GOFLAGS so that the packages it loads are the race-built ones.
staticcheck:
	@mkdir -p bin
	$(GO) build -o bin/staticcheck honnef.co/go/tools/cmd/staticcheck
	GOFLAGS=$(RACE) bin/staticcheck ./...

test-go:
	$(GO) test $(RACE) -count=1 -timeout 15m ./...

## eval: one table, the three development corpora of ../shared/eval (news,
## readability, trafcmp) x text dump and HTML: body F1 (snippet F for
## trafcmp), title, authors, date, CPU ms per document. eval-text / eval-html:
## the news corpus alone, with the scorer's full report.
eval: build
	@scripts/eval.sh ./$(BIN)
eval-text: build
	python3 ../shared/eval/score.py --input text --batch -- ./$(BIN) extract --batch
eval-html: build
	python3 ../shared/eval/score.py --input html --batch -- ./$(BIN) extract --batch

## train: fit the text front-end's headline weights on the development
## corpora (../shared/eval, read at train time only), print the hand-set vs
## fitted figures with 5-fold site-grouped cross-validation, and rewrite
## internal/extract/text/title_weights_fitted.go. Deterministic; ~30 s.
train:
	$(GO) test -count=1 -run '^TestTrainTitleWeights$$' -v ./internal/extract/text -train-titles=$(abspath ../shared/eval)

clean:
	rm -rf bin

include bench.mk
include reliability.mk
