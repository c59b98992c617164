#!/usr/bin/env python3
"""Shows that each check of pdfua_check.py can fail: plants one defect at a time into GOOD.pdf
(a tagged file with a figure, a table, a link and headings) with pikepdf, saves it, reopens it
and checks it. Prints what is wrong (a defect the checker misses, or one it blames on another
code); prints nothing when every defect is caught under its own code.

  pdfua_planted.py GOOD.pdf WORKDIR
"""
import os
import sys

import pikepdf
from pikepdf import Name

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfua_check import check  # noqa: E402

good, work = sys.argv[1], sys.argv[2]


def elements(pdf):
    out = []

    def walk(e):
        if isinstance(e, pikepdf.Dictionary) and "/S" in e:
            out.append(e)
            k = e.get("/K")
            for c in (k if isinstance(k, pikepdf.Array) else [k]):
                walk(c)

    k = pdf.Root.StructTreeRoot.K
    for e in (k if isinstance(k, pikepdf.Array) else [k]):
        walk(e)
    return out


def first(pdf, role):
    return next(e for e in elements(pdf) if e.S == Name("/" + role))


def annots(pdf):
    return [a for p in pdf.pages for a in p.obj.get("/Annots", [])]


def untagged(pdf):
    pdf.pages[0].contents_add(pdf.make_stream(b"q 0 0 m 100 100 l S Q"), prepend=False)


def figure_alt(pdf):
    del first(pdf, "Figure").Alt


def lang(pdf):
    del pdf.Root.Lang


def display_title(pdf):
    pdf.Root.ViewerPreferences.DisplayDocTitle = False


def tabs(pdf):
    del pdf.pages[-1].obj.Tabs


def headings(pdf):
    # The first H1 after which a heading follows becomes H3: a skipped level.
    first(pdf, "H1").S = Name.H3


def table_th(pdf):
    for e in elements(pdf):
        if e.S == Name.TH:
            e.S = Name.TD


def annot_contents(pdf):
    del annots(pdf)[0].Contents


def annot_struct_parent(pdf):
    del annots(pdf)[0].StructParent


def parent_tree(pdf):
    # Page 1's first two MCIDs point to each other's elements.
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    arr = nums[1]
    i = next(j for j in range(1, len(arr)) if arr[j].objgen != arr[0].objgen)
    a, b = arr[0], arr[i]
    arr[0], arr[i] = b, a


def claim(pdf):
    del pdf.Root.MarkInfo


plants = [("untagged", untagged), ("figure-alt", figure_alt), ("lang", lang), ("display-title", display_title),
          ("tabs", tabs), ("headings", headings), ("table-th", table_th), ("annot", annot_contents),
          ("annot", annot_struct_parent), ("parent-tree", parent_tree), ("claim", claim)]

with pikepdf.open(good) as pdf:
    base = check(pdf)
if base:
    print(f"{good} is not clean to start with: {base}")
for code, plant in plants:
    path = os.path.join(work, f"planted-{plant.__name__}.pdf")
    with pikepdf.open(good) as pdf:
        plant(pdf)
        pdf.save(path)
    with pikepdf.open(path) as pdf:
        found = check(pdf)
    codes = {c for c, _ in found}
    if code not in codes:
        print(f"{plant.__name__}: not caught as {code} (found: {found})")
    elif codes - {code}:
        print(f"{plant.__name__}: caught, but also as {sorted(codes - {code})}: {found}")
