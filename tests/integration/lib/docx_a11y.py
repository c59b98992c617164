#!/usr/bin/env python3
"""Checks a DOCX against the rules of Word's Accessibility Checker that a file can show, and
prints one "FAIL: ..." line per problem (nothing when it passes):
  - every drawing (chart, picture) has alternative text in wp:docPr/@descr;
  - every table has w:tblCaption and w:tblDescription, and its first row is a w:tblHeader row
    when the table has a header (the figures' tables);
  - docProps/core.xml has the document title, TITLE;
  - styles.xml's docDefaults carry w:lang LANG;
  - headings (styles with an outline level) go 1, 2, 3 without skipping a level;
  - no empty paragraph is used for spacing (a w:p in the body with no text, drawing, field,
    break or bookmark; empty table cells need one and are allowed).
It also prints "descr: TEXT" for each chart's alternative text, for the caller to check the
language. Each line starts with the file's name and ": ". Several files in one run (Python
starts slowly).

  docx_a11y.py DOCX TITLE LANG [DOCX TITLE LANG]...
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def check(path, title, lang):
    name = path.rsplit("/", 1)[-1]

    def out(msg):
        print(f"{name}: {msg}")

    def fail(msg):
        out("FAIL: " + msg)

    z = zipfile.ZipFile(path)
    doc = ET.fromstring(z.read("word/document.xml"))
    styles = ET.fromstring(z.read("word/styles.xml"))
    core = ET.fromstring(z.read("docProps/core.xml"))




    for inline in doc.iter(WP + "inline"):
        pr = inline.find(WP + "docPr")
        descr = pr.get("descr", "") if pr is not None else ""
        if not descr.strip():
            fail(f"drawing {pr.get('name') if pr is not None else '?'} has no alternative text (wp:docPr/@descr)")
        elif inline.find(f".//{C}chart") is not None:
            out("descr: " + descr)

    for n, tbl in enumerate(doc.iter(W + "tbl"), 1):
        pr = tbl.find(W + "tblPr")
        for tag in ("tblCaption", "tblDescription"):
            e = pr.find(W + tag) if pr is not None else None
            if e is None or not e.get(W + "val", "").strip():
                fail(f"table {n} has no w:{tag}")
        look = pr.find(W + "tblLook") if pr is not None else None
        if look is not None and look.get(W + "firstRow") == "1":
            first = tbl.find(W + "tr")
            if first is None or first.find(f"{W}trPr/{W}tblHeader") is None:
                fail(f"table {n} shows a header row that is not marked w:tblHeader")

    t = core.find(DC + "title")
    if t is None or t.text != title:
        fail(f"docProps/core.xml title is {t.text if t is not None else None!r}, expected {title!r}")

    dl = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if dl is None or dl.get(W + "val") != lang:
        fail(f"docDefaults w:lang is {dl.get(W + 'val') if dl is not None else None!r}, expected {lang!r}")

    outline = {}
    for st in styles.iter(W + "style"):
        lvl = st.find(f"{W}pPr/{W}outlineLvl")
        if lvl is not None:
            outline[st.get(W + "styleId")] = int(lvl.get(W + "val")) + 1
    levels = []
    for p in doc.iter(W + "p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        if ps is not None and ps.get(W + "val") in outline:
            levels.append(outline[ps.get(W + "val")])
    if not levels:
        fail("no headings found")
    prev = 0
    for lv in levels:
        if lv > prev + 1:
            fail(f"heading levels skip from {prev} to {lv} (levels in order: {levels})")
            break
        prev = lv

    content = {W + n for n in ("t", "drawing", "fldChar", "instrText", "br", "tab", "sym")}
    body = doc.find(W + "body")
    for n, p in enumerate(body.iter(W + "p"), 1):
        if any(e.tag in content for e in p.iter()):
            continue
        parent_tc = any(p in list(tc) for tc in body.iter(W + "tc"))
        if not parent_tc:
            fail(f"paragraph {n} is empty (spacing belongs in w:spacing)")


args = sys.argv[1:]
for i in range(0, len(args) - 2, 3):
    check(*args[i:i + 3])
