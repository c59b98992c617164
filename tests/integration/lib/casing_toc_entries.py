#!/usr/bin/env python3
"""Compares the table-of-contents entries of two `pdftotext -raw` texts (briefmake's PDF,
LibreOffice's PDF of the DOCX): exits 0 when the PDF's are GÜNDEM, BAŞLIKLAR, İSTİŞARE, IŞIK
and LibreOffice's are the same.

  casing_toc_entries.py PDF_TXT LO_TXT
"""
import re, sys
def entries(path):
    """TOC entries: "TITLE N" before a line of leader dots (briefmake), or "TITLE.....N" (LibreOffice)."""
    lines = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
    out = []
    for i, l in enumerate(lines):
        m = re.fullmatch(r"(.+?)\s*\.{3,}\s*\d+", l)
        if m:
            out.append(m.group(1))
        elif i + 1 < len(lines) and re.fullmatch(r"[. ]{5,}", lines[i + 1]) and (m := re.fullmatch(r"(.+) \d+", l)):
            out.append(m.group(1))
    return out
pdf, lo = entries(sys.argv[1]), entries(sys.argv[2])
print(f"contents: PDF {pdf}, LibreOffice (DOCX) {lo}")
sys.exit(0 if pdf == ["GÜNDEM", "BAŞLIKLAR", "İSTİŞARE", "IŞIK"] and lo == pdf else 1)
