#!/usr/bin/env python3
"""Writes OUT.pdf: GOOD.pdf with the running header and footer text of page 1 (its artifacts that
show text) tagged as a P element at the end of the Document, the ParentTree kept consistent:
a defect struct_text_check.py must catch.

  pdfua_plant_header.py GOOD.pdf OUT.pdf
"""
import sys

import pikepdf
from pikepdf import Name

good, out = sys.argv[1], sys.argv[2]
with pikepdf.open(good) as pdf:
    page = pdf.pages[0]
    tree = pdf.Root.StructTreeRoot
    nums = tree.ParentTree.Nums
    parents = next(nums[i + 1] for i in range(0, len(nums), 2) if int(nums[i]) == int(page.obj.StructParents))
    ops = list(pikepdf.parse_content_stream(page))
    # Artifact marks that show text.
    marks, start = [], None
    for i, (operands, op) in enumerate(ops):
        if str(op) == "BMC" and str(operands[0]) == "/Artifact":
            start = i
        elif str(op) == "EMC" and start is not None:
            if any(str(o) in ("Tj", "TJ") for _, o in ops[start:i]):
                marks.append(start)
            start = None
    doc = tree.K
    elem = pdf.make_indirect(pikepdf.Dictionary(S=Name.P, P=doc, Pg=page.obj, K=pikepdf.Array()))
    for at in marks:
        mcid = len(parents)
        ops[at] = pikepdf.ContentStreamInstruction([Name.P, pikepdf.Dictionary(MCID=mcid)], pikepdf.Operator("BDC"))
        parents.append(elem)
        elem.K.append(mcid)
    if not marks:
        sys.exit("no artifact text on page 1")
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    if not isinstance(doc.K, pikepdf.Array):
        doc.K = pikepdf.Array([doc.K])
    doc.K.append(elem)
    pdf.save(out)
