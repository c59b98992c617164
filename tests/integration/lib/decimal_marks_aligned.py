#!/usr/bin/env python3
"""Reads two outputs of decimal_marks.py (briefmake's PDF, LibreOffice's PDF of the DOCX): exits
0 when every NUMBER is in both, LibreOffice's marks lie within 0.5 pt of each other and each
within 1 pt of the PDF's; else prints the problems and exits 1.

  decimal_marks_aligned.py PDF_MARKS LO_MARKS NUMBER...
"""
import sys
read = lambda f: dict((l.split()[0], float(l.split()[1])) for l in open(f) if l.strip())
pdf, lo, nums = read(sys.argv[1]), read(sys.argv[2]), sys.argv[3:]
problems = [f"{n} not found" for n in nums if n not in pdf or n not in lo]
if not problems:
    if max(lo.values()) - min(lo.values()) > 0.5:
        problems.append("marks at " + ", ".join(f"{n} {lo[n]:.2f}" for n in nums) + " in LibreOffice's rendering")
    problems += [f"{n} at {lo[n]:.2f}, {pdf[n]:.2f} in the PDF" for n in nums if abs(lo[n] - pdf[n]) > 1]
print("; ".join(problems))
sys.exit(1 if problems else 0)
