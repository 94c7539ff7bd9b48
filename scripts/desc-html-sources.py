#!/usr/bin/env python3
"""desc-html-sources.py BIN [--corpus trafcmp] [--list]: where the labelled descriptions of the HTML
pages come from, and which class each miss of BIN falls in.

For each development page with a labelled description, BIN extracts the HTML (--explain, for the rule
it took its description by); the script reads the descriptions the page states itself (<meta> name or
property ending in "description", JSON-LD "description") and compares the label with each, with BIN's,
with BIN's first body paragraph and with that paragraph's first sentence, by the scorer's test (unigram
F1 >= 0.8). Each miss goes in the first bucket that fits:

  label escaped      the label still holds HTML entities (&#233;): decoded, it is what BIN found
  BIN found nothing  BIN returned no description (an unextractable page)
  other stated       the label is another description the page states, which BIN did not choose
  first line         the label is the first line of a stated description that runs over several lines
  first paragraph    the label is the body's first paragraph; the stated ones say something else
  first sentence     the label is the first sentence of a body paragraph, shorter than what is stated
  nowhere            the label is none of these (a rewritten summary, a site blurb, another version)

Prints the count per bucket (and per rule BIN used); --list prints every miss with the label and BIN's
value.
"""
import argparse
import collections
import html
import html.parser
import json
import os
import re
import subprocess

TOKEN = re.compile(r"\w+", re.UNICODE)
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
SENTENCE_END = re.compile(r"[.!?…](?=\s+\S)")


def toks(s):
    return [w.casefold() for w in TOKEN.findall(s or "")]


def agree(a, b):
    a, b = toks(a), toks(b)
    if not a or not b:
        return False
    common = sum((collections.Counter(a) & collections.Counter(b)).values())
    return common > 0 and 2 * common / (len(a) + len(b)) >= 0.8


class StatedDescriptions(html.parser.HTMLParser):
    """Collects <meta … description> contents and JSON-LD description strings, in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._ld, self._buf = [], False, []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("content"):
            for key in (a.get("name", "") + " " + a.get("property", "") + " " + a.get("itemprop", "")).lower().split():
                if key.endswith("description"):
                    self.found.append((key, a["content"]))
                    break
        elif tag == "script" and "ld+json" in a.get("type", ""):
            self._ld, self._buf = True, []

    def handle_data(self, data):
        if self._ld:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._ld:
            self._ld = False
            try:
                self._walk(json.loads("".join(self._buf)), 0)
            except ValueError:
                pass

    def _walk(self, v, depth):
        if depth > 6:
            return
        if isinstance(v, list):
            for e in v:
                self._walk(e, depth + 1)
        elif isinstance(v, dict):
            if isinstance(v.get("description"), str) and v["description"].strip():
                self.found.append(("jsonld:" + str(v.get("@type", "?")), v["description"]))
            for e in v.values():
                if isinstance(e, (list, dict)):
                    self._walk(e, depth + 1)


def first_sentences(paras):
    for p in paras:
        m = SENTENCE_END.search(p)
        yield p[: m.end()] if m else p


def bucket(label, ours, stated, paras):
    if ENTITY.search(label):
        if agree(html.unescape(label), ours):
            return "label escaped"
        label = html.unescape(label)
    if not ours:
        return "BIN found nothing"
    if any(agree(label, v) for _, v in stated):
        return "other stated"
    if any("\n" in v.strip() and agree(label, v.strip().splitlines()[0]) for _, v in stated):
        return "first line"
    if paras and agree(label, paras[0]):
        return "first paragraph"
    if any(agree(label, s) for s in first_sentences(paras[:3])):
        return "first sentence"
    return "nowhere"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bin")
    ap.add_argument("--corpus", default="trafcmp")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    base = os.path.join(os.environ.get("EVAL_DIR", "../shared/eval"), "corpora", a.corpus)
    dev = set(open(os.path.join(base, "split-dev.txt")).read().split())
    recs = [json.loads(l) for l in open(os.path.join(base, "truth.jsonl"))]
    recs = [r for r in recs if r["id"] in dev and r.get("description")]
    pages = {}
    for r in recs:
        with open(os.path.join(base, "html", r["id"] + ".html"), encoding="utf-8", errors="replace") as f:
            pages[r["id"]] = f.read()
    lines_in = "".join(json.dumps({"id": r["id"], "url": r.get("url"), "input": pages[r["id"]]}) + "\n" for r in recs)
    out = subprocess.run([a.bin, "extract", "--batch", "--explain"], input=lines_in, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    buckets, rules, hits = collections.Counter(), collections.Counter(), 0
    for r, line in zip(recs, out):
        pred = json.loads(line)
        ours = pred.get("description") or ""
        rule = next((f["rule"] for f in (pred.get("diagnostics") or {}).get("fields") or []
                     if f["field"] == "description"), "-")
        if agree(r["description"], ours):
            hits += 1
            continue
        p = StatedDescriptions()
        p.feed(pages[r["id"]])
        stated = [(k, html.unescape(v)) for k, v in p.found]
        b = bucket(r["description"], ours, stated, pred.get("paragraphs") or [])
        buckets[b] += 1
        rules[b, rule] += 1
        if a.list:
            print("== %s  %s  [%s, ours by %s]" % (r["id"], r.get("url"), b, rule))
            print("   label: %s" % r["description"][:200].replace("\n", " "))
            print("   ours:  %s" % ours[:200].replace("\n", " "))
    print("%d pages, %d matched, %d missed" % (len(recs), hits, len(recs) - hits))
    for b, n in buckets.most_common():
        by = ", ".join("%s %d" % (rule, k) for (bb, rule), k in rules.most_common() if bb == b)
        print("  %-18s %3d   (ours by: %s)" % (b, n, by))


if __name__ == "__main__":
    main()
