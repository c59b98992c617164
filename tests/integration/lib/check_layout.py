#!/usr/bin/env python3
"""Checks a layout dump (briefmake --dump-layout) the way a careful typesetter would look at
the pages. Prints one line per problem and exits 1 if there is any.

  check_layout.py DUMP [--min-pages N] [--table] [--bottom Y]

- no line wider than its measure;
- a heading never ends a page: its bookmark's page also holds at least two lines of the text
  that follows it;
- no widow or orphan: a paragraph split across pages leaves at least two lines on each side
  (body and list paragraphs; a table cell splits only inside a row taller than a page);
- with --table: the table's header row (its first row) starts every page the table spans;
- with --bottom: no line's baseline lies below Y (the bottom margin, in points from the top).
"""
import re
import sys

NUM = r"-?[0-9.]+"
args = sys.argv[1:]
dump = args[0]
min_pages = int(args[args.index("--min-pages") + 1]) if "--min-pages" in args else 1
want_table = "--table" in args
margin_bottom = float(args[args.index("--bottom") + 1]) if "--bottom" in args else None

pages = {}        # page -> {"lines": [...], "texts": [(y, x, text)]}
bookmarks = []    # (page, y, title)
for raw in open(dump, encoding="utf-8"):
    m = re.match(r"page (\d+) (\w+) (.*)", raw.rstrip("\n"))
    if m:
        p, kind, rest = int(m.group(1)), m.group(2), m.group(3)
        page = pages.setdefault(p, {"lines": [], "texts": []})
        if kind == "line":
            f = dict(re.findall(r"(\w+)=(\S+)", rest))
            page["lines"].append({"y": float(f["y"]), "w": float(f["w"]), "measure": float(f["measure"]),
                                  "style": f["style"], "last": "[last]" in rest})
        elif kind == "text":
            t = re.match(rf"x=({NUM}) y=({NUM}) .*? \"(.*)\"", rest)
            page["texts"].append((float(t.group(2)), float(t.group(1)), t.group(3)))
        continue
    m = re.match(rf"bookmark level=\d+ page=(\d+) y=({NUM}) \"(.*)\"", raw.rstrip("\n"))
    if m:
        bookmarks.append((int(m.group(1)), float(m.group(2)), m.group(3)))

problems = []
n_pages = len(pages)
if n_pages < min_pages:
    problems.append(f"only {n_pages} pages, expected at least {min_pages}")

# 1. Measures.
n_lines = 0
for p, page in sorted(pages.items()):
    for ln in page["lines"]:
        n_lines += 1
        if ln["w"] > ln["measure"] + 0.01:
            problems.append(f"page {p}: a {ln['style']} line at y={ln['y']} is {ln['w']} pt wide, "
                            f"its measure {ln['measure']} pt")
if n_lines == 0:
    problems.append("the dump has no lines")

# 2. Headings keep with what follows (two lines, or all there is when the document ends sooner).
for p, y, title in bookmarks:
    after = [ln for ln in pages[p]["lines"] if ln["y"] > y and not ln["style"].startswith("heading")]
    rest = len(after) + sum(len(pages[q]["lines"]) for q in pages if q > p)
    if len(after) < min(2, rest):
        problems.append(f"page {p}: heading \"{title}\" has {len(after)} line(s) of text after it on its page")

# 3. Widows and orphans.
FLOW = ("body", "list")
def flow_lines(p):
    return [ln for ln in pages[p]["lines"] if ln["style"] in FLOW]
for p in sorted(pages):
    lines = flow_lines(p)
    if not lines:
        continue
    bottom = lines[-1]
    if not bottom["last"] and (len(lines) == 1 or lines[-2]["last"]):
        problems.append(f"page {p}: orphan: a paragraph's first line alone at the bottom (y={bottom['y']})")
    if p > 1 and flow_lines(p - 1):
        top, before = lines[0], flow_lines(p - 1)[-1]
        if not before["last"] and top["last"]:
            problems.append(f"page {p}: widow: a paragraph's last line alone at the top (y={top['y']})")

# 4. The table header on every page the table spans.
if want_table:
    def is_table(ln):
        return ln["style"] in ("table", "table-header")
    table_pages = [p for p in sorted(pages) if any(is_table(ln) for ln in pages[p]["lines"])]
    if len(table_pages) < 2:
        problems.append(f"the table spans {len(table_pages)} page(s); expected a split table")
    else:
        def first_row(p):
            first = next(ln for ln in pages[p]["lines"] if is_table(ln))
            texts = [t for (ty, _, t) in sorted(pages[p]["texts"], key=lambda t: t[1]) if abs(ty - first["y"]) < 0.01]
            return first["style"], texts
        header = first_row(table_pages[0])
        if header[0] != "table-header" or not header[1]:
            problems.append(f"page {table_pages[0]}: the table has no header row")
        if table_pages != list(range(table_pages[0], table_pages[-1] + 1)):
            problems.append(f"the table's pages are not consecutive: {table_pages}")
        for p in table_pages[1:]:
            if first_row(p) != header:
                problems.append(f"page {p}: the table starts with {first_row(p)}, not its header {header}")

# 5. Nothing runs over the bottom margin.
if margin_bottom is not None:
    for p, page in sorted(pages.items()):
        for ln in page["lines"]:
            if ln["y"] > margin_bottom + 0.01:
                problems.append(f"page {p}: a {ln['style']} line at y={ln['y']} is below the bottom margin "
                                f"({margin_bottom})")

for line in problems:
    print(line)
print(f"{dump}: {n_pages} pages, {n_lines} lines, {len(bookmarks)} headings, {len(problems)} problem(s)",
      file=sys.stderr)
sys.exit(1 if problems else 0)
