#!/usr/bin/env python3
"""The PDF writer's samples (tests/integration/write_samples.cpp) read back with programs nobody
here wrote: poppler (pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm), qpdf, Ghostscript and
xmllint. These were the checks of tests/unit/pdf_writer.cpp that run those programs:

  sample.pdf       text with the right letters and the hyphenated word whole (a soft hyphen at
                   the line end, never U+002D); text and graphics where the layout put them
                   (sectors clockwise from 12 o'clock); the hyphen visible; three embedded subset
                   faces with unicode maps, no warnings; qpdf finds no errors; the info (UTF-8
                   title, A4, dates); bookmarks nest, links point where they should, no link
                   borders; images embedded, an alpha mask for the RGBA PNG only; poppler and
                   Ghostscript render it without complaint
  sample-pdfa.pdf  PDF/A-2b: an XMP packet that is well-formed and agrees with the info, sRGB
                   output intent, /ID, printable links
  tj-line.pdf      each word of a line written in one TJ starts where the layout put it; one
                   text object for the page
  two-byte.pdf     a face with more than 256 glyphs uses two-byte codes (Identity-H), a face
                   with few one-byte codes, and the text extracts the same
  fallback.pdf     a face without a visible soft hyphen draws '-' inside /ActualText: the text
                   extracts as a soft hyphen, and the page differs from fallback-plain.pdf's

Prints one line per failed check and exits 1 if there is any.

  pdf_writer_readback.py DIR
"""
import json
import os
import re
import subprocess
import sys

