"""Checks a policy run: every brief rendered; the allowed ones sent once, the refused ones
not at all, with a located error at the offending line.
Args: MANIFEST ERRFILE INBOX BRIEFS_DIR NAME:sent|refused:OFFENDING ..."""
import email, email.policy, glob, json, os, sys
manifest, errfile, inbox, briefs, *cases = sys.argv[1:]
m = {os.path.basename(b["source"])[:-5]: b for b in json.load(open(manifest))["briefs"]}
err = open(errfile, encoding="utf-8").read()
got = {}
for p in glob.glob(inbox + "/*.eml"):
    msg = email.message_from_bytes(open(p, "rb").read(), policy=email.policy.default)
    got.setdefault(str(msg["Subject"]), []).append(p)
bad = []
for c in cases:
    name, expect, offending = c.split(":", 2)
    b = m[name]
    if b["status"] != "rendered":
        bad.append("%s: status %s, expected rendered (a refused brief is still rendered)" % (name, b["status"]))
    status = b["delivery"]["status"]
    n = len(got.get("Dava " + name, []))
    if expect == "sent":
        if status != "sent" or n != 1:
            bad.append("%s: %s, received %d time(s); expected sent once (errors: %s)" % (name, status, n, b["delivery"].get("errors")))
    else:
        if status != "refused-by-policy" or n != 0:
            bad.append("%s: %s, received %d time(s); expected refused-by-policy, nothing sent" % (name, status, n))
        text = open(os.path.join(briefs, name + ".yaml"), encoding="utf-8").read().splitlines()
        if offending == "classification":
            line = next(i for i, t in enumerate(text, 1) if t.startswith("classification:"))
            want = "%s/%s.yaml:%d:17: error: " % (briefs, name, line)
            lines = [l for l in err.splitlines() if l.startswith(want) and "may not be e-mailed to anyone" in l]
        else:
            line = next(i for i, t in enumerate(text, 1) if offending in t)
            want = "%s/%s.yaml:%d:7: error: " % (briefs, name, line)
            lines = [l for l in err.splitlines() if l.startswith(want) and "may not be e-mailed to " + offending in l]
        if not lines:
            bad.append("%s: no located error %s... may not be e-mailed to %s" % (name, want, offending))
for x in bad:
    print("  " + x, file=sys.stderr)
sys.exit(1 if bad else 0)
