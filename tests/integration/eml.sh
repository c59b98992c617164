#!/usr/bin/env bash
# briefmake --eml: every STEM.eml is parsed with Python's email package (policy.default):
# headers decode (the Turkish subject with İ, ş, ğ), To/Cc match the brief, the text part says
# what the brief is, both attachments are there, byte for byte the PDF and DOCX, with the
# expected UTF-8 (or, with --ascii-names, ASCII: Turkish, Russian and Kazakh letters as letters)
# file names. Also: same input, same .eml; usage errors; a bad address fails the brief.
source "$(dirname "$0")/lib/common.bash"
need python3

BRIEFS=$TMP/briefs
mkdir -p "$BRIEFS"
SUBJECT='İş birliği: Türkiye-Kazakistan OSPG 8. Toplantısı (2 Şubat 2026, Ankara) hk. Bilgi Notu — ğüşıöç ĞÜŞİÖÇ'
python3 - "$SOURCE_DIR/briefs/ospg-8.yaml" "$BRIEFS" "$SUBJECT" <<'PY'
import sys, re
src, out, subject = sys.argv[1:]
text = open(src, encoding="utf-8").read()
dist = f'''distribution:
  to: ["Bakan Özel Kalem Müdürlüğü <ozelkalem@example.org>", plain@example.org]
  cc: [Bakan Yardımcılığı Makamı, "T.C. Astana Büyükelçiliği <astana@example.org>", "\\"Doe, John\\" <jd@example.org>"]
  subject: "{subject}"
'''
assert re.search(r"^distribution:\n(  .*\n)+", text, re.M)
open(f"{out}/ospg-8.yaml", "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", dist, text, flags=re.M))
# No distribution at all: the subject is the title, no To/Cc.
open(f"{out}/no-dist.yaml", "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", "", text, flags=re.M))
open(f"{out}/ru.yaml", "w", encoding="utf-8").write('''brief: 1
title: Визит делегации в Астану
language: ru
reference: ОСПГ-8/2026
edition: 2026-01-30
meeting:
  name: Совместная группа стратегического планирования
  date: 2026-02-02
  location: Астана
agenda:
  - Открытие
distribution:
  to: ["Посольство <embassy@example.org>"]
''')
PY
# Kazakh: --ascii-names keeps every Kazakh letter (ә ғ қ ң ө ұ ү һ і) as a letter.
cp "$SOURCE_DIR/tests/briefs/lang-kk.yaml" "$BRIEFS/kk.yaml"

FROM='Brief Robotu <brief@example.org>'
# --verbose: without a terminal, warnings are shown only when asked for (cron gets errors only).
"$BRIEFMAKE" -o "$TMP/utf8" --verbose --eml --from "$FROM" --name '{reference} {meeting.name}' "$BRIEFS" 2>"$TMP/err" ||
  die "rendering with --eml failed: $(cat "$TMP/err")"
grep -q "no-dist.yaml: warning: distribution has no e-mail address" "$TMP/err" ||
  fail "no warning for a brief without addresses: $(cat "$TMP/err")"
"$BRIEFMAKE" -o "$TMP/ascii" --eml --from "$FROM" --name '{reference} {meeting.name}' --ascii-names "$BRIEFS" 2>/dev/null ||
  die "rendering with --ascii-names failed"

check_eml() {  # check_eml DIR MODE(utf8|ascii)
  python3 - "$1" "$2" "$SUBJECT" <<'PY' || fail "$1: the .eml files are not as expected"
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
PY
}
check_eml "$TMP/utf8" utf8
check_eml "$TMP/ascii" ascii

