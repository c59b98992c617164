#!/usr/bin/env python3
"""A structural checker for tagged PDF over pikepdf: the machine-checkable failure conditions of
the Matterhorn Protocol (PDF/UA-1) that briefmake's files can meet. Prints one line per failure,
"CODE: message", and exits 1 when there is any.

  pdfua_check.py FILE.pdf...

Codes:
  untagged      content drawn neither as marked content with an MCID nor as an /Artifact
                (Matterhorn 01-001/01-002)
  parent-tree   an MCID or link annotation that the ParentTree does not lead back to the element
                holding it, or an element holding an MCID the page does not have (01-xxx, 28-011)
  figure-alt    a Figure without /Alt (13-004)
  lang          no /Lang on the catalog (11-006)
  display-title DisplayDocTitle not true (07-001), or no dc:title in the XMP (06-003)
  tabs          a page without /Tabs /S (28-002; checked on every page)
  headings      headings that skip a level, or a first heading that is not H1 (14-003/14-002)
  table-th      a Table without TH, or whose first row has none (15-xxx)
  annot         an annotation without /Contents (28-004), or without /StructParent or a
                Link element owning it by an OBJR (28-011)
  claim         no pdfuaid:part 1 in the XMP, no /MarkInfo /Marked true or no StructTreeRoot
                (05-001/06-002/01-xxx)
"""
import re
import sys

import pikepdf
from pikepdf import Name

PAINT = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI", "INLINE IMAGE"}


def key(obj):
    return obj.objgen


