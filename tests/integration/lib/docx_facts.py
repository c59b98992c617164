#!/usr/bin/env python3
"""Prints "fonts: NAME;NAME" (the styles' w:rFonts), "pgSz: W x H" and "titlePg: yes|no" (the
body's section properties) of a DOCX's parts.

  docx_facts.py STYLES_XML DOCUMENT_XML
"""
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
styles = ET.parse(sys.argv[1]).getroot()
fonts = sorted({f.get(W + a) for f in styles.iter(W + "rFonts") for a in ("ascii", "hAnsi") if f.get(W + a)})
doc = ET.parse(sys.argv[2]).getroot()
sect = doc.find(f"{W}body/{W}sectPr")
sz = sect.find(W + "pgSz") if sect is not None else None
print("fonts: " + ";".join(fonts))
print(f"pgSz: {sz.get(W + 'w')} x {sz.get(W + 'h')}" if sz is not None else "pgSz: none")
print("titlePg: " + ("yes" if sect is not None and sect.find(W + "titlePg") is not None else "no"))
