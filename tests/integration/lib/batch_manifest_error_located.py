#!/usr/bin/env python3
"""Exits 0 when the manifest's entry for a-broken.yaml has a located error (":2:", "error:")
and no outputs.

  batch_manifest_error_located.py MANIFEST
"""
import json, sys
b = [b for b in json.load(open(sys.argv[1]))["briefs"] if b["source"].endswith("a-broken.yaml")][0]
sys.exit(0 if ":2:" in b["error"] and "error:" in b["error"] and b["outputs"] == [] else 1)