def check(pdf):
    """Returns [(code, message)] for the open pikepdf.Pdf."""
    out = []
    root = pdf.Root
    pages = list(pdf.pages)
    page_no = {key(p.obj): i for i, p in enumerate(pages)}

    # ---- the claim ----
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return [("claim", "no /StructTreeRoot")]
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        out.append(("claim", "no /MarkInfo /Marked true"))
    xmp = ""
    if "/Metadata" in root:
        xmp = root.Metadata.read_bytes().decode("utf-8", "replace")
    if not re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp):
        out.append(("claim", "no pdfuaid:part 1 in the XMP"))

    # ---- catalog ----
    lang = root.get("/Lang")
    if lang is None or str(lang).strip() == "":
        out.append(("lang", "no /Lang on the catalog"))
    vp = root.get("/ViewerPreferences")
    if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
        out.append(("display-title", "/ViewerPreferences /DisplayDocTitle is not true"))
    if "<dc:title>" not in xmp:
        out.append(("display-title", "no dc:title in the XMP"))
    for i, p in enumerate(pages):
        if p.obj.get("/Tabs") != Name.S:
            out.append(("tabs", f"page {i + 1} has no /Tabs /S"))

    # ---- the tree: elements in order, what each holds ----
    elems = []  # (dict, role, depth)
    held_mcids = {}  # (page, mcid) -> element objgen
    held_annots = {}  # annotation objgen -> element objgen
    problems_pt = []

    def walk(e, depth):
        if not isinstance(e, pikepdf.Dictionary):
            return
        role = str(e.get("/S", ""))[1:]
        elems.append((e, role, depth))
        pg = e.get("/Pg")
        kids = e.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for k in kids:
            if isinstance(k, int) or (isinstance(k, pikepdf.Object) and k._type_code == pikepdf.ObjectType.integer):
                if pg is None:
                    problems_pt.append(f"{role} holds MCID {int(k)} without /Pg")
                    continue
                held_mcids[(page_no.get(key(pg), -1), int(k))] = key(e)
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.MCR:
                p = k.get("/Pg", pg)
                held_mcids[(page_no.get(key(p), -1) if p is not None else -1, int(k.MCID))] = key(e)
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.OBJR:
                held_annots[key(k.Obj)] = key(e)
            elif isinstance(k, pikepdf.Dictionary):
                walk(k, depth + 1)

    k = tree.get("/K")
    for e in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
        walk(e, 0)

    # Figures, headings, tables.
    last_h = 0
    for e, role, _ in elems:
        if role == "Figure" and str(e.get("/Alt", "")).strip() == "":
            out.append(("figure-alt", "a Figure without /Alt"))
        m = re.fullmatch(r"H([1-6])", role)
        if m:
            level = int(m.group(1))
            if level > last_h + 1:
                out.append(("headings", f"H{level} follows {'H' + str(last_h) if last_h else 'no heading'}"))
            last_h = level
    for e, role, _ in elems:
        if role != "Table":
            continue
        rows = []

        def rows_of(x):
            for c in (x.get("/K") if isinstance(x.get("/K"), pikepdf.Array) else [x.get("/K")]):
                if isinstance(c, pikepdf.Dictionary) and "/S" in c:
                    r = str(c.S)[1:]
                    if r == "TR":
                        rows.append(c)
                    elif r in ("THead", "TBody", "TFoot"):
                        rows_of(c)

        rows_of(e)

        def cells(tr):
            kk = tr.get("/K")
            return [str(c.S)[1:] for c in (kk if isinstance(kk, pikepdf.Array) else [kk])
                    if isinstance(c, pikepdf.Dictionary) and "/S" in c]

        all_cells = [c for r in rows for c in cells(r)]
        if "TH" not in all_cells:
            out.append(("table-th", "a Table without TH"))
        elif rows and "TH" not in cells(rows[0]):
            out.append(("table-th", "a Table whose first row has no TH"))

    # ---- content: every painting operator inside an MCID or an /Artifact; MCIDs vs the tree ----
    parent_tree = {}
    pt = tree.get("/ParentTree")

    def read_nums(node):
        if node is None:
            return
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                parent_tree[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            read_nums(kid)

    read_nums(pt)
    for i, p in enumerate(pages):
        stack = []  # per open mark: "artifact", "mcid" or "other"
        seen = []
        untagged = 0
        for operands, op in pikepdf.parse_content_stream(p):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                    mcid = int(operands[1].MCID)
                if tag == "/Artifact":
                    stack.append("artifact")
                elif mcid is not None:
                    stack.append("mcid")
                    seen.append(mcid)
                else:
                    stack.append("other")
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINT and not any(s in ("artifact", "mcid") for s in stack):
                untagged += 1
        if untagged:
            out.append(("untagged", f"page {i + 1}: {untagged} painting operators neither tagged nor artifacts"))
        if not seen:
            continue
        sp = p.obj.get("/StructParents")
        arr = parent_tree.get(int(sp)) if sp is not None else None
        if arr is None:
            problems_pt.append(f"page {i + 1} has MCIDs but no ParentTree entry")
            continue
        for mcid in seen:
            if mcid >= len(arr) or not isinstance(arr[mcid], pikepdf.Dictionary):
                problems_pt.append(f"page {i + 1} MCID {mcid}: no element in the ParentTree")
            elif held_mcids.get((i, mcid)) != key(arr[mcid]):
                problems_pt.append(f"page {i + 1} MCID {mcid}: the ParentTree's element does not hold it")
        for (pi, mcid), _ in held_mcids.items():
            if pi == i and mcid not in seen:
                problems_pt.append(f"page {i + 1}: an element holds MCID {mcid}, which the page lacks")

    # ---- annotations ----
    for i, p in enumerate(pages):
        for a in p.obj.get("/Annots", []):
            if a.get("/Subtype") == Name.Popup:
                continue
            if str(a.get("/Contents", "")).strip() == "":
                out.append(("annot", f"page {i + 1}: a {a.get('/Subtype')} annotation without /Contents"))
            sp = a.get("/StructParent")
            if sp is None:
                out.append(("annot", f"page {i + 1}: an annotation without /StructParent"))
                continue
            e = parent_tree.get(int(sp))
            if e is None or held_annots.get(key(a)) != key(e):
                problems_pt.append(f"page {i + 1}: an annotation's /StructParent does not lead to its element")
            elif a.get("/Subtype") == Name.Link and str(e.get("/S")) != "/Link":
                out.append(("annot", f"page {i + 1}: a link annotation in a {e.get('/S')} element, not Link"))

    out += [("parent-tree", m) for m in problems_pt]
    return out


def main():
    bad = 0
    for f in sys.argv[1:]:
        with pikepdf.open(f) as pdf:
            for code, msg in check(pdf):
                print(f"{f}: {code}: {msg}")
                bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
