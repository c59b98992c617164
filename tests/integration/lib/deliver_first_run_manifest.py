"""Checks the manifest's delivery entries after a first SMTP run: a Message-ID of the sender's
domain, every recipient accepted with a 250 reply, one attempt through smtp://127.0.0.1.
Args: MANIFEST"""
import json, sys
m = json.load(open(sys.argv[1]))
for b in m["briefs"]:
    d = b["delivery"]
    assert d["message_id"].startswith("<") and d["message_id"].endswith("@example.gov.tr>"), d
    assert all(r["state"] == "accepted" and r["reply"].startswith("250 ") for r in d["recipients"]), d
    assert len(d["attempts"]) == 1 and d["attempts"][0]["transport"].startswith("smtp://127.0.0.1:"), d
