#!/usr/bin/env python3
"""Checks a batch manifest: every brief has the expected status (EXPECTED is "all=STATUS", or
"data=STATUS,rest=STATUS" for the briefs reading data.csv vs the others, plus NAME=STATUS for
other briefs); every output's size and SHA-256 match the file on disk, with pages >= 1; the
distribution is the brief's; the counts add up. Exits 1 on any difference (listed on stderr).

  batch_manifest_matches.py MANIFEST EXPECTED BRIEFS_DIR
"""
import json, sys, hashlib, os
m = json.load(open(sys.argv[1], encoding="utf-8"))
want = dict(kv.split("=") for kv in sys.argv[2].split(","))
ok = True
def bad(msg):
    global ok; ok = False; print("  " + msg, file=sys.stderr)
for b in m["briefs"]:
    name = os.path.basename(b["source"])
    if name.startswith("b"):
        reads_data = int(name[1:4]) % 3 == 0
        status = want.get("all") or (want["data"] if reads_data else want["rest"])
    else:
        status = want.get(name, "?")
    if b["status"] != status: bad(f"{name}: {b['status']}, expected {status} {b.get('error', '')}")
    if b["status"] == "failed":
        if not b.get("error"): bad(f"{name}: failed without an error text")
        continue
    if len(b["outputs"]) != 2: bad(f"{name}: {len(b['outputs'])} outputs")
    for o in b["outputs"]:
        data = open(o["path"], "rb").read()
        if len(data) != o["bytes"] or hashlib.sha256(data).hexdigest() != o["sha256"]: bad(f"{o['path']}: size/hash differ")
        if o.get("pages", 0) < 1: bad(f"{o['path']}: pages {o.get('pages')}")
    d = b["distribution"]
    if d["to"] != ["Bakan Özel Kalem Müdürlüğü"] or len(d["cc"]) != 2 or "hk. Bilgi Notu" not in d["subject"]:
        bad(f"{name}: distribution {d}")
    if not isinstance(b["ms"], int) or b["ms"] < 0: bad(f"{name}: ms {b['ms']}")
n = len(m["briefs"])
c = m["counts"]
if sum(c.values()) != n: bad(f"counts {c} do not add up to {n}")
sys.exit(0 if ok else 1)
