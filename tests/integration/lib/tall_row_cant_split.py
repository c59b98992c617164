#!/usr/bin/env python3
"""Exits 0 when exactly one table row may break across pages (has no w:cantSplit), the one
holding sentences (1) to (62).

  tall_row_cant_split.py DOCUMENT_XML
"""
import re, sys
rows = re.findall(r"<w:tr\b.*?</w:tr>", open(sys.argv[1], encoding="utf-8").read(), re.S)
free = [i for i, r in enumerate(rows) if "<w:cantSplit" not in r]
texts = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", rows[i])) for i in free]
if len(free) != 1 or "(1)" not in texts[0] or "(62)" not in texts[0]:
    print(f"{len(rows)} rows; may break: {free}")
    sys.exit(1)
