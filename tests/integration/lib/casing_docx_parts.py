#!/usr/bin/env python3
"""Checks casing-tr.docx's parts: the Heading2 style sets w:caps; w:lang tr-TR is in the document
defaults or on Heading2; the Heading 2 paragraphs keep the typed text ("istişare", "ışık");
no run sets another w:lang. Prints the problems and exits 1 if there is any.

  casing_docx_parts.py STYLES_XML DOCUMENT_XML
"""
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
problems = []
styles = ET.parse(sys.argv[1]).getroot()
h2 = None
for s in styles.iter(W + "style"):
    if s.get(W + "styleId") == "Heading2":
        h2 = s
if h2 is None:
    problems.append("styles.xml has no Heading2 style")
else:
    caps = h2.find(f"{W}rPr/{W}caps")
    if caps is None or caps.get(W + "val", "true") in ("0", "false", "off"):
        problems.append("the Heading2 style has no w:caps")
langs = [l.get(W + "val") for l in styles.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")]
if h2 is not None:
    langs += [l.get(W + "val") for l in h2.findall(f"{W}rPr/{W}lang")]
if "tr-TR" not in langs:
    problems.append(f"w:lang tr-TR is neither in the document defaults nor on Heading2 (found {langs})")
doc = ET.parse(sys.argv[2]).getroot()
texts = []
for p in doc.iter(W + "p"):
    st = p.find(f"{W}pPr/{W}pStyle")
    if st is not None and st.get(W + "val") == "Heading2":
        texts.append("".join(t.text or "" for t in p.iter(W + "t")).replace("\u00ad", ""))
for want in ("istişare", "ışık"):
    if want not in texts:
        problems.append(f"no Heading 2 paragraph holds the typed text \"{want}\" (Heading 2 texts: {texts})")
for lang in doc.iter(W + "lang"):
    if lang.get(W + "val") not in (None, "tr-TR"):
        problems.append(f"document.xml sets w:lang {lang.get(W + 'val')} on a run")
        break
if problems:
    print("; ".join(problems))
    sys.exit(1)
