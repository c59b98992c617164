#!/usr/bin/env python3
"""Checks layout dumps (briefmake --dump-layout, one or several briefs) for pages whose last
text line (the lowest, header and footer aside) is a heading: a heading never ends a page.
Prints the pages checked; prints each offending page and exits 1 if there is any.

  no_heading_at_page_end.py DUMP...
"""
import re, sys

bad = checked = 0
for path in sys.argv[1:]:
    brief = path
    last = {}  # (brief, page) -> (y, style)
    pages = set()
    for line in open(path, encoding="utf-8"):
        m = re.match(r"brief (.*)", line)
        if m:
            brief = m.group(1).strip()
            continue
        m = re.match(r"page (\d+) size ", line)
        if m:
            pages.add((brief, int(m.group(1))))
        m = re.match(r"page (\d+) line x=\S+ y=(\S+) .*style=(\S+)", line)
        if m and not m.group(3).startswith(("header", "footer")):
            key = (brief, int(m.group(1)))
            y = float(m.group(2))
            if key not in last or y > last[key][0]:
                last[key] = (y, m.group(3))
    final = {}
    for b, p in pages:
        final[b] = max(final.get(b, 0), p)
    for (b, p), (y, style) in sorted(last.items()):
        if p == final[b]:
            continue
        checked += 1
        if style.startswith("heading"):
            print(f"{b}: page {p} ends with a heading ({style} at y={y})"); bad += 1
print(f"{checked} page ends checked")
sys.exit(1 if bad else 0)
