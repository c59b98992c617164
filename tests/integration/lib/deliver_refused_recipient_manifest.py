"""Checks eps's delivery after a 550 to one recipient: sent, that recipient refused with the
550 reply, the other two accepted.
Args: MANIFEST"""
import json, sys
d = [b for b in json.load(open(sys.argv[1]))["briefs"] if b["source"].endswith("eps.yaml")][0]["delivery"]
r = {x["address"]: x for x in d["recipients"]}
assert d["status"] == "sent", d
assert r["yok@example.gov.tr"]["state"] == "refused" and r["yok@example.gov.tr"]["reply"].startswith("550 "), d
assert r["bir@example.gov.tr"]["state"] == "accepted" and r["iki@example.gov.tr"]["state"] == "accepted", d