# Headers decode to exactly the brief's text, read from the brief itself: both OSPG-8 briefs as
# shipped (Python's parser read "Embassy of Türkiye in Astana" as "Türkiy e" when an encoded
# word ended mid-word), and long Turkish display names and subject that do not fit in one
# encoded word. Python 3.11 keeps the white space between two encoded words of a display name
# (RFC 2047 says drop it), so only a text no encoding can fit otherwise may be cut there: RFC
# 2047's own reading (email.header.decode_header) must give the exact names as well.
mkdir -p "$TMP/long"
python3 - "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/long/long-names.yaml" <<'PY'
import sys, re
text = open(sys.argv[1], encoding="utf-8").read()
dist = '''distribution:
  to: ["T.C. Dışişleri Bakanlığı İkili Siyasi İşler Genel Müdürlüğü Asya Dairesi <x@example.org>",
       "Kazakistan Cumhuriyeti Dışişleri Bakanlığı Avrupa İşleri Dairesi Başkanlığı <kz@example.org>"]
  cc: ["Ankara Büyükelçiliği Müsteşarlığı ve Türkiye Kazakistan Çalışma Grubu Sekreteryası",
       "Özel Kalem Müdürlüğü", Bakanlık Müşavirliği ve Genel Sekreterlik Yardımcılığı Ofisi]
  subject: "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu 8. Toplantısı Hazırlıkları Çerçevesinde Düzenlenecek Değerlendirme Toplantısına İlişkin Bilgi Notu (Şubat 2026)"
'''
assert re.search(r"^distribution:\n(  .*\n)+", text, re.M)
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", dist, text, flags=re.M))
PY
"$BRIEFMAKE" -o "$TMP/long" --eml --from "$FROM" --name '{title}' \
  "$SOURCE_DIR/briefs/ospg-8.yaml" "$SOURCE_DIR/briefs/ospg-8-en.yaml" "$TMP/long/long-names.yaml" 2>"$TMP/long.err" ||
  fail "rendering the OSPG-8 briefs and long names with --eml failed: $(cat "$TMP/long.err")"
python3 - "$TMP/long" "$SOURCE_DIR/briefs/ospg-8.yaml" "$SOURCE_DIR/briefs/ospg-8-en.yaml" "$TMP/long/long-names.yaml" <<'PY' ||
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
PY
  fail "the OSPG-8 and long-name .eml headers do not decode to the briefs' text"

# Deterministic: a second run into another folder gives the same bytes; SOURCE_DATE_EPOCH sets Date.
"$BRIEFMAKE" -o "$TMP/again" --eml --from "$FROM" --name '{reference} {meeting.name}' "$BRIEFS" 2>/dev/null || fail "second run failed"
for f in ospg-8.eml no-dist.eml ru.eml kk.eml; do cmp -s "$TMP/utf8/$f" "$TMP/again/$f" || fail "$f differs between two runs"; done
SOURCE_DATE_EPOCH=1770000000 "$BRIEFMAKE" -o "$TMP/sde" --eml --from "$FROM" "$BRIEFS/ospg-8.yaml" || fail "run with SOURCE_DATE_EPOCH failed"
grep -q '^Date: Mon, 02 Feb 2026 02:40:00 +0000' "$TMP/sde/ospg-8.eml" || fail "Date with SOURCE_DATE_EPOCH: $(grep '^Date' "$TMP/sde/ospg-8.eml")"

# Usage errors (exit 2): --eml without --from, an unknown --name field, a bad --from.
expect_status() {  # expect_status STATUS WHAT COMMAND...
  local want=$1 what=$2 got=0
  shift 2
  "$@" >/dev/null 2>"$TMP/st.err" || got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -2 "$TMP/st.err"))"
}
expect_status 2 "--eml without --from" "$BRIEFMAKE" -o "$TMP/x" --eml "$BRIEFS/ospg-8.yaml"
expect_status 2 "unknown --name field" "$BRIEFMAKE" -o "$TMP/x" --eml --from "$FROM" --name '{referense}' "$BRIEFS/ospg-8.yaml"
grep -q "unknown field {referense}" "$TMP/st.err" || fail "no message naming the unknown field: $(cat "$TMP/st.err")"
expect_status 2 "--from without an address" "$BRIEFMAKE" -o "$TMP/x" --eml --from 'Robot' "$BRIEFS/ospg-8.yaml"
# A distribution entry that looks like an address but is not one fails that brief (exit 1).
sed 's/plain@example.org/plain@@example/' "$BRIEFS/ospg-8.yaml" >"$TMP/badaddr.yaml"
expect_status 1 "a bad address in the distribution" "$BRIEFMAKE" -o "$TMP/x" --eml --from "$FROM" "$TMP/badaddr.yaml"
grep -q "badaddr.yaml: error: distribution: \"plain@@example\" is not an e-mail address" "$TMP/st.err" ||
  fail "bad address message: $(cat "$TMP/st.err")"

finish
