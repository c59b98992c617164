#!/usr/bin/env python3
"""Checks one typography brief's outputs (typography_briefs.py): the meeting's date range is
the one Babel's CLDR data gives (babel.dates.format_interval; Babel 2.10 has no interval form
for full month names, so its abbreviated form is taken with each month's full name put back),
and the summary has ’ in the Turkish suffix, the language's quotes (“…” in tr and en, «…» in
ru and kk), straight characters inside the code span, and an en dash in the number range; in
pdftotext's text of the PDF and in the DOCX's text alike. Prints the problems and exits 1 if
there is any.

  typography_check.py LANG RANGE PDF_TXT DOCX      (RANGE: month, months or years)
"""
import re, sys, zipfile
from datetime import date
from babel.dates import format_interval, get_month_names

RANGES = {"month": ((2026, 3, 12), (2026, 3, 13)), "months": ((2026, 3, 30), (2026, 4, 2)),
          "years": ((2025, 12, 30), (2026, 1, 2))}
LOCALES = {"tr": "tr", "en": "en_GB", "ru": "ru", "kk": "kk"}

lang, which, pdf_txt, docx = sys.argv[1:5]
first, last = (date(*d) for d in RANGES[which])
loc = LOCALES[lang]
expected = format_interval(first, last, "yMMMd", locale=loc)
abbr = get_month_names("abbreviated", "format", loc)
wide = get_month_names("wide", "format", loc)
for m in sorted({first.month, last.month}, key=lambda m: -len(abbr[m])):
    expected = expected.replace(abbr[m], wide[m])


def norm(s):  # thin, narrow and no-break spaces as spaces; runs of white space as one
    return re.sub(r"[\s\u00a0\u2009\u202f]+", " ", s)


with zipfile.ZipFile(docx) as z:
    xml = z.read("word/document.xml").decode("utf-8")
# The DOCX's text, paragraph by paragraph.
docx_text = "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
                      for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S))
docx_text = docx_text.replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
texts = {"PDF": open(pdf_txt, encoding="utf-8").read(), "DOCX": docx_text}

open_q, close_q = ("«", "»") if lang in ("ru", "kk") else ("“", "”")
want = ["Grubu’nun", f"{open_q}ortak{close_q}", "`dosya'adı \"x\".txt`", "2019–2025"]
bad = 0
for what, text in texts.items():
    t = norm(text)
    if norm(expected) not in t:
        print(f"{what}: no date range {expected!r}"); bad += 1
    for w in want:
        if w not in t:
            print(f"{what}: lacks {w!r}"); bad += 1
    for w in ("Grubu'nun", '"ortak"', "2019-2025"):
        if w in t:
            print(f"{what}: still has {w!r}"); bad += 1
if not bad:
    print(f"{lang} {which}: {expected}")
sys.exit(1 if bad else 0)
