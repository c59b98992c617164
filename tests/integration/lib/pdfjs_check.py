#!/usr/bin/env python3
"""Compares what pdf.js reads of a tagged PDF's structure (pdfjs_struct.mjs's JSON: the elements
page.getStructTree() gives on every page) with what poppler reads (pdfinfo -struct-text). Prints
what is wrong; prints nothing when all is well.

  pdfjs_check.py FILE.pdf PDFJS.json FIGURES

  - every page has a tree, and its root element is Document;
  - every role is a standard structure type;
  - the headings, in order, with their levels and text, are poppler's;
  - there are FIGURES Figure elements, each with a non-empty /Alt, each right after its Caption;
  - every Table has a TH in its first row (on the page where it starts).
"""
import json
import re
import subprocess
import sys

pdf, js, figures = sys.argv[1], sys.argv[2], int(sys.argv[3])
nodes = json.load(open(js, encoding="utf-8"))
problems = []

STANDARD = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
            "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
            "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link",
            "Annot", "Ruby", "Warichu", "Figure", "Formula", "Form", "Aside"}


def norm(t):
    return re.sub(r"\s+", " ", t.replace("\u00ad", "")).strip()


pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                                                           check=True).stdout).group(1))
for p in range(1, pages + 1):
    on = [n for n in nodes if n["page"] == p]
    if not on:
        problems.append(f"page {p}: pdf.js finds no structure tree")
    elif on[0]["role"] != "Document":
        problems.append(f"page {p}: the tree's root is {on[0]['role']}, not Document")
bad_roles = sorted({n["role"] for n in nodes} - STANDARD)
if bad_roles:
    problems.append(f"roles that are not standard structure types: {bad_roles}")

# Headings: pdf.js against poppler.
poppler = []
lines = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True, check=True).stdout
cur = None
for line in lines.splitlines():
    m = re.match(r"^\s*(H[1-6])(?: \(block\))?:?$", line)
    if m:
        cur = [m.group(1), ""]
        poppler.append(cur)
        continue
    m = re.match(r'^\s*"(.*)"$', line)
    if m and cur is not None:
        cur[1] += m.group(1)
    else:
        cur = None
poppler = [(r, norm(t)) for r, t in poppler]
pdfjs = [(n["role"], norm(n["text"])) for n in nodes if re.fullmatch(r"H[1-6]", n["role"])]
if not poppler:
    problems.append("poppler finds no headings")
if pdfjs != poppler:
    problems.append(f"headings differ: pdf.js {pdfjs[:8]} ... poppler {poppler[:8]} ...")

# Figures.
figs = [i for i, n in enumerate(nodes) if n["role"] == "Figure"]
if len(figs) != figures:
    problems.append(f"{len(figs)} Figure elements, expected {figures}")
for i in figs:
    n = nodes[i]
    if not (n["alt"] or "").strip():
        problems.append(f"page {n['page']}: a Figure without alt text")
    if i == 0 or nodes[i - 1]["role"] != "Caption" or nodes[i - 1]["depth"] != n["depth"]:
        problems.append(f"page {n['page']}: a Figure not right after its Caption")

# Tables: the first row's cells. pdf.js gives each page the part of the tree its content is in:
# a table continued from the page before (the page's first block, after a Table ending that
# page) shows only its body rows there, its header rows being artifacts.
def top(p):
    return [n for n in nodes if n["page"] == p and n["depth"] == 2]


for i, n in enumerate(nodes):
    if n["role"] != "Table":
        continue
    before, here = top(n["page"] - 1), top(n["page"])
    if before and here and here[0] is n and before[-1]["role"] == "Table":
        continue
    j = next((k for k in range(i + 1, len(nodes)) if nodes[k]["role"] == "TR" or nodes[k]["depth"] <= n["depth"]),
             None)
    if j is None or nodes[j]["role"] != "TR":
        problems.append(f"page {n['page']}: a Table without rows")
        continue
    cells = []
    for k in range(j + 1, len(nodes)):
        if nodes[k]["depth"] <= nodes[j]["depth"]:
            break
        if nodes[k]["depth"] == nodes[j]["depth"] + 1:
            cells.append(nodes[k]["role"])
    if "TH" not in cells:
        problems.append(f"page {n['page']}: a Table whose first row has no TH: {cells}")

for p in problems:
    print(f"{pdf}: {p}")
