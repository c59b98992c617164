#!/usr/bin/env python3
"""Writes the typography test briefs into OUTDIR: for each of tr, en, ru and kk (from
tests/briefs/lang-LANG.yaml), three meetings over several days (same month, month to month,
year to year: LANG-month.yaml, LANG-months.yaml, LANG-years.yaml), and a summary with an
apostrophe, a quotation, a code span with straight characters and a number range.

  typography_briefs.py SOURCE_DIR OUTDIR
"""
import os, sys
import yaml

RANGES = {"month": ("2026-03-12", "2026-03-13"), "months": ("2026-03-30", "2026-04-02"),
          "years": ("2025-12-30", "2026-01-02")}
SUMMARY = "Grubu'nun \"ortak\" bildirisi `dosya'adı \"x\".txt` 2019-2025 dönemini kapsar."

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for lang in ("tr", "en", "ru", "kk"):
    with open(os.path.join(src, "tests", "briefs", f"lang-{lang}.yaml"), encoding="utf-8") as f:
        brief = yaml.safe_load(f)
    for name, (first, last) in RANGES.items():
        b = dict(brief)
        b["meeting"] = dict(brief["meeting"], date=first, end_date=last)
        b["summary"] = SUMMARY
        with open(os.path.join(out, f"{lang}-{name}.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(b, f, allow_unicode=True, sort_keys=False)
