#!/usr/bin/env python3
"""Writes OUT_TXT: pdftotext's RAW_TXT normalised for searching: soft hyphens (U+00AD) removed,
words hyphenated at a line end joined again, all white space (incl. no-break and thin spaces)
turned into one space.

  normalise_pdf_text.py RAW_TXT OUT_TXT
"""
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t.replace("\u00ad", "")
t = re.sub(r"(\w)[-\u2010]\s*\n\s*(\w)", r"\1\2", t)   # "Koşer-\nbayev" -> "Koşerbayev"
t = re.sub(r"[\s\u00a0\u202f\u2007\u2009\u200b]+", " ", t)
open(sys.argv[2], "w", encoding="utf-8").write(t)
