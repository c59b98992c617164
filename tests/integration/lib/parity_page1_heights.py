#!/usr/bin/env python3
"""Exits 0 when the meeting table's lines, the headings and the first agenda items of long-tr's
page 1 stand at the same height (within 1.5 pt) in both PDFs (pdftotext -bbox-layout).

  parity_page1_heights.py PDF LO_PDF
"""
import re, subprocess, sys
def tops(pdf):
    x = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
    out = {}
    for m in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', x, re.S):
        text = " ".join(re.findall(r">([^<]*)</word>", m.group(2)))
        out.setdefault(text[:24], float(m.group(1)))
    return out
a, b = tops(sys.argv[1]), tops(sys.argv[2])
want = ["Toplantı No", "Hazırlanma Tarihi", "ÖZET", "GÜNDEM", "1. Gündem maddesi 1: iş b", "2. Gündem maddesi 2: iş b",
        "3. Gündem maddesi 3: iş b"]
bad = []
for w in want:
    ka = next((k for k in a if k.startswith(w[:24])), None)
    kb = next((k for k in b if k.startswith(w[:24])), None)
    if ka is None or kb is None:
        bad.append(f"{w!r} missing ({'PDF' if ka is None else 'LibreOffice'})")
    elif abs(a[ka] - b[kb]) > 1.5:
        bad.append(f"{w!r} at {a[ka]:.1f} pt in the PDF, {b[kb]:.1f} pt in LibreOffice")
print("page 1 heights: " + ("; ".join(bad) if bad else f"{len(want)} lines within 1.5 pt"))
sys.exit(1 if bad else 0)
