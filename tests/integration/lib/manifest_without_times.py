"""Prints a --manifest with its timings ("ms") removed, keys sorted: what must not depend on the
locale. usage: manifest_without_times.py MANIFEST"""
import json
import sys

manifest = json.load(open(sys.argv[1], encoding="utf-8"))
for brief in manifest.get("briefs", []):
    brief.pop("ms", None)
print(json.dumps(manifest, sort_keys=True, ensure_ascii=False, indent=1))
