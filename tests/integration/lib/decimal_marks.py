#!/usr/bin/env python3
"""Where the decimal mark of each WORD (a number set in Liberation Serif, or Times New Roman, its
metric twin) is on the page, from pdftotext's word boxes: digits are 0.5 em wide, "," and "."
0.25 em. Prints "WORD X" per word found; a whole number's X is its right end.

  decimal_marks.py PDF MARK WORD...
"""
import html, re, subprocess, sys
pdf, mark, words = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
em = lambda s: sum(0.25 if ch in ",." else 0.5 for ch in s)
for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
    x0, x1, w = float(m[1]), float(m[2]), html.unescape(m[3])
    if w in words:
        size = (x1 - x0) / em(w)
        at = w.find(mark)
        print(w, x0 + em(w[:at] if at >= 0 else w) * size)
