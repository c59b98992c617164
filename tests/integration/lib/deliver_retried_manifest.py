"""Checks alpha's delivery after an outage: unchanged now, two attempts, the first failed and
the second accepted with 250.
Args: MANIFEST"""
import json, sys
d = [b for b in json.load(open(sys.argv[1]))["briefs"] if b["source"].endswith("alpha.yaml")][0]["delivery"]
assert d["status"] == "unchanged" and len(d["attempts"]) == 2, d
assert d["attempts"][0]["result"] and not d["attempts"][0]["result"].startswith("250"), d
assert d["attempts"][1]["result"].startswith("250 "), d
