"""Checks a brief rendered with a reference document (tests/integration/reference_doc.sh).

  refdoc_check.py styles OUT.docx STYLE=FONT/SIZE/BOLD/COLOR ...
      each named style of the output DOCX, resolved through basedOn, docDefaults and the theme as
      Word resolves them, has that font, size (pt), bold (1/0) and colour (hex, or "-" for any;
      +-3 per channel, Word rounds theme shades its own way). Also: no external relationship in
      the package, and the header part is the reference's (its text is in it).
  refdoc_check.py bbox BBOX.html LEFT HEADER_WORD HEADER_X
      from pdftotext -bbox of page 1: the body text starts at LEFT (pt, +-1.5), HEADER_WORD
      starts at HEADER_X above the body.
  refdoc_check.py ratio PAGE.xml HEADING_WORD BODY_WORD RATIO
      from pdftohtml -xml -zoom 4 of page 1: the font size of the first text holding HEADING_WORD
      over that of the first holding BODY_WORD is RATIO (+-4 %, pdftohtml rounds sizes).
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def fail(msg):
    print("FAIL: " + msg)
    return 1


def theme_fonts(z):
    try:
        t = ET.fromstring(z.read("word/theme/theme1.xml"))
    except KeyError:
        return {}
    fs = t.find(f"{A}themeElements/{A}fontScheme")
    return {"major": fs.find(f"{A}majorFont/{A}latin").get("typeface"),
            "minor": fs.find(f"{A}minorFont/{A}latin").get("typeface")}


def resolve(z):
    root = ET.fromstring(z.read("word/styles.xml"))
    theme = theme_fonts(z)
    by_id = {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}

    def props(rpr, d):
        if rpr is None:
            return
        f = rpr.find(f"{W}rFonts")
        if f is not None:
            th = f.get(f"{W}asciiTheme")
            if th:
                d["font"] = theme["major" if th.startswith("major") else "minor"]
            elif f.get(f"{W}ascii"):
                d["font"] = f.get(f"{W}ascii")
        sz = rpr.find(f"{W}sz")
        if sz is not None:
            d["size"] = int(sz.get(f"{W}val")) / 2
        b = rpr.find(f"{W}b")
        if b is not None:
            d["bold"] = b.get(f"{W}val", "1") not in ("0", "false", "off")
        c = rpr.find(f"{W}color")
        if c is not None:
            d["color"] = c.get(f"{W}val")

    base = {"font": "Times New Roman", "size": 10, "bold": False, "color": "auto"}
    props(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), base)
    out = {}
    for sid, s in by_id.items():
        chain, cur = [], sid
        while cur in by_id and cur not in chain and len(chain) < 50:
            chain.append(cur)
            b = by_id[cur].find(f"{W}basedOn")
            cur = b.get(f"{W}val") if b is not None else None
        d = dict(base)
        for c in reversed(chain):
            props(by_id[c].find(f"{W}rPr"), d)
        out[by_id[sid].find(f"{W}name").get(f"{W}val").lower()] = d
    return out


def styles(docx, expects):
    bad = 0
    with zipfile.ZipFile(docx) as z:
        got = resolve(z)
        for name in z.namelist():
            if not name.endswith(".rels"):
                continue
            for rel in ET.fromstring(z.read(name)):
                # The brief's own links are external by nature; nothing else may be.
                if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink"):
                    bad += fail(f"{name} holds an external relationship to {rel.get('Target')}")
        if b"attachedTemplate" in z.read("word/settings.xml"):
            bad += fail("word/settings.xml names an attached template")
    for e in expects:
        name, want = e.split("=", 1)
        font, size, bold, color = want.split("/")
        g = got.get(name.lower())
        if g is None:
            bad += fail(f"the DOCX has no style named {name!r}")
            continue
        if g["font"] != font:
            bad += fail(f"style {name!r}: font {g['font']!r}, expected {font!r}")
        if abs(g["size"] - float(size)) > 0.01:
            bad += fail(f"style {name!r}: size {g['size']}, expected {size}")
        if g["bold"] != (bold == "1"):
            bad += fail(f"style {name!r}: bold {g['bold']}, expected {bold == '1'}")
        if color != "-":
            gc = g["color"]
            ok = re.fullmatch(r"[0-9A-Fa-f]{6}", gc or "") and all(
                abs(int(gc[i:i + 2], 16) - int(color[i:i + 2], 16)) <= 3 for i in (0, 2, 4))
            if not ok:
                bad += fail(f"style {name!r}: colour {gc}, expected {color}")
    return bad


def table(docx, dump, style_name, fill, header_color, size):
    """The DOCX's ruled tables take the reference's table style STYLE_NAME, whose header row is
    shaded FILL; the PDF's layout (--dump-layout) shades header rows FILL, rules tables in FILL
    (the reference's rules are that colour too), with header text in HEADER_COLOR at SIZE points."""
    bad = 0
    with zipfile.ZipFile(docx) as z:
        st = ET.fromstring(z.read("word/styles.xml"))
        body = ET.fromstring(z.read("word/document.xml"))
    sid = None
    for s in st.iter(W + "style"):
        n = s.find(W + "name")
        if s.get(W + "type") == "table" and n is not None and n.get(W + "val") == style_name:
            sid = s.get(W + "styleId")
            fills = [shd.get(W + "fill") for p in s.iter(W + "tblStylePr") if p.get(W + "type") == "firstRow"
                     for shd in p.iter(W + "shd")]
            if fill not in fills:
                bad += fail(f"table style {style_name!r}: header row fill {fills}, expected {fill}")
    if sid is None:
        return fail(f"the DOCX has no table style named {style_name!r}")
    used = [t.get(W + "val") for t in body.iter(W + "tblStyle")]
    if sid not in used:
        bad += fail(f"no table uses the reference's table style {sid!r}: {used}")
    if "BriefTable" in used:
        bad += fail("a table still uses our own BriefTable style")
    lines = open(dump, encoding="utf-8").read().splitlines()
    if not any(" rect " in l and f"fill={fill}" in l for l in lines):
        bad += fail(f"the PDF's layout has no rectangle filled {fill}")
    if not any(" rule " in l and f"color={fill}" in l for l in lines):
        bad += fail(f"the PDF's layout has no rule in {fill} (the table's rules)")
    # The style's vertical rules (left, insideV, right), drawn by Word and LibreOffice, are the
    # PDF's too: on some page, upright rules in FILL at three or more places across.
    upright = {}
    for l in lines:
        m = re.match(r"page (\d+) rule x1=([\d.]+) y1=([\d.]+) x2=([\d.]+) y2=([\d.]+) .*color=(\w+)", l)
        if m and m.group(2) == m.group(4) and m.group(3) != m.group(5) and m.group(6) == fill:
            upright.setdefault(m.group(1), set()).add(m.group(2))
    if not any(len(xs) >= 3 for xs in upright.values()):
        bad += fail(f"the PDF's layout has no vertical table rules in {fill}: {upright}")
    if not any(" text " in l and f"color={header_color}" in l and f" size={size} " in l for l in lines):
        bad += fail(f"the PDF's layout has no text in {header_color} at {size} pt (the header row)")
    return bad


def bbox(path, left, header_word, header_x):
    text = open(path, encoding="utf-8").read()
    page = text.split("</page>")[0]
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
    bad = 0
    hw = [w for w in words if w[4] == header_word]
    if not hw:
        return fail(f"no header word {header_word!r} on page 1")
    h = hw[0]
    if abs(h[0] - float(header_x)) > 1.5:
        bad += fail(f"header word {header_word!r} starts at x={h[0]}, expected {header_x}")
    body = [w for w in words if w[1] > h[3] + 5]
    xs = sorted(w[0] for w in body)
    # The body's left edge: the most common smallest x (centred lines start further in).
    if not xs or abs(xs[0] - float(left)) > 1.5:
        bad += fail(f"the body starts at x={xs[0] if xs else None}, expected the left margin {left}")
    if h[1] > min(w[1] for w in body):
        bad += fail(f"header word {header_word!r} is not above the body")
    print(f"body at x={xs[0]}, header at x={h[0]} (expected {left}, {header_x})")
    return bad


def ends(path, word, want):
    """WORD's right edge on page 1 of a pdftotext -bbox file is at WANT (within 1.5 pt)."""
    page = open(path, encoding="utf-8").read().split("</page>")[0]
    xs = [float(x) for x in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">' + re.escape(word) + "</word>", page)]
    if not xs:
        return fail(f"no word {word!r} on page 1")
    if abs(xs[0] - float(want)) > 1.5:
        return fail(f"{word!r} ends at x={xs[0]}, expected {want}")
    print(f"{word} ends at x={xs[0]} (expected {want})")
    return 0


def ratio(path, heading_word, body_word, want):
    text = open(path, encoding="utf-8").read()
    sizes = {m[0]: float(m[1]) for m in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)"', text)}

    def size(word):
        for font, body in re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', text):
            if word.lower() in re.sub(r"<[^>]+>", "", body).lower():
                return sizes.get(font)
        return None

    hs, bs = size(heading_word), size(body_word)
    if not hs or not bs:
        return fail(f"page 1 lacks {heading_word!r} or {body_word!r}")
    r = hs / bs
    if abs(r - float(want)) > 0.04 * float(want):
        return fail(f"heading-to-body size ratio {r:.3f} ({heading_word!r} {hs} over {body_word!r} {bs}), expected {want}")
    print(f"heading-to-body size ratio {r:.3f} (expected {want})")
    return 0


def main():
    cmd = sys.argv[1]
    if cmd == "styles":
        bad = styles(sys.argv[2], sys.argv[3:])
    elif cmd == "bbox":
        bad = bbox(*sys.argv[2:6])
    elif cmd == "ratio":
        bad = ratio(*sys.argv[2:6])
    elif cmd == "ends":
        bad = ends(*sys.argv[2:5])
    elif cmd == "table":
        bad = table(*sys.argv[2:8])
    else:
        sys.exit(__doc__)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
