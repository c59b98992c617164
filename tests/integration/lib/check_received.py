"""Checks what the test SMTP server received against briefmake's outputs.

    python3 check_received.py SERVER_DIR OUT_DIR STEM=COUNT[:ADDR,ADDR...] ...

For each STEM: the server holds COUNT messages whose Message-ID is that of OUT_DIR/STEM.eml
(COUNT may be "1-2": once, or twice after a crash), each byte for byte OUT_DIR/STEM.eml; their
envelope recipients together are exactly ADDR... (when given); the attachments, parsed back with
Python's email package, are byte for byte OUT_DIR/STEM.pdf and STEM.docx. A message the server
holds whose Message-ID belongs to no STEM named is an error too. Prints what is wrong; exit 1.
"""
import email
import email.policy
import glob
import json
import os
import sys


def main():
    server, out = sys.argv[1], sys.argv[2]
    want = {}
    for arg in sys.argv[3:]:
        stem, spec = arg.split("=", 1)
        count, _, addrs = spec.partition(":")
        lo, _, hi = count.partition("-")
        want[stem] = (int(lo), int(hi or lo), sorted(a.lower() for a in addrs.split(",") if a) if addrs else None)
    received = {}
    for path in sorted(glob.glob(os.path.join(server, "*.eml"))):
        data = open(path, "rb").read()
        meta = json.load(open(path[:-4] + ".json"))
        msg = email.message_from_bytes(data, policy=email.policy.default)
        received.setdefault(msg["Message-ID"], []).append((path, data, meta, msg))
    errors = []
    known = set()
    for stem, (lo, hi, addrs) in want.items():
        eml_path = os.path.join(out, stem + ".eml")
        eml = open(eml_path, "rb").read()
        mid = email.message_from_bytes(eml, policy=email.policy.default)["Message-ID"]
        known.add(mid)
        got = received.get(mid, [])
        if not lo <= len(got) <= hi:
            errors.append("%s: received %d time(s), expected %s" % (stem, len(got), lo if lo == hi else "%d-%d" % (lo, hi)))
        rcpts = []
        for path, data, meta, msg in got:
            rcpts += [r.lower() for r in meta["rcpt_tos"]]
            if not meta["tls"]:
                errors.append("%s: %s came without TLS" % (stem, path))
            if data != eml:
                errors.append("%s: %s differs from %s (%d vs %d bytes)" % (stem, path, eml_path, len(data), len(eml)))
            parts = {p.get_filename(): p.get_content() for p in msg.iter_attachments()}
            for ext in ("pdf", "docx"):
                f = os.path.join(out, stem + "." + ext)
                if not os.path.exists(f):
                    continue
                mine = open(f, "rb").read()
                if not any(isinstance(v, bytes) and v == mine and (k or "").endswith("." + ext) for k, v in parts.items()):
                    errors.append("%s: no attachment of %s equals %s" % (stem, path, f))
        if addrs is not None and got and sorted(set(rcpts)) != addrs:
            errors.append("%s: recipients %s, expected %s" % (stem, sorted(set(rcpts)), addrs))
        if hi == 1 and len(rcpts) != len(set(rcpts)):
            errors.append("%s: a recipient got it twice: %s" % (stem, rcpts))
    for mid, got in received.items():
        if mid not in known:
            errors.append("unexpected message %s (%s)" % (mid, ", ".join(p for p, *_ in got)))
    for e in errors:
        print("  " + e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
