#!/usr/bin/env bash
# figures: every figure kind in tests/briefs/figures-{tr,en}.yaml comes out right in both outputs:
# tables inline and from CSV; bar charts inline (negative values, no `decimals`), from CSV, and
# from CSV with 12 x 3 bars too narrow for labels; line charts inline (2 series) and from CSV
# (3 series); pie charts inline and from CSV (no `decimals`, a unit).
#  - PDF: pdftotext finds the captions (a pie's with its unit), the CSV's quoted names, every
#    chart's category and series names, and values in the brief's number format (1.234,56 /
#    1,234.56; a chart without `decimals` shows every value with the most any needs, -2,50 next
#    to -4,25), a pie's value and share ("38,50 (%38,5)"), and not the other format; the charts
#    that have no value labels (3-series line, crowded bars) show none.
#  - DOCX: the OOXML validator reports 0 errors; each chart is a native chart part
#    (word/charts/chartN.xml, c:numCache) with the content and relationship types Word writes;
#    its embedded workbook is an intact xlsx whose Sheet1 cells hold exactly what the chart's
#    c:f formulas and caches say (so Word's "Edit Data" shows the chart's numbers).
#    The 3-series line chart's caches hold the CSV's values; the charts without value labels in
#    the PDF have them deleted (c:dLbls/c:delete); the bar chart without `decimals` has the
#    number format of its labels (#,##0.00).
#  - LibreOffice converts the DOCX; its PDF holds the same captions, names, values and shares in
#    the brief's number format, and not the labels the PDF leaves out: the charts are drawn from
#    the caches, with the document's decimal mark (LibreOffice printed 8.95 in a Turkish document
#    before the format codes named the locale).
#  - The CSV table's numeric columns align on the decimal mark in LibreOffice's rendering as in
#    the PDF (within 0.5 pt of each other and 1 pt of the PDF's marks).
#  - The DOCX is byte-identical when written twice.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext unzip python3 soffice

validator=${OOXML_VALIDATOR:-$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator}
if [ ! -x "$validator" ]; then
  validator=$(command -v ooxml-validator || true)
  [ -n "$validator" ] || die "the OOXML validator is not installed (run scripts/setup --test)"
fi

briefs=$SOURCE_DIR/tests/briefs
"$BRIEFMAKE" -o "$TMP/out" "$briefs/figures-tr.yaml" "$briefs/figures-en.yaml" || die "briefmake failed (exit $?)"
"$BRIEFMAKE" -f docx -o "$TMP/again" "$briefs/figures-tr.yaml" "$briefs/figures-en.yaml" ||
  die "briefmake failed the second time (exit $?)"

# Words per language. chart_words occur only in the charts (not in the tables), so finding them
# in LibreOffice's rendering proves the charts were drawn.
tr_pdf_words=("Tablo 1" "Tablo 2" "Şekil 1" "Şekil 2" "Şekil 3" "Şekil 7" "Iğdır, Aralık" "Muğla, Bodrum ve Fethiye"
  "15.701,6" "2.213,96" "3.000,00" "1.234,56" "Şekil 3. Türk Yatırımlarının Sektörel Dağılımı (%)"
  "Şekil 6. Enerji İthalatının Kaynaklara Dağılımı (milyar $)" "Şekil 7. Aylık İhracat")
tr_chart_words=("Makine, cihaz" "Tekstil, hazır giyim" "Demir, çelik" "1.518,75" "1.402,30" "977,20" "389,90"
  Ocak Haziran "163,85" "98,75" "bin kişi" İnşaat Madencilik "Gıda ve tarım" "45,30 (%45,3)" "8,95 (%9,0)"
  "Cari denge" "Doğrudan yatırım" "-4,25" "-2,50" "1,15" "5,50" "milyar $"
  Havayolu Karayolu Denizyolu Temmuz Aralık "40.000" "30.000"
  "Doğal gaz" Yenilenebilir "38,50 (%38,5)" "27,25 (%27,3)" "19,00 (%19,0)" "15,25 (%15,3)" "1.500")
tr_wrong=("1,234.56" "1,518.75" "163.85" "45.30" "8.95" "-4.25" "38.50" "40,000" "%38.5")
# Value labels neither output draws: the 3-series line chart's, the crowded bar chart's.
tr_unlabelled=("31.250,50" "33.410,25" "1.280,50" "1.100,56" "1.617,55" "1.433,56")
en_pdf_words=("Table 1" "Table 2" "Figure 1" "Figure 2" "Figure 3" "Figure 7" "Iğdır, Aralık" "Muğla, Bodrum and Fethiye"
  "15,701.6" "2,213.96" "3,000.00" "1,234.56" "Figure 3. Turkish Investment by Sector (%)"
  "Figure 6. Energy Imports by Source (USD billion)" "Figure 7. Monthly Exports")
