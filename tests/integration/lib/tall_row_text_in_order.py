#!/usr/bin/env python3
"""Exits 0 when the split cells' numbered sentences of tall-row-tr, (1)..(62) and (D1)..(D14),
occur each once and in order in the layout dump.

  tall_row_text_in_order.py DUMP
"""
import re, sys
texts = re.findall(r'^page \d+ text .*? "(.*)"$', open(sys.argv[1], encoding="utf-8").read(), re.M)
marks = re.findall(r"\((D?)(\d+)\)", " ".join(texts))
main = [int(n) for d, n in marks if not d]
right = [int(n) for d, n in marks if d]
if main != list(range(1, 63)) or right != list(range(1, 15)):
    print(f"(n): {main}\n(Dn): {right}")
    sys.exit(1)
