#!/usr/bin/env python3
"""Checks the chart parts of a figures-*.docx: their relationships and content types, the
embedded workbooks against the chart caches, the 3-series line chart's caches against
LINE_CSV, and which charts have value labels. Prints problems, one a line; silent when all is
well.

  figures_docx_package.py DOCX LINE_CSV
"""
import csv, io, posixpath, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
problems = []
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())

def content_type(zf, name):
    t = ET.fromstring(zf.read("[Content_Types].xml"))
    for o in t.findall("ct:Override", NS):
        if o.get("PartName") == "/" + name:
            return o.get("ContentType")
    ext = name.rsplit(".", 1)[-1]
    for d in t.findall("ct:Default", NS):
        if d.get("Extension") == ext:
            return d.get("ContentType")
    return None

def rels(zf, part):
    d, f = posixpath.split(part)
    rp = posixpath.join(d, "_rels", f + ".rels")
    if rp not in zf.namelist():
        return {}
    out = {}
    for r in ET.fromstring(zf.read(rp)).findall("pr:Relationship", NS):
        out[r.get("Id")] = (r.get("Type"), posixpath.normpath(posixpath.join(d, r.get("Target"))))
    return out

charts = sorted(n for n in names if re.fullmatch(r"word/charts/chart\d+\.xml", n))
if len(charts) != 7:
    problems.append(f"expected 7 chart parts (3 bar, 2 line, 2 pie), found {charts}")
if "word/charts/chart1.xml" not in names:
    problems.append("word/charts/chart1.xml is missing")

# document.xml: one inline drawing per chart, unique docPr ids, each naming a chart relationship.
doc = ET.fromstring(z.read("word/document.xml"))
doc_rels = rels(z, "word/document.xml")
inlines = doc.findall(".//w:drawing/wp:inline", NS)
ids = [i.find("wp:docPr", NS).get("id") for i in inlines]
if len(inlines) != len(charts) or len(set(ids)) != len(ids):
    problems.append(f"{len(inlines)} inline drawings with docPr ids {ids} for {len(charts)} charts")
targets = []
for i in inlines:
    ref = i.find(".//c:chart", NS)
    rid = ref.get(f"{{{NS['r']}}}id") if ref is not None else None
    typ, target = doc_rels.get(rid, (None, None))
    if typ != REL + "chart":
        problems.append(f"drawing {rid}: relationship type {typ}")
    targets.append(target)
    if int(i.find("wp:extent", NS).get("cx")) <= 0 or int(i.find("wp:extent", NS).get("cy")) <= 0:
        problems.append(f"drawing {rid}: empty extent")
if sorted(targets) != charts:
    problems.append(f"drawings point to {targets}, parts are {charts}")

kinds = []
for chart in charts:
    if content_type(z, chart) != "application/vnd.openxmlformats-officedocument.drawingml.chart+xml":
        problems.append(f"{chart}: content type {content_type(z, chart)}")
    x = ET.fromstring(z.read(chart))
    kinds += [k for k in ("barChart", "lineChart", "pieChart") if x.find(f".//c:{k}", NS) is not None]
    if x.find(".//c:numCache", NS) is None:
        problems.append(f"{chart}: no c:numCache")
    ext = x.find("c:externalData", NS)
    crels = rels(z, chart)
    typ, wb_name = crels.get(ext.get(f"{{{NS['r']}}}id") if ext is not None else None, (None, None))
    if typ != REL + "package":
        problems.append(f"{chart}: externalData relationship type {typ}")
        continue
    if not re.fullmatch(r"word/embeddings/Microsoft_Excel_Worksheet\d+\.xlsx", wb_name or ""):
        problems.append(f"{chart}: workbook part name {wb_name}")
    if content_type(z, wb_name) != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        problems.append(f"{wb_name}: content type {content_type(z, wb_name)}")
    try:
        wb = zipfile.ZipFile(io.BytesIO(z.read(wb_name)))
        bad = wb.testzip()
        if bad:
            problems.append(f"{wb_name}: damaged entry {bad}")
    except Exception as e:
        problems.append(f"{wb_name}: not a zip: {e}")
        continue
    for part in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "xl/worksheets/sheet1.xml", "xl/styles.xml"):
        if part not in wb.namelist():
            problems.append(f"{wb_name}: {part} is missing")
    if problems:
        continue
    sheet_names = [s.get("name") for s in ET.fromstring(wb.read("xl/workbook.xml")).findall(".//s:sheet", NS)]
    shared = []
    if "xl/sharedStrings.xml" in wb.namelist():
        for si in ET.fromstring(wb.read("xl/sharedStrings.xml")).findall("s:si", NS):
            shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['s']}}}t")))
    cells = {}
    for c in ET.fromstring(wb.read("xl/worksheets/sheet1.xml")).iter(f"{{{NS['s']}}}c"):
        v = c.find("s:v", NS)
        if c.get("t") == "s":
            cells[c.get("r")] = shared[int(v.text)]
        elif c.get("t") == "inlineStr":
            cells[c.get("r")] = "".join(t.text or "" for t in c.iter(f"{{{NS['s']}}}t"))
        elif v is not None:
            cells[c.get("r")] = float(v.text)

    def cells_of(f):
        m = re.fullmatch(r"(\w+)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?", f or "")
        if not m or m.group(1) not in sheet_names:
            problems.append(f"{chart}: formula {f!r} does not name a sheet of {sheet_names}")
            return None
        col, r0 = m.group(2), int(m.group(3))
        r1 = int(m.group(5) or r0)
        return [cells.get(f"{col}{r}") for r in range(r0, r1 + 1)]

    for ref in x.iter():
        tag = ref.tag.split("}")[1]
        if tag not in ("strRef", "numRef"):
            continue
        f = ref.find("c:f", NS).text
        cache = ref.find("c:strCache" if tag == "strRef" else "c:numCache", NS)
        pts = [p.find("c:v", NS).text for p in cache.findall("c:pt", NS)]
        want = [p if tag == "strRef" else float(p) for p in pts]
        got = cells_of(f)
        if got is not None and got != want:
            problems.append(f"{chart}: {f} holds {got} in the workbook but {want} in the chart cache")
