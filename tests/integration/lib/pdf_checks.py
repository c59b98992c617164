#!/usr/bin/env python3
"""PDF checks for tests/integration/typesetting.sh, from qpdf --json (v2) and pdftotext.

  pdf_checks.py targets PDF     bookmarks and internal links point at the page where
                                pdftotext finds their heading
  pdf_checks.py pdfa PDF        the PDF/A-2a parts: XMP (well-formed, pdfaid 2/A, pdfuaid 1, same title,
                                author and producer as the Info), sRGB OutputIntent, /ID,
                                embedded fonts, printable annotations
Prints one line per problem; exits 1 if there is any.
"""
import json
import re
import subprocess
import sys
import xml.dom.minidom

mode, pdf = sys.argv[1], sys.argv[2]
problems = []
q = json.loads(subprocess.run(["qpdf", "--json", "--decode-level=generalized", pdf], check=True,
                              capture_output=True, text=True).stdout)
objs = q["qpdf"][1]
def obj(ref):
    v = objs["obj:" + ref]
    return v.get("value", v.get("stream", {}).get("dict"))
page_no = {p["object"]: p["pageposfrom1"] for p in q["pages"]}


def page_texts():
    out, n = [], len(page_no)
    for i in range(1, n + 1):
        r = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(i), "-l", str(i), pdf, "-"],
                           check=True, capture_output=True, text=True)
        t = r.stdout.replace("\u00ad\n", "").replace("\u00ad", "")
        out.append(re.sub(r"\s+", " ", t))
    return out


def found_on(texts, title):
    pat = re.compile(r"(?<!\w)" + re.escape(re.sub(r"\s+", " ", title)) + r"(?!\w)")
    return [i + 1 for i, t in enumerate(texts) if pat.search(t)]