en_chart_words=("Machinery, appliances" "Textiles, clothing" "Iron, steel" "1,518.75" "1,402.30" "977.20" "389.90"
  January June "163.85" "98.75" "thousand passengers" Construction Mining "Food and agriculture" "45.30 (45.3%)" "8.95 (9.0%)"
  "Current balance" "Direct investment" "-4.25" "-2.50" "1.15" "5.50" "USD billion"
  "By air" "By road" "By sea" July December "40,000" "30,000"
  "Natural gas" Renewables "38.50 (38.5%)" "27.25 (27.3%)" "19.00 (19.0%)" "15.25 (15.3%)" "1,500")
en_wrong=("1.234,56" "1.518,75" "163,85" "45,30" "8,95" "-4,25" "38,50" "40.000" "%38")
en_unlabelled=("31,250.50" "33,410.25" "1,280.50" "1,100.56" "1,617.55" "1,433.56")
# The CSV table's numeric columns, to measure where their decimal marks are.
tr_aligned=("15.701,6 203,16 2.213,96 1.066,74" "42,5 0,62 3,05 4,1")
en_aligned=("15,701.6 203.16 2,213.96 1,066.74" "42.5 0.62 3.05 4.1")

# expect_absent FILE WHAT WHY WORD...: no WORD occurs in FILE.
expect_absent() {
  local file=$1 what=$2 why=$3 w found=()
  shift 3
  for w in "$@"; do ! grep -qF -- "$w" "$file" || found+=("$w"); done
  [ ${#found[@]} -eq 0 ] || fail "$what has $why: $(printf '"%s" ' "${found[@]}")"
}

# decimal_marks PDF MARK WORDS...: where the decimal mark of each word (a number set in Liberation
# Serif, or Times New Roman, its metric twin) is on the page, from pdftotext's word boxes: digits
# are 0.5 em wide, "," and "." 0.25 em. Prints "WORD X" per word found; a whole number's X is its
# right end.
decimal_marks() {
  python3 - "$@" <<'PY'
import html, re, subprocess, sys
pdf, mark, words = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
em = lambda s: sum(0.25 if ch in ",." else 0.5 for ch in s)
for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
    x0, x1, w = float(m[1]), float(m[2]), html.unescape(m[3])
    if w in words:
        size = (x1 - x0) / em(w)
        at = w.find(mark)
        print(w, x0 + em(w[:at] if at >= 0 else w) * size)
PY
}

# check_alignment PDF LO_PDF WHAT MARK COLUMN...: each COLUMN (its numbers, space-separated) has
# its decimal marks within 0.5 pt of each other in LibreOffice's rendering and within 1 pt of the PDF's.
check_alignment() {
  local pdf=$1 lo=$2 what=$3 mark=$4 column
  shift 4
  for column in "$@"; do
    read -ra nums <<<"$column"
    python3 - <(decimal_marks "$pdf" "$mark" "${nums[@]}") <(decimal_marks "$lo" "$mark" "${nums[@]}") "${nums[@]}" <<'PY' ||
import sys
read = lambda f: dict((l.split()[0], float(l.split()[1])) for l in open(f) if l.strip())
pdf, lo, nums = read(sys.argv[1]), read(sys.argv[2]), sys.argv[3:]
problems = [f"{n} not found" for n in nums if n not in pdf or n not in lo]
if not problems:
    if max(lo.values()) - min(lo.values()) > 0.5:
        problems.append("marks at " + ", ".join(f"{n} {lo[n]:.2f}" for n in nums) + " in LibreOffice's rendering")
    problems += [f"{n} at {lo[n]:.2f}, {pdf[n]:.2f} in the PDF" for n in nums if abs(lo[n] - pdf[n]) > 1]
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
      fail "$what: the decimal marks of \"$column\" do not line up as in the PDF"
  done
}

# check_package DOCX LINE_CSV: chart parts, their relationships and content types, the embedded
# workbooks against the chart caches, the 3-series line chart's caches against LINE_CSV, and which
# charts have value labels. Prints problems, one a line; silent when all is well.
check_package() {
  python3 - "$1" "$2" <<'PY'
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
PY
}

# validate DOCX STEM: the Open XML SDK validator reports no errors.
validate() {
  local docx=$1 stem=$2 rc=0 summary
  "$validator" "$docx" >"$TMP/$stem.json" 2>"$TMP/validator.err" || rc=$?
  [ $rc -ne 2 ] || die "the validator could not run: $(cat "$TMP/validator.err")"
  summary=$(python3 - "$TMP/$stem.json" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print(f"unreadable validator output: {e}"); sys.exit(1)
errs = r.get("errors") or []
if r.get("ok") is True and not errs:
    sys.exit(0)
print(f"{len(errs)} error(s):")
for e in errs[:20]:
    print(f"  [{e.get('errorType')}] {e.get('path')} {e.get('xPath')}: {e.get('description', '')[:300]}")
sys.exit(1)
PY
  ) || rc=1
  [ $rc -eq 0 ] || fail "$stem.docx: the OOXML validator reports ${summary:-an error (exit $rc)}"
}

for lang in tr en; do
  stem=figures-$lang
  pdf=$TMP/out/$stem.pdf docx=$TMP/out/$stem.docx
  [ -s "$pdf" ] || { fail "$stem.pdf was not written"; continue; }
  [ -s "$docx" ] || { fail "$stem.docx was not written"; continue; }
  declare -n pdf_words=${lang}_pdf_words chart_words=${lang}_chart_words wrong=${lang}_wrong \
    unlabelled=${lang}_unlabelled aligned=${lang}_aligned
  if [ "$lang" = tr ]; then mark=, line_csv=$SOURCE_DIR/tests/briefs/data/figures-tr-turist.csv
  else mark=. line_csv=$SOURCE_DIR/tests/briefs/data/figures-en-visitors.csv; fi

  pdf_text "$pdf" "$TMP/$stem.txt"
  expect_words "$TMP/$stem.txt" "$stem.pdf" "${pdf_words[@]}" "${chart_words[@]}"
  expect_absent "$TMP/$stem.txt" "$stem.pdf" "the other language's number format" "${wrong[@]}"
  expect_absent "$TMP/$stem.txt" "$stem.pdf" "value labels it should leave out" "${unlabelled[@]}"

  validate "$docx" "$stem"
  unzip -tq "$docx" >"$TMP/unzip.log" 2>&1 || fail "$stem.docx: damaged zip: $(tail -3 "$TMP/unzip.log")"
  mkdir -p "$TMP/x/$stem" && unzip -q -o "$docx" -d "$TMP/x/$stem"
  if [ -f "$TMP/x/$stem/word/charts/chart1.xml" ]; then
    grep -q '<c:numCache>' "$TMP/x/$stem/word/charts/chart1.xml" || fail "$stem.docx: chart1.xml has no c:numCache"
  else
    fail "$stem.docx: word/charts/chart1.xml is missing"
  fi
  for wb in "$TMP/x/$stem"/word/embeddings/*.xlsx; do
    [ -f "$wb" ] || { fail "$stem.docx: no embedded workbook"; break; }
    unzip -tq "$wb" >"$TMP/unzip.log" 2>&1 || fail "$stem.docx: ${wb##*/} is a damaged zip: $(tail -3 "$TMP/unzip.log")"
  done
  problems=$(check_package "$docx" "$line_csv") || fail "$stem.docx: the package check did not run"
  [ -z "$problems" ] || fail "$stem.docx: $problems"
  cmp -s "$docx" "$TMP/again/$stem.docx" || fail "$stem.docx differs between two runs"

  if lo_to_pdf "$docx" "$TMP/lo"; then
    pdf_text "$TMP/lo/$stem.pdf" "$TMP/$stem.lo.txt"
    expect_words "$TMP/$stem.lo.txt" "$stem.docx (as LibreOffice draws it)" "${pdf_words[@]}" "${chart_words[@]}"
    expect_absent "$TMP/$stem.lo.txt" "$stem.docx (as LibreOffice draws it)" "the other language's number format" \
      "${wrong[@]}"
    expect_absent "$TMP/$stem.lo.txt" "$stem.docx (as LibreOffice draws it)" "value labels it should leave out" \
      "${unlabelled[@]}"
    check_alignment "$pdf" "$TMP/lo/$stem.pdf" "$stem.docx (as LibreOffice draws it)" "$mark" "${aligned[@]}"
  fi
done

finish