if sorted(kinds) != ["barChart"] * 3 + ["lineChart"] * 2 + ["pieChart"] * 2:
    problems.append(f"chart kinds {kinds}; expected three bar, two line, two pie")
bar = [c for c in charts if b"<c:barChart>" in z.read(c)]
if bar:
    x = ET.fromstring(z.read(bar[0]))
    if len(x.findall(".//c:barChart/c:ser", NS)) != 3 or x.find(".//c:grouping", NS).get("val") != "clustered":
        problems.append(f"{bar[0]}: expected a clustered bar chart with 3 series")

def labels_deleted(x, kind):
    dls = x.findall(f".//c:{kind}/c:ser/c:dLbls", NS)
    return bool(dls) and all(d.find("c:delete", NS) is not None and d.find("c:delete", NS).get("val") == "1" for d in dls)
parsed = {c: ET.fromstring(z.read(c)) for c in charts}
# The 3-series line chart from CSV: its caches hold the CSV's numbers; no value labels (nor in the PDF).
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
lines3 = [c for c, x in parsed.items() if len(x.findall(".//c:lineChart/c:ser", NS)) == 3]
if len(lines3) != 1:
    problems.append(f"expected one line chart with 3 series, found {lines3}")
else:
    x = parsed[lines3[0]]
    for j, ser in enumerate(x.findall(".//c:lineChart/c:ser", NS)):
        got = [float(p.find("c:v", NS).text) for p in ser.findall("c:val//c:pt", NS)]
        want = [float(r[j + 1]) for r in rows[1:]]
        if got != want:
            problems.append(f"{lines3[0]}: series {j + 1} caches {got}, the CSV has {want}")
    if not labels_deleted(x, "lineChart"):
        problems.append(f"{lines3[0]}: a 3-series line chart with value labels (the PDF draws none)")
# The crowded bar chart (12 categories): no value labels, as the PDF found no room for them.
crowded = [c for c, x in parsed.items()
           if x.find(".//c:barChart", NS) is not None and len(x.findall(".//c:barChart/c:ser[1]/c:cat//c:pt", NS)) == 12]
if len(crowded) != 1:
    problems.append(f"expected one bar chart with 12 categories, found {crowded}")
elif not labels_deleted(parsed[crowded[0]], "barChart"):
    problems.append(f"{crowded[0]}: 12 x 3 bars with value labels (the PDF has no room for them)")
# The bar chart without `decimals` (negative values): labels with two decimals, as the PDF's.
negative = [c for c, x in parsed.items()
            if any(float(v.text) < 0 for v in x.findall(".//c:barChart/c:ser/c:val//c:v", NS))]
if len(negative) != 1:
    problems.append(f"expected one bar chart with negative values, found {negative}")
else:
    codes = {d.get("formatCode") for d in parsed[negative[0]].findall(".//c:dLbls/c:numFmt", NS)}
    if len(codes) != 1 or not next(iter(codes)).endswith("#,##0.00"):
        problems.append(f"{negative[0]}: label number formats {codes}; expected #,##0.00 for -4.25 and 3")
for p in problems:
    print(p)
