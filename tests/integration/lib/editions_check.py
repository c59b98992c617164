#!/usr/bin/env python3
"""Checks of editions (tests/integration/editions.sh). Each command exits 1 with a message on a
failed check.

  editions_check.py box EXPECT PDF DOCX      every ENTRY of EXPECT is in the changes box of both
  editions_check.py bars EXPECT DUMP         change bars exactly beside the lines with BAR words
                                             (each BAR text is on a barred line, every barred line
                                             holds a BAR text); none on the other pages
  editions_check.py none DUMP DOCX           no change bar, no tracked change, no changes box
  editions_check.py accept DOCX OFF.docx     Accept All of DOCX gives OFF.docx's words
  editions_check.py reject DOCX OFF.docx     Reject All of DOCX gives OFF.docx's words
  editions_check.py more DOCX MAX            the box has at most MAX rows, the last "N değişiklik daha"
  editions_check.py tracked DOCX AUTHOR DATE every w:ins/w:del is by AUTHOR on DATE (ISO day)
  editions_check.py eml EXPECT EML           the message's text lists every ENTRY of EXPECT

Accept All and Reject All are written here over word/document.xml, as Word defines them:
accepting drops w:del and keeps the content of w:ins; rejecting drops w:ins and keeps the
content of w:del (its w:delText as text). The changes box (the table that starts with
"Değişiklikler") is no tracked change and is left out of the words.
"""
import json
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BOX_TITLE = "Değişiklikler"


def fail(msg):
    print("editions_check: " + msg, file=sys.stderr)
    sys.exit(1)


def expect(path):
    entries, bars = [], []
    for line in open(path, encoding="utf-8"):
        kind, _, text = line.rstrip("\n").partition("\t")
        (entries if kind == "ENTRY" else bars).append(text)
    return entries, bars


def body(docx):
    with zipfile.ZipFile(docx) as z:
        return ET.fromstring(z.read("word/document.xml")).find(W + "body")


def text_of(el, deleted=True):
    out = []
    for t in el.iter():
        if t.tag == W + "t" or (deleted and t.tag == W + "delText"):
            out.append(t.text or "")
        elif t.tag in (W + "tab", W + "br"):
            out.append(" ")
    return "".join(out)


def is_box(el):
    return el.tag == W + "tbl" and text_of(el).startswith(BOX_TITLE)


def words(docx, mode):
    """The body's words after Accept All ("accept"), Reject All ("reject") or as it is ("off")."""
    b = body(docx)
    drop = {"accept": W + "del", "reject": W + "ins"}.get(mode)
    out = []

    def walk(el):
        if is_box(el) or el.tag == drop:
            return
        if el.tag == W + "t" or (mode == "reject" and el.tag == W + "delText"):
            out.append(el.text or "")
        elif el.tag in (W + "tab", W + "br"):
            out.append(" ")
        elif el.tag == W + "p":
            for c in el:
                walk(c)
            out.append(" ")
            return
        for c in el:
            walk(c)

    walk(b)
    return "".join(out).split()


def box_rows(docx):
    for el in body(docx).iter(W + "tbl"):
        if is_box(el):
            return [" ".join(text_of(tr).split()) for tr in el.iter(W + "tr")]
    return []


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.replace("\u00ad", "").split())


def dump_lines(path):
    """(page, text, barred) of every laid-out line, its text from the runs on its baseline."""
    lines, runs = [], {}
    for row in open(path, encoding="utf-8"):
        m = re.match(r"page (\d+) line x=(\S+) y=(\S+) w=\S+ measure=(\S+) .*", row)
        if m:
            lines.append((int(m[1]), float(m[2]), float(m[3]), float(m[4]), "[change-bar]" in row))
            continue
        m = re.match(r'page (\d+) text x=(\S+) y=(\S+) .*? ("(?:[^"\\]|\\.)*")$', row.rstrip("\n"))
        if m:
            runs.setdefault((int(m[1]), round(float(m[3]), 1)), []).append((float(m[2]), json.loads(m[4])))
    out = []
    for page, x, y, measure, barred in lines:
        here = sorted(r for r in runs.get((page, round(y, 1)), []) if x - 1 <= r[0] <= x + measure + 1)
        out.append((page, " ".join(t for _, t in here), barred))
    return out


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "box":
        entries, _ = expect(args[0])
        pdf = pdf_text(args[1])
        rows = box_rows(args[2])
        if not rows:
            fail(f"{args[2]}: no changes box")
        if BOX_TITLE not in pdf:
            fail(f"{args[1]}: no changes box")
        for e in entries:
            if " ".join(e.split()) not in pdf:
                fail(f"{args[1]}: the box lacks {e!r}")
            if e not in rows:
                fail(f"{args[2]}: the box lacks {e!r}; it has {rows[1:]}")
        if len(rows) - 1 != len(entries):
            fail(f"{args[2]}: the box lists {rows[1:]}, expected {entries}")
    elif cmd == "bars":
        _, bars = expect(args[0])
        lines = dump_lines(args[1])
        barred = [(p, t) for p, t, b in lines if b]
        for want in bars:
            if not any(want in t for _, t in barred):
                fail(f"no change bar beside a line with {want!r}; barred: {barred}")
        for p, t in barred:
            if not any(want in t for want in bars):
                fail(f"a change bar on page {p} beside {t!r}, which holds no change")
    elif cmd == "none":
        if any(b for _, _, b in dump_lines(args[0])):
            fail(f"{args[0]}: change bars in an output without changes")
        xml = zipfile.ZipFile(args[1]).read("word/document.xml").decode("utf-8")
        if "<w:ins " in xml or "<w:del " in xml or box_rows(args[1]):
            fail(f"{args[1]}: tracked changes or a changes box in an output without changes")
    elif cmd in ("accept", "reject"):
        got, want = words(args[0], cmd), words(args[1], "off")
        if got != want:
            i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
            fail(f"{cmd} all of {args[0]} differs from {args[1]} at word {i}: {got[max(0, i - 5):i + 6]} "
                 f"vs {want[max(0, i - 5):i + 6]}")
    elif cmd == "more":
        rows = box_rows(args[0])
        if not rows or len(rows) - 1 > int(args[1]) or not rows[-1].endswith("değişiklik daha"):
            fail(f"{args[0]}: the box should be cut at {args[1]} rows with a count; it has {rows}")
    elif cmd == "tracked":
        b = body(args[0])
        marks = list(b.iter(W + "ins")) + list(b.iter(W + "del"))
        if not marks:
            fail(f"{args[0]}: no tracked changes")
        for m in marks:
            if m.get(W + "author") != args[1] or not (m.get(W + "date") or "").startswith(args[2]):
                fail(f"{args[0]}: a tracked change by {m.get(W + 'author')!r} on {m.get(W + 'date')!r}")
    elif cmd == "eml":
        import email
        from email import policy
        entries, _ = expect(args[0])
        with open(args[1], "rb") as f:
            msg = email.message_from_binary_file(f, policy=policy.default)
        text = msg.get_body(preferencelist=("plain",)).get_content()
        if BOX_TITLE not in text:
            fail(f"{args[1]}: the mail body does not list the changes")
        for e in entries:
            if "- " + e not in text:
                fail(f"{args[1]}: the mail body lacks {e!r}:\n{text}")
    else:
        fail("unknown command " + cmd)


if __name__ == "__main__":
    main()
