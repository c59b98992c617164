#!/usr/bin/env python3
"""Parses every DIR/STEM.eml (ospg-8, no-dist, ru, kk) with Python's email package
(policy.default) and checks it: header lines ASCII and at most 78 characters, CRLF only, no
lone dot; no defects; Subject, From, To, Cc, Date, Message-ID, MIME-Version as expected; a
quoted-printable text part naming the brief; two base64 attachments (76-character lines) equal
to DIR/STEM.pdf and .docx, with the expected UTF-8 or ASCII file names. Exits 1 on any
problem (listed on stderr).

  eml_messages.py DIR utf8|ascii SUBJECT
"""
import email, email.policy, sys, os, re, datetime
d, mode, subject = sys.argv[1:]
ok = True
def bad(msg):
    global ok; ok = False; print("  " + msg, file=sys.stderr)
def check(cond, msg):
    if not cond: bad(msg)

expect = {
    "ospg-8": dict(subject=subject, name="OSPG-8-2026 Türkiye-Kazakistan Ortak Stratejik Planlama Grubu",
                   ascii="OSPG-8-2026 Turkiye-Kazakistan Ortak Stratejik Planlama Grubu",
                   to=[("Bakan Özel Kalem Müdürlüğü", "ozelkalem@example.org"), ("", "plain@example.org")],
                   cc=[("Bakan Yardımcılığı Makamı", None), ("T.C. Astana Büyükelçiliği", "astana@example.org"),
                       ("Doe, John", "jd@example.org")],
                   date=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.timezone.utc),
                   body=["Türkiye-Kazakistan Ortak Stratejik Planlama Grubu (OSPG) 8. Toplantısı",
                         "2 Şubat 2026, Ankara", "HİZMETE ÖZEL", "Bilgi Notu"]),
    "no-dist": dict(subject="Türkiye-Kazakistan Ortak Stratejik Planlama Grubu (OSPG) 8. Toplantısı",
                    name="OSPG-8-2026 Türkiye-Kazakistan Ortak Stratejik Planlama Grubu",
                    ascii="OSPG-8-2026 Turkiye-Kazakistan Ortak Stratejik Planlama Grubu", to=[], cc=[],
                    date=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.timezone.utc), body=["2 Şubat 2026"]),
    "ru": dict(subject="Визит делегации в Астану", name="ОСПГ-8-2026 Совместная группа стратегического планирования",
               ascii="OSPG-8-2026 Sovmestnaya gruppa strategicheskogo planirovaniya",
               to=[("Посольство", "embassy@example.org")], cc=[],
               date=datetime.datetime(2026, 1, 30, 12, tzinfo=datetime.timezone.utc),
               body=["Визит делегации в Астану", "2 февраля 2026\u00a0г., Астана"]),
    "kk": dict(subject="Тілді тексеруге арналған анықтама үлгісі",
               name="ТІЛ-1-2026 Түркия мен Үлгі елінің саяси консультациялары",
               ascii="TIL-1-2026 Turkiya men Ulgi yelinin sayasi konsultatsiyalary", to=[], cc=[],
               date=datetime.datetime(2026, 2, 2, 12, tzinfo=datetime.timezone.utc),
               body=["Түркия мен Үлгі елінің саяси консультациялары", "2026\u00a0ж. 2 ақпан, Анкара"]),
}

def entries(h):
    out = []
    if h is None: return out
    for g in h.groups:
        if g.display_name is not None and not g.addresses: out.append((g.display_name, None))
        for a in g.addresses: out.append((a.display_name, a.addr_spec))
    return out

for stem, e in expect.items():
    path = os.path.join(d, stem + ".eml")
    raw = open(path, "rb").read()
    head = raw.split(b"\r\n\r\n", 1)[0]
    for line in head.split(b"\r\n"):
        check(len(line) <= 78, f"{stem}: header line of {len(line)} characters: {line[:90]!r}")
        check(all(b < 128 for b in line), f"{stem}: 8-bit header line {line[:60]!r}")
    check(b"\n" not in raw.replace(b"\r\n", b""), f"{stem}: a bare LF")
    check(b"\r\n.\r\n" not in raw, f"{stem}: a line with a lone dot (ends sendmail input)")
    with open(path, "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    for k in ("From", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
        check(m[k] is not None, f"{stem}: no {k} header")
    check(not m.defects, f"{stem}: message defects {m.defects}")
    check(str(m["Subject"]) == e["subject"], f"{stem}: Subject {str(m['Subject'])!r}")
    check(str(m["From"]) == "Brief Robotu <brief@example.org>", f"{stem}: From {str(m['From'])!r}")
    check(entries(m["To"]) == e["to"], f"{stem}: To {entries(m['To'])}")
    check(entries(m["Cc"]) == e["cc"], f"{stem}: Cc {entries(m['Cc'])}")
    for k in ("To", "Cc", "Subject", "From"):
        if m[k] is not None: check(not m[k].defects, f"{stem}: {k} defects {m[k].defects}")
    check(m["Date"].datetime == e["date"], f"{stem}: Date {m['Date']}")
    check(re.fullmatch(r"<[0-9a-f]{32}\.briefmake@example\.org>", str(m["Message-ID"])) is not None, f"{stem}: Message-ID {m['Message-ID']}")
    check(str(m["MIME-Version"]) == "1.0", f"{stem}: MIME-Version")
    check(m.get_content_type() == "multipart/mixed", f"{stem}: {m.get_content_type()}")
    body = m.get_body(("plain",))
    check(body is not None and body["Content-Transfer-Encoding"] == "quoted-printable", f"{stem}: text part")
    text = body.get_content()
    for w in e["body"]: check(w in text, f"{stem}: the text part lacks {w!r}: {text!r}")
    atts = list(m.iter_attachments())
    check(len(atts) == 2, f"{stem}: {len(atts)} attachments")
    types = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    for a, ext in zip(atts, ("pdf", "docx")):
        check(a.get_content_type() == types[ext], f"{stem}: attachment type {a.get_content_type()}")
        check(a["Content-Transfer-Encoding"] == "base64", f"{stem}: attachment encoding")
        data = a.get_content()
        check(data == open(os.path.join(d, f"{stem}.{ext}"), "rb").read(), f"{stem}: attachment {ext} differs from the file")
        name = a.get_filename()
        if mode == "utf8":
            check(name == f"{e['name']}.{ext}", f"{stem}: file name {name!r}")
        else:
            check(name == f"{e['ascii']}.{ext}", f"{stem}: ASCII file name {name!r}")
        # The raw base64 lines are 76 characters (the last may be shorter).
    blines = [l for l in raw.split(b"\r\n") if re.fullmatch(rb"[A-Za-z0-9+/=]{60,}", l)]
    check(blines and max(len(l) for l in blines) == 76, f"{stem}: base64 line lengths")
sys.exit(0 if ok else 1)
