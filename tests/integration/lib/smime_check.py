"""Reads S/MIME messages back for tests/integration/smime.sh, with Python's email package and
plain byte slicing (RFC 2046), never with briefmake's code.

  smime_check.py entity EML OUT
      the MIME entity EML's body forms: its Content-* header fields, a blank line, the body (the
      bytes a signature covers and an encryption hides)
  smime_check.py cut-signed EML CONTENT SIG_DER
      the first part of a multipart/signed message, byte for byte, and its signature (DER)
  smime_check.py signed ORIGINAL EML OUTDIR
      EML is ORIGINAL signed: multipart/signed (protocol, micalg sha-256), the same top-level header
      fields as ORIGINAL, and a first part whose attachments equal the files in OUTDIR
  smime_check.py encrypted ORIGINAL EML
      EML is ORIGINAL encrypted: application/pkcs7-mime; smime-type=enveloped-data, smime.p7m,
      base64, the same top-level header fields as ORIGINAL
  smime_check.py attachments ENTITY OUTDIR
      ENTITY (a decrypted entity) parses without defects and its attachments equal OUTDIR's files
  smime_check.py tamper EML OUT
      EML with one base64 letter of its first attachment changed (still valid base64 and MIME)
Exit status 1 with the reasons on stderr when a check fails.
"""
import base64
import email
import email.policy
import glob
import os
import re
import sys

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
problems = []


def check(cond, msg):
    if not cond:
        problems.append(msg)


def split(raw):
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise SystemExit("no blank line after the header")
    return head + b"\r\n", body


def fields(head):
    """The header fields, each with its folded lines and CRLF, in order."""
    return [f for f in re.split(rb"\r\n(?=[^ \t])", head[:-2])]


def is_content(field):
    return field.lower().startswith(b"content-")


def entity(raw):
    head, body = split(raw)
    return b"".join(f + b"\r\n" for f in fields(head) if is_content(f)) + b"\r\n" + body


def boundary_of(raw):
    head, _ = split(raw)
    m = re.search(rb'boundary="([^"]+)"', head)
    if not m:
        raise SystemExit("no boundary parameter")
    return m.group(1)


def cut_signed(raw):
    """RFC 2046 §5.1.1: the CRLF before a delimiter line belongs to the delimiter."""
    _, body = split(raw)
    delim = b"\r\n--" + boundary_of(raw)
    first = body.index(delim) + len(delim) + 2
    second = body.index(delim + b"\r\n", first)
    close = body.index(delim + b"--", second + len(delim))
    sig_part = body[second + len(delim) + 2:close]
    sig_head, sig_b64 = split(sig_part)
    return body[first:second], sig_head, base64.b64decode(b"".join(sig_b64.split()))


def outputs(outdir):
    pdf = glob.glob(os.path.join(outdir, "*.pdf"))
    docx = glob.glob(os.path.join(outdir, "*.docx"))
    check(len(pdf) == 1 and len(docx) == 1, f"{outdir}: expected one PDF and one DOCX, found {pdf} {docx}")
    return {PDF: open(pdf[0], "rb").read(), DOCX: open(docx[0], "rb").read()}


def check_attachments(msg, outdir, what):
    want = outputs(outdir)
    atts = list(msg.iter_attachments())
    check([a.get_content_type() for a in atts] == [PDF, DOCX],
          f"{what}: attachments {[a.get_content_type() for a in atts]}")
    for a in atts:
        if a.get_content_type() in want:
            check(a.get_content() == want[a.get_content_type()],
                  f"{what}: the {a.get_content_type()} attachment differs from the rendered file")
    body = msg.get_body(("plain",))
    check(body is not None and "Toplantı" in body.get_content(), f"{what}: no text part naming the meeting")


def parse(raw, what):
    m = email.message_from_bytes(raw, policy=email.policy.default)
    check(not m.defects, f"{what}: defects {m.defects}")
    return m


def same_top(original, raw, what):
    want = [f for f in fields(split(original)[0]) if not is_content(f)]
    got = [f for f in fields(split(raw)[0]) if not is_content(f)]
    check(got == want, f"{what}: top-level header fields differ:\n  {got}\n  {want}")
    for line in split(raw)[0].split(b"\r\n"):
        check(len(line) <= 78 and line.isascii(), f"{what}: header line {line[:90]!r}")
    check(b"\n" not in raw.replace(b"\r\n", b""), f"{what}: a bare LF")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "entity":
        open(args[1], "wb").write(entity(open(args[0], "rb").read()))
    elif cmd == "cut-signed":
        content, _, sig = cut_signed(open(args[0], "rb").read())
        open(args[1], "wb").write(content)
        open(args[2], "wb").write(sig)
    elif cmd == "signed":
        original, raw = open(args[0], "rb").read(), open(args[1], "rb").read()
        same_top(original, raw, args[1])
        m = parse(raw, args[1])
        check(m.get_content_type() == "multipart/signed", f"{args[1]}: {m.get_content_type()}")
        check(m.get_param("protocol") == "application/pkcs7-signature", f"{args[1]}: protocol {m.get_param('protocol')}")
        check(m.get_param("micalg") == "sha-256", f"{args[1]}: micalg {m.get_param('micalg')}")
        parts = m.get_payload()
        check(len(parts) == 2, f"{args[1]}: {len(parts)} parts")
        check(parts[0].get_content_type() == "multipart/mixed", f"{args[1]}: first part {parts[0].get_content_type()}")
        check(parts[1].get_content_type() == "application/pkcs7-signature",
              f"{args[1]}: second part {parts[1].get_content_type()}")
        check(parts[1].get_filename() == "smime.p7s", f"{args[1]}: signature file name {parts[1].get_filename()}")
        check_attachments(parts[0], args[2], args[1])
        content, _, _ = cut_signed(raw)
        check(content == entity(original), f"{args[1]}: the signed part is not the original entity byte for byte")
    elif cmd == "encrypted":
        original, raw = open(args[0], "rb").read(), open(args[1], "rb").read()
        same_top(original, raw, args[1])
        m = parse(raw, args[1])
        check(m.get_content_type() == "application/pkcs7-mime", f"{args[1]}: {m.get_content_type()}")
        check(m.get_param("smime-type") == "enveloped-data", f"{args[1]}: smime-type {m.get_param('smime-type')}")
        check(m.get_filename() == "smime.p7m", f"{args[1]}: file name {m.get_filename()}")
        check(m["Content-Transfer-Encoding"] == "base64", f"{args[1]}: transfer encoding")
        body = split(raw)[1]
        check(b"Content-Type" not in body and b"JVBERi" not in body,  # "JVBERi": base64 of "%PDF"
              f"{args[1]}: clear text in the encrypted body")
    elif cmd == "attachments":
        raw = open(args[0], "rb").read()
        m = parse(raw, args[0])
        if m.get_content_type() == "multipart/signed":
            m = m.get_payload()[0]
        check_attachments(m, args[1], args[0])
    elif cmd == "tamper":
        raw = open(args[0], "rb").read()
        # The middle of the first base64 line after "Content-Type: application/pdf".
        at = raw.index(b"Content-Type: application/pdf")
        at = raw.index(b"\r\n\r\n", at) + 4 + 40
        c = raw[at:at + 1]
        assert re.fullmatch(rb"[A-Za-z0-9+/]", c), c
        open(args[1], "wb").write(raw[:at] + (b"B" if c != b"B" else b"C") + raw[at + 1:])
    else:
        raise SystemExit(f"unknown command {cmd}")
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


main()
