#!/usr/bin/env python3
"""Exits 0 when a full page of long-tr's table holds as many rows (more than 20) in both PDFs
(the most rows on a page that shows the table's header).

  parity_rows_per_page.py PDF LO_PDF
"""
import re, subprocess, sys
def rows(pdf):
    """The most rows of the table on one page (pages with its header row, which repeats)."""
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    out = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        if "Sıra" in t and "İthalat" in t:
            out.append(len(re.findall(r"^\d+$", t, re.M)))
    return max(out, default=0)
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print(f"rows on a full table page: PDF {a}, LibreOffice {b}")
sys.exit(0 if a > 20 and a == b else 1)
