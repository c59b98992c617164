#!/usr/bin/env python3
"""Exits 0 when every brief of the rerun was skipped and reports the same warnings as in the
first run (a skipped brief keeps the warnings of its last render).

  batch_skipped_keep_warnings.py FIRST_MANIFEST RERUN_MANIFEST
"""
import json, sys
first, again = ({b["source"]: b for b in json.load(open(f, encoding="utf-8"))["briefs"]} for f in sys.argv[1:])
ok = True
for src, b in again.items():
    if b["status"] != "skipped" or b["warnings"] != first[src]["warnings"]:
        ok = False
        print(f"  {src}: {b['status']}, warnings {b['warnings']} (first run: {first[src]['warnings']})", file=sys.stderr)
sys.exit(0 if ok else 1)