d = sys.argv[1]
facts = json.load(open(os.path.join(d, "samples.json"), encoding="utf-8"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(*cmd, text=True):
    """(status, stdout, stderr) of a program, decoded as UTF-8 unless text is False."""
    r = subprocess.run(list(cmd), capture_output=True)
    if text:
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    return r.returncode, r.stdout, r.stderr


def approx(a, b, epsilon):
    """doctest's Approx(b).epsilon(epsilon) == a: relative, with scale 1."""
    return abs(a - b) < epsilon * (1 + max(abs(a), abs(b)))


def slurp(path):
    return open(path, "rb").read()


# ---- sample.pdf ----
f = os.path.join(d, "sample.pdf")

# text extracts with the right letters, the hyphenated word whole
st, out, err = run("pdftotext", "-enc", "UTF-8", f, "-")
if check(st == 0, f"sample.pdf: pdftotext exit {st}"):
    check(err == "", f"sample.pdf: pdftotext says {err!r}")
    for w in ("ağaç", "ışık", "İstanbul", "şeker", "öğün", "üzüm", "Қазақ", "әңгіме", "ұлт", "қала", "өнер", "үй",
              "Eğik", "Қорытынды", "güle güle"):
        check(w in out, f"sample.pdf: the text lacks {w!r}")
    # The drawn hyphen extracts as a soft hyphen at the line end, never as U+002D.
    check("ilişki\u00ad\nlerin" in out, "sample.pdf: no soft hyphen at the end of 'ilişki'")
    check("ilişkilerin" in out.replace("\u00ad\n", ""), "sample.pdf: 'ilişkilerin' is not whole")
    check("ilişki-" not in out, "sample.pdf: 'ilişki-' with a hard hyphen")

# text lands where the layout put it (origin top-left, y = baseline): poppler reports word boxes
# top-down too, so the baseline at y=100 lies between yMin (ascender) and yMax (descender)
st, out, err = run("pdftotext", "-bbox", "-f", "1", "-l", "1", f, "-", text=False)
word = b'<word xMin="72.000000" yMin="'
at = out.find(word)
if check(st == 0 and at >= 0, "sample.pdf: no word at x=72 in pdftotext -bbox"):
    m = re.match(rb'([-+0-9.eE]+)" xMax="[-+0-9.eE]+" yMax="([-+0-9.eE]+)', out[at + len(word):])
    if check(m is not None, "sample.pdf: cannot read the word box"):
        ymin, ymax = float(m.group(1)), float(m.group(2))
        check(approx(ymin, 100 - facts["ascender_12pt"], 0.01), f"sample.pdf: yMin {ymin}, expected 100 - ascender")
        check(ymin < 100 and 100 < ymax < 104, f"sample.pdf: the baseline 100 is not inside yMin {ymin}, yMax {ymax}")
        check(">Türkçe:</word>".encode() in out[at:at + 200], "sample.pdf: the first word is not 'Türkçe:'")


# graphics land where the layout put them, sectors clockwise from 12 o'clock
def pixel(x, y):
    prefix = os.path.join(d, "px")
    st, _, _ = run("pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-x", str(x), "-y", str(y), "-W", "1", "-H", "1", f,
                   prefix)
    ppm = slurp(prefix + "-1.ppm") if st == 0 else b""
    return "%02X%02X%02X" % tuple(ppm[-3:]) if len(ppm) >= 3 else f"(pdftoppm exit {st})"


for x, y, want, where in ((120, 260, "DDEEFF", "inside the rectangle (72,240 100x40)"), (120, 300, "FFFFFF", "below it"),
                          # Around the centre (400,270), r=30; counter-clockwise drawing would swap
                          # the colours of all three points.
                          (415, 258, "448822", "51 degrees: the first sector (0..135)"),
                          (425, 280, "448822", "112 degrees: still the first"),
                          (385, 282, "224488", "231 degrees: the second sector (135..360)")):
    got = pixel(x, y)
    check(got == want, f"sample.pdf: pixel ({x},{y}) is {got}, expected {want} ({where})")

# the hyphen is visible: the spot right after "ilişki" rendered at 4x (1 pt = 4 px) has dark pixels
x0, w = facts["hyphen_x"], facts["hyphen_width"]
prefix = os.path.join(d, "hy")
st, _, err = run("pdftoppm", "-r", "288", "-gray", "-f", "1", "-l", "1", "-x", str(int(x0 * 4)), "-y",
                 str(int((200 - 6) * 4)), "-W", str(int(w * 4)), "-H", "24", f, prefix)
if check(st == 0, f"sample.pdf: pdftoppm exit {st}"):
    check(err == "", f"sample.pdf: pdftoppm says {err!r}")
    pgm = slurp(prefix + "-1.pgm")
    m = re.match(rb"\s*(\S+)\s+(\d+)\s+(\d+)\s+(\d+)", pgm)  # P5 header: magic, width, height, maxval
    if check(len(pgm) > 20 and m is not None and m.group(1) == b"P5", "sample.pdf: pdftoppm wrote no P5 image"):
        pw, ph, start = int(m.group(2)), int(m.group(3)), m.end() + 1
        if check(len(pgm) >= start + pw * ph, "sample.pdf: the P5 image is short"):
            dark = sum(1 for b in pgm[start:start + pw * ph] if b < 128)
            check(dark >= 8, f"sample.pdf: {dark} dark pixels where the hyphen is drawn, expected at least 8")

# fonts are embedded subsets with unicode maps and no warnings
st, out, err = run("pdffonts", f)
if check(st == 0, f"sample.pdf: pdffonts exit {st}"):
    check(err == "", f"sample.pdf: pdffonts says {err!r}")
    faces = 0
    for line in out.split("\n"):
        if "CID TrueType" not in line:
            continue
        faces += 1
        check("+LiberationSerif" in line, f"sample.pdf: not a Liberation Serif subset: {line}")
        # Few glyphs per face: one-byte codes through our embedded CMap.
        check("Custom           yes yes yes" in line, f"sample.pdf: not one-byte codes, embedded, subset, ToUnicode: {line}")
    check(faces == 3, f"sample.pdf: {faces} CID TrueType faces, expected 3")
# pdftotext parses every ToUnicode CMap: libharu's own made poppler warn here.
_, _, err = run("pdftotext", "-enc", "UTF-8", f, "/dev/null")
check(err == "", f"sample.pdf: pdftotext warns: {err!r}")

# qpdf finds no errors
st, out, err = run("qpdf", "--check", f)
check(st == 0, f"sample.pdf: qpdf --check exit {st}")
check("No syntax or stream encoding errors found" in out, f"sample.pdf: qpdf --check says {out!r}")
check("WARNING" not in out + err, f"sample.pdf: qpdf --check warns: {out + err!r}")

# info: UTF-8 title, pages, A4, dates from the layout
st, out, err = run("pdfinfo", "-isodates", f)
if check(st == 0, f"sample.pdf: pdfinfo exit {st}"):
    check(err == "", f"sample.pdf: pdfinfo says {err!r}")
    for want in ("Title:           Yıllık Rapor — Қазақстан\n", "Author:          Ayşe Yılmaz\n",
                 "Keywords:        rapor, şirket\n", "Creator:         briefmake\n", "Pages:           2\n",
                 "PDF version:     1.7\n",  # tagged as PDF/UA-1 (ISO 32000-1); object streams need 1.5
                 "Page size:       595.276 x 841.89 pts (A4)", "CreationDate:    2023-11-14T22:13:20Z",
                 "ModDate:         2023-11-14T22:13:20Z"):
        check(want in out, f"sample.pdf: pdfinfo lacks {want!r}")

# bookmarks nest by level, links point where they should
st, out, _ = run("qpdf", "--json", "--json-key=outlines", f)
kids = out.find('"kids": [')
if check(st == 0 and kids >= 0, "sample.pdf: qpdf --json lists no outline kids"):
    # qpdf lists an item's "kids" before its "title": the first kids array must hold
    # "Ağaçlar ve ışık" (level 2) and nothing else, followed by its parent "Giriş".
    end, depth = kids + 9, 1
    while depth > 0 and end < len(out):
        depth += 1 if out[end] == "[" else -1 if out[end] == "]" else 0
        end += 1
    first_kids = out[kids:end]
    check('"title": "Ağaçlar ve ışık"' in first_kids, "sample.pdf: 'Ağaçlar ve ışık' is not the first child")
    check("Giriş" not in first_kids and "Қорытынды" not in first_kids, "sample.pdf: a level-1 bookmark among the kids")
    giris, last = out.find('"title": "Giriş"'), out.find('"title": "Қорытынды"')
    check(giris >= 0 and last >= 0 and end < giris < last, "sample.pdf: bookmarks are not Giriş (with its kid), Қорытынды")
    check('"destpageposfrom1": 2' in out, "sample.pdf: no bookmark points at page 2")
qdf = os.path.join(d, "qdf.pdf")
st, _, _ = run("qpdf", "--qdf", "--object-streams=disable", f, qdf)
if check(st == 0, f"sample.pdf: qpdf --qdf exit {st}"):
    q = slurp(qdf)
    for want in (b"/URI (https://example.org/ara?q=%C5%9F)", b"/Lang (tr)", b"/PageMode /UseOutlines",
                 b"/ToUnicode"):
        check(want in q, f"sample.pdf: no {want.decode()}")
    # The ToUnicode streams carry no leftover keys of libharu's encoding CMap.
    check(b"/CMapName /UTF-8" not in q, "sample.pdf: /CMapName /UTF-8 left in a ToUnicode stream")
    # Links carry no visible border.
    check(q.count(b"/Subtype /Link") == 2, f"sample.pdf: {q.count(b'/Subtype /Link')} links, expected 2")
    check(b"/Border [0 0 1]" not in q, "sample.pdf: a link with a visible border")

# images are embedded, with an alpha mask for the RGBA PNG
st, out, err = run("pdfimages", "-list", f)
if check(st == 0, f"sample.pdf: pdfimages exit {st}"):
    check(err == "", f"sample.pdf: pdfimages says {err!r}")
    check("smask" in out and "jpeg" in out, f"sample.pdf: no smask or no jpeg in {out!r}")
    images = sum(1 for l in out.split("\n") if " image " in l and " smask " not in l)
    masks = sum(1 for l in out.split("\n") if " smask " in l)
    check(images == 3, f"sample.pdf: {images} images, expected 3")
    check(masks == 1, f"sample.pdf: {masks} soft masks, expected 1 (the opaque RGB PNG gets none)")

# the whole document renders without complaint (poppler and Ghostscript)
st, _, err = run("pdftoppm", "-r", "36", "-gray", f, os.path.join(d, "page"))
check(st == 0 and err == "", f"sample.pdf: pdftoppm exit {st}: {err!r}")
st, out, err = run("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", f)
check(st == 0 and out + err == "", f"sample.pdf: Ghostscript exit {st}: {out + err!r}")

# ---- sample-pdfa.pdf: XMP matching the info, sRGB output intent, /ID, printable links ----
f = os.path.join(d, "sample-pdfa.pdf")
st, out, err = run("pdfinfo", "-meta", f)
if check(st == 0, f"sample-pdfa.pdf: pdfinfo -meta exit {st}"):
    check(err == "", f"sample-pdfa.pdf: pdfinfo -meta says {err!r}")
    for want in ('<rdf:li xml:lang="x-default">Yıllık Rapor — Қазақстан</rdf:li>', "<rdf:li>Ayşe Yılmaz</rdf:li>",
                 "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>",
                 "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>"):
        check(want in out, f"sample-pdfa.pdf: the XMP lacks {want!r}")
    # The packet is well-formed XML.
    start, end = out.find("<x:xmpmeta"), out.find("</x:xmpmeta>")
    if check(start >= 0 and end >= 0, "sample-pdfa.pdf: no x:xmpmeta packet"):
        xmp = os.path.join(d, "xmp.xml")
        open(xmp, "w", encoding="utf-8").write(out[start:end + 12])
        st, _, err = run("xmllint", "--noout", xmp)
        check(st == 0 and err == "", f"sample-pdfa.pdf: the XMP packet is not well-formed: {err!r}")
# ... and agrees with the info dictionary.
_, out, _ = run("pdfinfo", "-isodates", f)
check("Producer:        Haru Free PDF Library 2.3.0\n" in out, "sample-pdfa.pdf: the info's Producer differs")
check("CreationDate:    2023-11-14T22:13:20Z" in out, "sample-pdfa.pdf: the info's CreationDate differs")
st, out, err = run("qpdf", "--check", f)
check(st == 0, f"sample-pdfa.pdf: qpdf --check exit {st}")
check("WARNING" not in out + err, f"sample-pdfa.pdf: qpdf --check warns: {out + err!r}")
qdf = os.path.join(d, "q.pdf")
st, _, _ = run("qpdf", "--qdf", "--object-streams=disable", f, qdf)
if check(st == 0, f"sample-pdfa.pdf: qpdf --qdf exit {st}"):
    q = slurp(qdf)
    for want in (b"/S /GTS_PDFA1", b"/OutputConditionIdentifier (sRGB IEC61966-2.1)", b"/DestOutputProfile",
                 b"/Type /Metadata", b"/ID ["):
        check(want in q, f"sample-pdfa.pdf: no {want.decode()}")
    check(q.count(b"/F 4") == 2, f"sample-pdfa.pdf: {q.count(b'/F 4')} printable annotations, expected 2")
_, out, err = run("pdftotext", "-enc", "UTF-8", f, "-")
check(err == "", f"sample-pdfa.pdf: pdftotext says {err!r}")
check("әңгіме" in out, "sample-pdfa.pdf: the text lacks 'әңгіме'")

# ---- tj-line.pdf: runs of a line in one TJ, each word where the layout put it ----
f = os.path.join(d, "tj-line.pdf")
st, out, _ = run("pdftotext", "-bbox", "-f", "1", "-l", "1", f, "-")
if check(st == 0, f"tj-line.pdf: pdftotext exit {st}"):
    x_of = {}
    for line in out.split("\n"):
        m = re.match(r'\s*<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" yMax="([^"]+)">([^<]{1,255})', line)
        if m:
            x_of[m.group(5)] = float(m.group(1))
    words = facts["tj_words"]
    if check(len(x_of) == len(words) + 2, f"tj-line.pdf: words {sorted(x_of)}"):
        for x, w in words:
            # TJ adjustments are whole thousandths of the size: 12/2000 pt at most, never summed up.
            check(w in x_of and abs(x_of[w] - x) < 0.007, f"tj-line.pdf: {w!r} at {x_of.get(w)}, the layout put it at {x}")
        check(abs(x_of.get("İkinci", 0) - 72) < 0.007, f"tj-line.pdf: 'İkinci' at {x_of.get('İkinci')}, not 72")
# One text object for the page; no per-word text matrix.
st, out, _ = run("qpdf", "--qdf", "--object-streams=disable", f, "-", text=False)
ends = sum(1 for l in out.split(b"\n") if re.search(rb"(Tm|BT)$", l))
check(st == 0 and ends == 1, f"tj-line.pdf: {ends} lines end in Tm or BT, expected 1")

# ---- two-byte.pdf: more than 256 glyphs in a face ----
f = os.path.join(d, "two-byte.pdf")
_, out, err = run("pdffonts", f)
check(err == "", f"two-byte.pdf: pdffonts says {err!r}")
faces = 0
for line in out.split("\n"):
    if "+LiberationSerif " in line:
        faces += 1
        check("Identity-H       yes yes yes" in line, f"two-byte.pdf: not two-byte codes (Identity-H): {line}")
    if "+LiberationSerif-Bold" in line:
        faces += 1
        check("Custom           yes yes yes" in line, f"two-byte.pdf: not one-byte codes: {line}")
check(faces == 2, f"two-byte.pdf: {faces} faces, expected 2")
_, out, err = run("pdftotext", "-enc", "UTF-8", f, "-")
check(err == "", f"two-byte.pdf: pdftotext says {err!r}")
for s in facts["two_byte_lines"] + ["ağaç"]:
    check(s in out, f"two-byte.pdf: the text lacks {s!r}")
st, _, _ = run("qpdf", "--check", f)
check(st == 0, f"two-byte.pdf: qpdf --check exit {st}")

# ---- fallback.pdf: a face without a visible soft hyphen, '-' drawn inside /ActualText ----
f, plain = os.path.join(d, "fallback.pdf"), os.path.join(d, "fallback-plain.pdf")
st, out, err = run("pdftotext", "-enc", "UTF-8", f, "-")
if check(st == 0, f"fallback.pdf: pdftotext exit {st}"):
    check(err == "", f"fallback.pdf: pdftotext says {err!r}")
    check("ilişki\u00ad\nlerin" in out, f"fallback.pdf: no soft hyphen at the line end: {out!r}")
    check("ilişki-" not in out, "fallback.pdf: 'ilişki-' with a hard hyphen")
st, out, err = run("qpdf", "--check", f)
check(st == 0, f"fallback.pdf: qpdf --check exit {st}")
check("WARNING" not in out + err, f"fallback.pdf: qpdf --check warns: {out + err!r}")
_, out, _ = run("pdfinfo", f)
check("PDF version:     1.7\n" in out, "fallback.pdf: not PDF 1.7 (/ActualText needs 1.5)")
# The '-' is drawn: the rendered page differs from one without the hyphen.
run("pdftoppm", "-r", "144", "-gray", f, os.path.join(d, "with"))
run("pdftoppm", "-r", "144", "-gray", plain, os.path.join(d, "without"))
with_, without = slurp(os.path.join(d, "with-1.pgm")), slurp(os.path.join(d, "without-1.pgm"))
if check(len(with_) == len(without) and len(with_) > 1000, "fallback.pdf: the two renderings differ in size"):
    check(with_ != without, "fallback.pdf: the hyphen is not drawn (the page is the same without it)")

for line in failures:
    print(line)
sys.exit(1 if failures else 0)
