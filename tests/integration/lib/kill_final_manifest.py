#!/usr/bin/env python3
"""Exits 0 when the manifest lists 20 briefs, none failed, each with 3 outputs, none of them a
hidden file.

  kill_final_manifest.py MANIFEST
"""
import json, os, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
ok = len(m["briefs"]) == 20 and m["counts"]["failed"] == 0
for b in m["briefs"]:
    ok = ok and len(b["outputs"]) == 3 and all(os.path.basename(o["path"])[0] != "." for o in b["outputs"])
sys.exit(0 if ok else 1)
