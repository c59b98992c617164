#!/usr/bin/env python3
"""Exits 0 when the table header cells over the number columns (İhracat, İthalat) are
right-aligned and the others (Sıra, Kalem) are not, as in the PDF.

  parity_header_alignment.py DOCUMENT_XML
"""
import re, sys
x = open(sys.argv[1], encoding="utf-8").read()
cells = re.findall(r'<w:p><w:pPr><w:pStyle w:val="TableHeader"/>(<w:jc w:val="right"/>)?.*?<w:t[^>]*>([^<]*)</w:t>', x)
right = {t for j, t in cells if j}
left = {t for j, t in cells if not j}
ok = {"İhracat", "İthalat"} <= right and {"Sıra", "Kalem"} <= left
print(f"header cells right-aligned: {sorted(right)}; left: {sorted(left)}")
sys.exit(0 if ok else 1)
