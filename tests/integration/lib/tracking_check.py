"""Checks the letterspaced header and footer in both outputs of one brief.

Usage: tracking_check.py QDF_PDF DOCX PAGE1_TEXT TC TWIPS MARK

QDF_PDF is the PDF after `qpdf --qdf` (page content streams uncompressed, each after a
"%% Contents for page N" comment). Every page's stream must set the character spacing TC with
the Tc operator, after the page's last other text (the header and footer are drawn last), and
set no other Tc. PAGE1_TEXT (pdftotext of page 1) must hold MARK's words whole. The DOCX's
Header and Footer paragraph styles must carry <w:spacing w:val="TWIPS"/> in their rPr.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def page_streams(qdf: bytes):
    parts = re.split(rb"%% Contents for page (\d+)\n", qdf)
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        start = body.find(b"stream\n")
        end = body.find(b"\nendstream")
        yield int(parts[i]), body[start + 7:end]


def main() -> int:
    qdf_path, docx_path, text_path, tc, twips, mark = sys.argv[1:7]
    problems = []
    pages = 0
    for n, stream in page_streams(open(qdf_path, "rb").read()):
        pages += 1
        sets = [(m.start(), float(m.group(1))) for m in re.finditer(rb"(-?[0-9.]+) Tc\b", stream)]
        if [v for _, v in sets] != [float(tc)]:
            problems.append(f"page {n}: Tc operators {[v for _, v in sets]}, expected one {tc} Tc")
            continue
        shown = [m.start() for m in re.finditer(rb"\]TJ", stream)]
        before = [s for s in shown if s < sets[0][0]]
        after = [s for s in shown if s > sets[0][0]]
        if not before or not after:
            problems.append(f"page {n}: Tc should come between the body's text ({len(before)} TJ) "
                            f"and the header's ({len(after)} TJ)")
    if pages == 0:
        problems.append("no page content streams found (not a qpdf --qdf file?)")

    words = open(text_path, encoding="utf-8").read().split()
    for w in mark.split():
        if w not in words:
            problems.append(f"pdftotext of page 1 lacks the word {w!r} (letters split by the tracking?)")

    with zipfile.ZipFile(docx_path) as z:
        root = ET.fromstring(z.read("word/styles.xml"))
    for name in ("header", "footer"):
        st = [s for s in root.iter(W + "style")
              if (s.find(W + "name") is not None and s.find(W + "name").get(W + "val") == name)]
        if not st:
            problems.append(f"DOCX: no style named {name!r}")
            continue
        sp = st[0].find(f"{W}rPr/{W}spacing")
        val = sp.get(W + "val") if sp is not None else None
        if val != twips:
            problems.append(f"DOCX: style {name!r} has w:spacing w:val={val!r}, expected {twips!r}")

    if problems:
        print("\n".join(problems))
        return 1
    print(f"{pages} pages set {tc} Tc for the header and footer; page 1 reads {mark!r}; "
          f"DOCX header and footer styles have w:spacing {twips}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