if mode == "targets":
    texts = page_texts()
    # Pages with internal links (the table of contents) list every title too: not the target.
    toc_pages = set()
    links = []
    for p in q["pages"]:
        for a in (obj(p["object"]).get("/Annots") or []):
            ad = obj(a) if isinstance(a, str) else a
            if "/Dest" in ad:
                toc_pages.add(p["pageposfrom1"])
                dest = obj(ad["/Dest"]) if isinstance(ad["/Dest"], str) else ad["/Dest"]
                links.append((p["pageposfrom1"], ad["/Rect"], page_no[dest[0]]))

    def check(title, dest, what):
        pages = found_on(texts, title)
        # The target shows the title, and no other page does (a TOC page lists it too).
        if dest not in pages or any(n != dest and n not in toc_pages for n in pages):
            problems.append(f"{what} \"{title}\" points at page {dest}; pdftotext finds it on {pages}")

    def walk(items):
        for o in items:
            check(o["title"], o["destpageposfrom1"], "bookmark")
            walk(o["kids"])
    walk(q["outlines"])
    if not q["outlines"]:
        problems.append("no bookmarks")
    # Each link's words (pdftotext -bbox inside its rectangle) name the heading it points to.
    for src, rect, dest in links:
        bbox = subprocess.run(["pdftotext", "-bbox", "-f", str(src), "-l", str(src), pdf, "-"],
                              check=True, capture_output=True, text=True).stdout
        h = float(re.search(r'<page width="[0-9.]+" height="([0-9.]+)"', bbox).group(1))
        x1, y1, x2, y2 = rect
        words = [w for (a, b, c, d, w) in re.findall(
            r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<', bbox)
            if float(a) >= x1 - 1 and float(c) <= x2 + 1 and float(b) >= h - y2 - 1 and float(d) <= h - y1 + 1]
        title = re.sub(r"[ .…]*\s[0-9]+$", "", " ".join(w for w in words if not re.fullmatch(r"[.…]+", w)))
        if not title:
            problems.append(f"page {src}: a link at {rect} covers no words")
            continue
        check(title, dest, "TOC link")
    print(f"{len(q['outlines'])} top bookmarks, {len(links)} internal links checked", file=sys.stderr)

elif mode == "pdfa":
    trailer = objs["trailer"]["value"]
    if len(trailer.get("/ID", [])) != 2:
        problems.append("no /ID in the trailer")
    root = obj(trailer["/Root"])
    info = obj(trailer["/Info"])
    meta = root.get("/Metadata")
    if not meta:
        problems.append("no XMP /Metadata in the catalog")
    else:
        m = objs["obj:" + meta]["stream"]
        if "/Filter" in m["dict"]:
            problems.append("the XMP stream is compressed")
        # The decoded data, so a compressed stream (already a finding) is still read.
        raw = subprocess.run(["qpdf", "--show-object=" + meta.split()[0], "--filtered-stream-data", pdf],
                             check=True, capture_output=True).stdout.decode("utf-8")
        try:
            dom = xml.dom.minidom.parseString(raw[raw.index("<x:xmpmeta"):raw.index("</x:xmpmeta>") + 12])
        except Exception as e:  # noqa: BLE001 - any parse error is the finding
            problems.append(f"XMP is not well-formed: {e}")
            dom = None
        if dom:
            def text(tag):
                els = dom.getElementsByTagName(tag)
                if not els:
                    return None
                lis = els[0].getElementsByTagName("rdf:li")
                node = lis[0] if lis else els[0]
                return "".join(n.data for n in node.childNodes if n.nodeType == n.TEXT_NODE)
            # Tagged, so the accessible level (A), and PDF/UA-1 besides.
            for tag, want in (("pdfaid:part", "2"), ("pdfaid:conformance", "A"), ("pdfuaid:part", "1")):
                if text(tag) != want:
                    problems.append(f"XMP {tag} is {text(tag)!r}, expected {want!r}")
            def info_str(key):
                v = info.get(key)
                return v[2:] if isinstance(v, str) and v.startswith("u:") else v
            for tag, key in (("dc:title", "/Title"), ("dc:creator", "/Author"), ("dc:description", "/Subject"),
                             ("pdf:Keywords", "/Keywords"), ("pdf:Producer", "/Producer"),
                             ("xmp:CreatorTool", "/Creator")):
                if text(tag) != info_str(key):
                    problems.append(f"XMP {tag} {text(tag)!r} differs from Info {key} {info_str(key)!r}")
            # D:20260201120000Z00'00' <-> 2026-02-01T12:00:00Z
            for tag, key in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
                d = re.sub(r"[^0-9]", "", text(tag) or "")
                if not d or not (info_str(key) or "").startswith("D:" + d):
                    problems.append(f"XMP {tag} {text(tag)!r} differs from Info {key} {info_str(key)!r}")
    intents = root.get("/OutputIntents") or []
    if len(intents) != 1:
        problems.append(f"{len(intents)} output intents, expected 1")
    else:
        oi = obj(intents[0]) if isinstance(intents[0], str) else intents[0]
        if oi.get("/S") != "/GTS_PDFA1" or "sRGB" not in oi.get("/OutputConditionIdentifier", ""):
            problems.append(f"the output intent is not sRGB GTS_PDFA1: {oi}")
        prof = objs["obj:" + oi["/DestOutputProfile"]]["stream"]["dict"]
        if prof.get("/N") != 3:
            problems.append("the output profile is not a 3-component (RGB) ICC profile")
    n_fonts = 0
    for k, v in objs.items():
        d = v.get("value") if "value" in v else v.get("stream", {}).get("dict")
        if not isinstance(d, dict):
            continue
        if d.get("/Type") == "/FontDescriptor":
            n_fonts += 1
            if not any(f in d for f in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"{k}: font {d.get('/FontName')} is not embedded")
        if d.get("/Type") == "/Annot" and not (int(d.get("/F", 0)) & 4):
            problems.append(f"{k}: annotation without the print flag")
        if d.get("/Type") == "/ExtGState" and d.get("/SMask", "/None") != "/None":
            problems.append(f"{k}: a soft mask in a graphics state")
    if n_fonts == 0:
        problems.append("no fonts found")

for line in problems:
    print(line)
sys.exit(1 if problems else 0)
