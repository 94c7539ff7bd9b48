#!/usr/bin/env python3
"""desc-text-lines.py BIN: where the labelled trafcmp descriptions sit in the text dumps.

For each development page with a labelled description, find the first line of its text dump that
states it (unigram F1 >= 0.8, the scorer's test, or the description's words, its last perhaps cut,
opening the line) and place that line against BIN's own extraction of the dump: above the headline,
the headline, between the headline and the body (where a dek may be taken), the first body
paragraph (which the issue forbids repeating), a later one, or elsewhere; "absent" when no line
states it. Prints the count per place and how many BIN's description matches.
"""
import collections
import json
import os
import re
import subprocess
import sys

bin_path = sys.argv[1] if len(sys.argv) > 1 else "./bin/pressroom"
base = os.path.join(os.environ.get("EVAL_DIR", "../shared/eval"), "corpora", "trafcmp")
TOKEN = re.compile(r"\w+", re.UNICODE)


def toks(s):
    return [w.casefold() for w in TOKEN.findall(s or "")]


def f1(a, b):
    a, b = toks(a), toks(b)
    common = sum((collections.Counter(a) & collections.Counter(b)).values()) if a and b else 0
    return 0 if not common else 2 * common / (len(a) + len(b))


def dump(rec):
    with open(os.path.join(base, "dumps", rec["id"] + ".txt"), encoding="utf-8", errors="replace") as f:
        return f.read()


dev = set(open(os.path.join(base, "split-dev.txt")).read().split())
recs = [json.loads(l) for l in open(os.path.join(base, "truth.jsonl"))]
recs = [r for r in recs if r["id"] in dev and r.get("description")]
lines_in = "".join(json.dumps({"id": r["id"], "url": r.get("url"), "input": dump(r)}, ensure_ascii=False) + "\n" for r in recs)
out = subprocess.run([bin_path, "extract", "--batch"], input=lines_in, capture_output=True, text=True, check=True)
counts = collections.Counter()
for rec, line in zip(recs, out.stdout.splitlines()):
    pred = json.loads(line)
    lines = [l.strip() for l in dump(rec).splitlines() if l.strip()]
    truth, tt = rec["description"], toks(rec["description"])
    hit = next((i for i, l in enumerate(lines) if f1(truth, l) >= 0.8), None)
    if hit is None and len(tt) >= 3:
        hit = next((i for i, l in enumerate(lines) if toks(l)[:len(tt) - 1] == tt[:-1]), None)
    title, paras = pred.get("title") or "", pred.get("paragraphs") or []
    ti = next((i for i, l in enumerate(lines) if title and f1(title, l) >= 0.9), None)
    fi = next((i for i, l in enumerate(lines) if paras and f1(paras[0], l) >= 0.9), None)
    if hit is None:
        place = "absent"
    elif hit == ti:
        place = "headline"
    elif hit == fi:
        place = "first body paragraph"
    elif ti is not None and hit < ti:
        place = "above the headline"
    elif ti is not None and fi is not None and ti < hit < fi:
        place = "between headline and body"
    elif fi is not None and hit > fi and any(f1(p, lines[hit]) >= 0.9 for p in paras):
        place = "a later body paragraph"
    else:
        place = "elsewhere"
    counts[place, f1(truth, pred.get("description") or "") >= 0.8] += 1
print("%-28s %5s %8s" % ("place", "pages", "matched"))
for place in sorted({p for p, _ in counts}, key=lambda p: -(counts[p, True] + counts[p, False])):
    print("%-28s %5d %8d" % (place, counts[place, True] + counts[place, False], counts[place, True]))
print("%-28s %5d %8d" % ("all", sum(counts.values()), sum(n for (_, m), n in counts.items() if m)))
