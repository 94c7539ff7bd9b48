# The load benchmark (issue 7): Pressroom next to the plain way of storing the
# same articles (pgx INSERT and SELECT), in one run, on one private durable
# PostgreSQL, over loopback only. Included by the Makefile.
#
#   make bench         20 s per phase, about 5 minutes in all
#   make bench-quick   4 s per phase, about a minute and a half
#   make bench BENCH_FLAGS='-concurrency 64 -pool 16'
#   make bench BENCH_FLAGS='-pprof /tmp/pprof'   + the server's Go CPU profile
#       of each Pressroom phase and its heap profile at the phase's end (its
#       profiler on PRESSROOM_DEBUG_ADDR);
#       go tool pprof -top /tmp/pprof/post-search-current.pprof
#
# The last line of the output is the summary:
#   ingest_vs_insert=… get_vs_select=… batch_rows_per_s=… p99_ms_half_load=… rss_mib=…
#   ingest_search_vs_insert=… cpu_ms_per_article=… batch_search_rows_per_s=…
# (the last three from the phases that keep search current, on a server
# started with PRESSROOM_SEARCH_INLINE=true, the default; CPU is server +
# PostgreSQL). The other POST phases, GET and the batch phase that gives
# batch_rows_per_s run on a server with search deferred.

LOADTEST := bin/loadtest
BENCH_FLAGS ?=

.PHONY: bench bench-quick loadtest

loadtest:
	$(GO) build -trimpath -o $(LOADTEST) ./cmd/loadtest

bench: deps-run build loadtest
	./$(LOADTEST) -server $(BIN) $(BENCH_FLAGS)

bench-quick: deps-run build loadtest
	./$(LOADTEST) -quick -server $(BIN) $(BENCH_FLAGS)
