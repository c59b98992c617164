#!/usr/bin/env python3
"""Exits 0 when the manifest lists no warnings for plain.yaml and, for w.yaml, only
"SOURCE:...: warning: ..." lines, one of them about U+0F00.

  batch_manifest_warnings.py MANIFEST
"""
import json, sys
briefs = {b["source"].rsplit("/", 1)[1]: b for b in json.load(open(sys.argv[1], encoding="utf-8"))["briefs"]}
w = briefs["w.yaml"]["warnings"]
ok = briefs["plain.yaml"]["warnings"] == [] and len(w) >= 1 and all(": warning: " in x for x in w)
ok = ok and any(x.startswith(briefs["w.yaml"]["source"] + ":") and "U+0F00" in x for x in w)
sys.exit(0 if ok else 1)
