#!/usr/bin/env python3
"""Checks w:caps on the TOC styles: on TOC1 and TOC2 (headings 1 and 2 are upper-cased), not on
TOC3. Prints the problem and exits 1 if they differ.

  casing_toc_styles.py STYLES_XML
"""
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
caps = {}
for s in ET.parse(sys.argv[1]).getroot().iter(W + "style"):
    if s.get(W + "styleId") in ("TOC1", "TOC2", "TOC3"):
        c = s.find(f"{W}rPr/{W}caps")
        caps[s.get(W + "styleId")] = c is not None and c.get(W + "val", "true") not in ("0", "false", "off")
want = {"TOC1": True, "TOC2": True, "TOC3": False}
if caps != want:
    print(f"w:caps on the TOC styles is {caps}, want {want} (headings 1 and 2 are upper-cased)")
    sys.exit(1)
