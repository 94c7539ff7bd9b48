#!/usr/bin/env bash
# eval.sh BIN: score BIN on the development splits of the three corpora in
# ../shared/eval, text dump and HTML, and print one table: body F1 (snippet F
# for trafcmp), title, authors, date accuracy and the extractor's CPU ms per
# document (median). Each run is one process over the corpus (--batch).
set -euo pipefail
bin=${1:?usage: eval.sh BIN}
eval_dir=${EVAL_DIR:-../shared/eval}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| corpus | input | body F1 / snippet F | title | authors | date | CPU ms/doc (median) |\n'
printf '|---|---|--:|--:|--:|--:|--:|\n'
for corpus in news readability trafcmp; do
	for input in text html; do
		python3 "$eval_dir/score.py" --corpus "$corpus" --input "$input" --batch --bootstrap 0 \
			--out "$out/$corpus-$input.json" -- "$bin" extract --batch >/dev/null
		python3 - "$out/$corpus-$input.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sn = d.get("snippets") or {}
body = sn["f1"] if sn.get("docs") else d["body"]["f1"]
f = lambda k: "–" if (d["fields"].get(k) or {}).get("accuracy") is None else "%.3f" % d["fields"][k]["accuracy"]
print("| %s | %s | %.3f | %s | %s | %s | %.2f |" % (d["corpus"], d["input"], body, f("title"), f("authors"), f("date"),
      d["time"]["cpu_ms_median"]))
PY
	done
done
