#!/usr/bin/env python3
"""Exits 0 when the top of the header's text and the top of the footer's text on page 1 stand
within 1.5 pt of each other in the two PDFs (pdftotext -bbox).

  parity_header_footer_bands.py PDF LO_PDF
"""
import re, subprocess, sys
def bands(pdf):
    x = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', x).group(1))
    words = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', x)]
    top = min(a for a, b in words if a < 60)
    bottom = max(a for a, b in words if a > h - 60)   # the footer text's top
    return top, bottom
(t1, b1), (t2, b2) = bands(sys.argv[1]), bands(sys.argv[2])
print(f"header text top: PDF {t1:.1f} pt, LibreOffice {t2:.1f} pt; footer text top: PDF {b1:.1f}, LibreOffice {b2:.1f}")
sys.exit(0 if abs(t1 - t2) <= 1.5 and abs(b1 - b2) <= 1.5 else 1)
