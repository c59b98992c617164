#!/usr/bin/env python3
"""Writes copies of a DOCX, each with one accessibility defect planted, for docx_a11y.py to
catch: OUT_DIR/DEFECT.docx for each DEFECT of
  nodescr   the first drawing loses its wp:docPr/@descr
  nocaption the first table loses its w:tblCaption and w:tblDescription
  noheader  the first table's header row loses w:tblHeader
  notitle   docProps/core.xml loses dc:title
  nolang    styles.xml's docDefaults lose w:lang
  skip      the first level-1 heading becomes level 3 (a skipped level)
  empty     an empty paragraph is put before the first heading (spacing by blank lines)

  docx_a11y_plant.py IN.docx OUT_DIR DEFECT...
"""
import re
import sys
import zipfile

src, out_dir = sys.argv[1:3]
zin = zipfile.ZipFile(src)
parts = {n: zin.read(n) for n in zin.namelist()}
for defect in sys.argv[3:]:
    doc = parts["word/document.xml"].decode()
    styles = parts["word/styles.xml"].decode()
    core = parts["docProps/core.xml"].decode()
    before = (doc, styles, core)

    if defect == "nodescr":
        doc = re.sub(r'(<wp:docPr [^>]*?) descr="[^"]*"', r"\1", doc, count=1)
    elif defect == "nocaption":
        doc = re.sub(r"<w:tblCaption [^>]*/><w:tblDescription [^>]*/>", "", doc, count=1)
    elif defect == "noheader":
        doc = re.sub(r"<w:tblHeader/>", "", doc, count=1)
    elif defect == "notitle":
        core = re.sub(r"<dc:title>[^<]*</dc:title>", "", core, count=1)
    elif defect == "nolang":
        styles = re.sub(r'(<w:docDefaults>.*?)<w:lang [^>]*/>', r"\1", styles, count=1, flags=re.S)
    elif defect == "skip":
        doc = doc.replace('<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="Heading3"/>', 1)
    elif defect == "empty":
        doc = re.sub(r'(<w:p><w:pPr><w:pStyle w:val="Heading1"/>)', r"<w:p/>\1", doc, count=1)
    else:
        raise SystemExit(f"unknown defect {defect}")
    if (doc, styles, core) == before:
        raise SystemExit(f"{defect}: nothing to plant it in")
    planted = dict(parts, **{"word/document.xml": doc.encode(), "word/styles.xml": styles.encode(),
                             "docProps/core.xml": core.encode()})
    with zipfile.ZipFile(f"{out_dir}/{defect}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for n in zin.namelist():
            z.writestr(n, planted[n])
