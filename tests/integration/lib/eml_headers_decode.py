#!/usr/bin/env python3
"""Checks that DIR/STEM.eml's headers decode to exactly the brief's text: To and Cc as the
brief's distribution (Python's parser and RFC 2047's own reading, email.header.decode_header),
the subject (or title), the attachment names. Exits 1 on any difference (listed on stderr).

  eml_headers_decode.py DIR BRIEF_YAML...
"""
import email, email.header, email.policy, os, re, sys, yaml
out, briefs = sys.argv[1], sys.argv[2:]
ok = True
def check(cond, msg):
    global ok
    if not cond: ok = False; print("  " + msg, file=sys.stderr)
def entry(e):  # as briefmake reads a distribution entry: "Name <a@b>", "a@b" or a bare name
    e = e.strip()
    if "<" in e:
        name, addr = e[:e.rindex("<")].strip(), e[e.rindex("<") + 1:-1]
        if len(name) >= 2 and name[0] == name[-1] == '"': name = name[1:-1]
        return (name, addr)
    return ("", e) if "@" in e else (e, None)
def entries(h):
    out = []
    if h is None: return out
    for g in h.groups:
        if g.display_name is not None and not g.addresses: out.append((g.display_name, None))
        for a in g.addresses: out.append((a.display_name, a.addr_spec))
    return out
for path in briefs:
    b = yaml.safe_load(open(path, encoding="utf-8"))
    stem = os.path.basename(path)[:-5]
    dist = b.get("distribution") or {}
    raw = open(os.path.join(out, stem + ".eml"), "rb").read()
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        check(len(line) <= 78 and line.isascii(), f"{stem}: header line {line[:90]!r}")
    m = email.message_from_bytes(raw, policy=email.policy.default)
    check(not m.defects, f"{stem}: message defects {m.defects}")
    for k in ("To", "Cc"):
        want = [entry(e) for e in dist.get(k.lower(), [])]
        check(entries(m[k]) == want, f"{stem}: {k} {entries(m[k])}, expected {want}")
        if m[k] is not None: check(not m[k].defects, f"{stem}: {k} defects {m[k].defects}")
        # RFC 2047's reading: encoded words decoded, white space between two of them dropped,
        # quoted strings unquoted.
        head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii").replace("\r\n ", " ")
        value = next((l[len(k) + 2:] for l in head.split("\r\n") if l.startswith(k + ": ")), "")
        rfc, last_ew, space = "", False, ""
        for t in re.finditer(r'(\s+)|"((?:[^"\\]|\\.)*)"|(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)|([^\s"]+)', value):
            if t[1]: space = t[1]; continue
            if t[3]:
                (text, charset), = email.header.decode_header(t[3])
                rfc += ("" if last_ew else space) + text.decode(charset)
            else:
                rfc += space + (re.sub(r"\\(.)", r"\1", t[2]) if t[2] is not None else t[4])
            last_ew, space = bool(t[3]), ""
        for name, _ in want:
            check(name in rfc, f"{stem}: {k} read per RFC 2047 lacks {name!r}: {rfc!r}")
    subject = dist.get("subject", b["title"])
    check(str(m["Subject"]) == subject, f"{stem}: Subject {str(m['Subject'])!r}, expected {subject!r}")
    check(not m["Subject"].defects, f"{stem}: Subject defects {m['Subject'].defects}")
    names = [a.get_filename() for a in m.iter_attachments()]
    base = b["title"].replace("/", "-").replace("\\", "-")
    check(names == [base + ".pdf", base + ".docx"], f"{stem}: attachment names {names}")
sys.exit(0 if ok else 1)
