# Reliability: the fault and hostile-input tests, and fuzzing. Included by
# the Makefile; docs/reliability.md says what each proves and what was
# last measured.

GO ?= go

# FUZZTIME is how long `make fuzz` runs each target; `make fuzz-short`
# runs each for FUZZTIME_SHORT. The short budget is a
# count of executions, not a duration: Go 1.26's fuzz coordinator can fail a
# duration-bounded run with a spurious "context deadline exceeded" when its
# deadline races a busy worker (go.dev/issue/75804, fixed in Go 1.27), and
# CI must not flake on that.
FUZZTIME ?= 30s
FUZZTIME_SHORT ?= 3000x
# Minimising each new input takes up to a minute by default, which for the
# larger HTML seeds stalls a short run on its first find.
FUZZMINIMIZETIME ?= 2s

# package:FuzzName. A target not in the tree yet (FuzzDecodeCursor comes
# with the list endpoint's cursors) is reported and skipped.
FUZZ_TARGETS ?= \
	./internal/extract:FuzzTextExtract \
	./internal/extract/web:FuzzHTMLExtract \
	./internal/extract/datetime:FuzzFindDate \
	./internal/extract/credit:FuzzParseByline \
	./internal/extract/credit:FuzzSplitValues \
	./internal/extract/text:FuzzAllDates \
	./internal/extract/dom:FuzzCollapseSpace \
	./internal/extract/dom:FuzzParse \
	./internal/extract/dom:FuzzJSONLD \
	./internal/api:FuzzDecodeEnvelope \
	./internal/api:FuzzDecodeEnvelopeFast \
	./internal/api:FuzzDecodeDump \
	./internal/api:FuzzBatchLines \
	./internal/api:FuzzEscaper \
	./internal/store:FuzzDecodeCursor \
	./internal/tsvector:FuzzParseInvariants \
	./internal/tsvector:FuzzParse \
	./internal/extract:FuzzExtract \
	./internal/extract/text:FuzzMeasure \
	./internal/extract/page:FuzzPhraseScan \
	./internal/extract/text:FuzzParseDateline \
	./internal/extract/text:FuzzParseSponsor \
	./internal/extract/text:FuzzPublisherIn \
	./internal/store:FuzzParagraphs \
	./cmd/loadtest:FuzzCountStored \
	./cmd/loadtest:FuzzParseServing \
	./internal/extract/credit:FuzzEndsWithDateCueASCII \
	./internal/extract/datetime:FuzzLineFind \
	./internal/extract/text:FuzzSpaceClean \
	./deploy:FuzzSelectors \
	./internal/extract/datetime:FuzzMayOpenOrClose \
	./internal/extract/datetime:FuzzTokenize \
	./internal/extract/dom:FuzzSaysPagePhrase \
	./internal/tsvector:FuzzVectorsMatchReference

.PHONY: test-faults fuzz fuzz-short

## test-faults: only the database-fault, shutdown and hostile-input tests
## (they also run in `make test`), with their measured figures.
test-faults:
	$(GO) test -race -count=1 -v -run 'TestFaults|TestShutdown|TestHostile|TestNewHTTPServer' ./cmd/server

## fuzz: run every fuzz target for FUZZTIME. A crasher is saved under the
## package's testdata/fuzz and then runs with every `go test`: commit it
## with the fix.
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		if ! grep -qs "^func $$name(" $$pkg/*_test.go; then \
			echo "fuzz: $$name is not in $$pkg yet; skipped"; continue; \
		fi; \
		echo "fuzz: $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) $$pkg; \
	done

# fuzz-short runs every target briefly. It is not part of `make test`:
# fuzzing builds every package of a test binary with coverage
# instrumentation, which no other build shares, and with a cold build cache
# that cost ~1.5 min for extract, ~2 min more for store and ~8.5 min more for
# api on a loaded 2-core machine, the larger half of a newcomer's first
# `make test`. The seed corpora still run there, as ordinary tests.
FUZZ_SHORT_TARGETS ?= $(FUZZ_TARGETS)

## fuzz-short: the FUZZ_SHORT_TARGETS for FUZZTIME_SHORT each (under a minute with a warm cache).
fuzz-short:
	@$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) fuzz FUZZTIME=$(FUZZTIME_SHORT) FUZZ_TARGETS='$(FUZZ_SHORT_TARGETS)'

.PHONY: test-hostile

## test-hostile: issue 15's mix of legal but hostile load at the default
## limits (20,000 idle connections, 16 slow 64 MB uploads, 8 gzip bombs, 16
## readers of a 10 MB article with diagnostics and Markdown), asserting the
## server's peak RSS stays under 330 MiB (the issue's ~300 MiB plus 10% for
## noise; 299-320 MiB measured). Not part of `make test`: it needs
## ~1 minute and thousands of file descriptors. No -race: the detector
## multiplies memory, and memory is what is measured.
test-hostile:
	$(GO) test -tags hostileload -count=1 -v -timeout 3m -run 'TestHostileLoad' ./cmd/server
