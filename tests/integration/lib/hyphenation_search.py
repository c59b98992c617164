#!/usr/bin/env python3
"""Checks the hyphenation brief: every oracle word is found whole in pdftotext's text once a
soft hyphen at a line end joins its halves (as a viewer's search does), every break the layout
chose is one the oracle allows, and at least 10 line ends are hyphenated. Prints the problems
and exits 1 if there is any.

  hyphenation_search.py ORACLE_TSV PDF_TXT DUMP
"""
import re, sys
oracle = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        w, h = line.rstrip("\n").split("\t")[:2]
        oracle[w] = h
raw = open(sys.argv[2], encoding="utf-8").read()
soft = raw.count("\u00ad\n")
# What a viewer's search does: a soft hyphen at a line end joins the two halves.
text = raw.replace("\u00ad\n", "")
bad = 0
for w in oracle:
    if not re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text):
        print(f"not found whole: {w}"); bad += 1
# Every break the layout chose is one the oracle allows.
dump = open(sys.argv[3], encoding="utf-8").read()
prefixes = {}
for w, h in oracle.items():
    parts = h.split("-")
    for i in range(1, len(parts)):
        prefixes.setdefault(w[:len("".join(parts[:i]))], set()).add(w)
breaks = re.findall(r'"([^"]*)" \[hyphen\]', dump)
for b in breaks:
    last = b.split(" ")[-1]
    # Other text (labels, the title) may break too; judge the oracle's words.
    if any(w.startswith(last) for w in oracle) and last not in prefixes:
        print(f"a break the oracle does not allow: {last}-"); bad += 1
if len(breaks) < 10 or soft < 10:
    print(f"only {len(breaks)} hyphenated line ends ({soft} soft hyphens extracted): the test proves little"); bad += 1
print(f"{len(oracle)} words, {len(breaks)} hyphenated line ends", file=sys.stderr)
sys.exit(1 if bad else 0)
