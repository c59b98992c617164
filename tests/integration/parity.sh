#!/usr/bin/env bash
# parity: the DOCX matches the PDF.
#  - LibreOffice's rendering of the DOCX has as many pages as briefmake's PDF (the fonts are
#    metric twins: Liberation Serif in the PDF, Times New Roman named in the DOCX), for ospg-8
#    and the long test brief;
#  - the words of pdftotext(PDF) and of the DOCX body are the same, in order (also for the
#    English sample, both figures briefs, and a chart without a source line followed by more
#    sections, where a word changed after the chart must be noticed);
#  - the DOCX's cached table-of-contents page numbers equal the PDF's;
#  - a page filled by the long brief's 100-row table holds as many rows in both (the most on a page) (the DOCX's cell
#    styles and padding are the PDF's: no space after, 2.5 pt above and below).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdfinfo python3 soffice unzip

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }
parity=$SOURCE_DIR/tests/integration/parity.py

render() {  # render BRIEF OUTDIR [briefmake options...]
  local brief=$1 out=$2
  shift 2
  "$BRIEFMAKE" "$@" -o "$out" "$brief" || die "briefmake failed on $brief"
}

render "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/a"
render "$SOURCE_DIR/tests/briefs/long-tr.yaml" "$TMP/a"
render "$SOURCE_DIR/tests/briefs/long-tr.yaml" "$TMP/toc" --template "$SOURCE_DIR/tests/data/tmpl/with-toc.yaml"

for pair in a/ospg-8 a/long-tr toc/long-tr; do
  pdf=$TMP/$pair.pdf docx=$TMP/$pair.docx
  python3 "$parity" words "$pdf" "$docx" || fail "$pair: the PDF's and the DOCX's words differ"
  if lo_to_pdf "$docx" "$TMP/lo-${pair%%/*}"; then
    lo=$TMP/lo-${pair%%/*}/$(basename "$pair").pdf
    p1=$(pages "$pdf") p2=$(pages "$lo")
    if [ "$p1" = "$p2" ]; then echo "$pair: $p1 pages in both"; else fail "$pair: the PDF has $p1 pages, LibreOffice's rendering of the DOCX $p2"; fi
  else
    fail "$pair: LibreOffice could not convert the DOCX"
  fi
done
python3 "$parity" toc "$TMP/toc/long-tr.pdf" "$TMP/toc/long-tr.docx" || fail "TOC page numbers differ"

# Word parity only (no LibreOffice): English case folding, charts of every kind, a chart with
# no source or note line.
render "$SOURCE_DIR/briefs/ospg-8-en.yaml" "$TMP/w"
for brief in figures-en figures-tr chart-no-source-tr; do render "$SOURCE_DIR/tests/briefs/$brief.yaml" "$TMP/w"; done
for stem in ospg-8-en figures-en figures-tr chart-no-source-tr; do
  python3 "$parity" words "$TMP/w/$stem.pdf" "$TMP/w/$stem.docx" || fail "$stem: the PDF's and the DOCX's words differ"
done
# Nothing after a chart escapes the comparison: the last word of chart-no-source-tr.docx, far
# below its chart, changed ("bulunmalıdır." -> "bulunmalıdı.") must make the words differ.
python3 - "$TMP/w/chart-no-source-tr.docx" "$TMP/w/planted.docx" <<'PY' || die "cannot plant a change in chart-no-source-tr.docx"
import sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "word/document.xml":
            s = data.decode("utf-8")
            k = s.rindex("dır.</w:t>")
            data = (s[:k] + "dı.</w:t>" + s[k + len("dır.</w:t>"):]).encode("utf-8")
        zout.writestr(info, data)
PY
if python3 "$parity" words "$TMP/w/chart-no-source-tr.pdf" "$TMP/w/planted.docx" >"$TMP/planted.log" 2>&1; then
  fail "a word changed after a chart without a source line went unnoticed: $(cat "$TMP/planted.log")"
elif grep -q "bulunmalıdı\." "$TMP/planted.log"; then
  echo "a word changed after a chart without a source line is noticed"
else
  fail "the planted change was not the difference reported: $(cat "$TMP/planted.log")"
fi
# Alignment as in the PDF: the header cells over the number columns are right-aligned, the others not.
unzip -p "$TMP/a/long-tr.docx" word/document.xml >"$TMP/long-tr-document.xml"
python3 - "$TMP/long-tr-document.xml" <<'PY' || fail "long-tr.docx: the header cells' alignment differs from the PDF's"
import re, sys
x = open(sys.argv[1], encoding="utf-8").read()
cells = re.findall(r'<w:p><w:pPr><w:pStyle w:val="TableHeader"/>(<w:jc w:val="right"/>)?.*?<w:t[^>]*>([^<]*)</w:t>', x)
right = {t for j, t in cells if j}
left = {t for j, t in cells if not j}
ok = {"İhracat", "İthalat"} <= right and {"Sıra", "Kalem"} <= left
print(f"header cells right-aligned: {sorted(right)}; left: {sorted(left)}")
sys.exit(0 if ok else 1)
PY
# Header and footer lines stand where the PDF sets them: the top of the header's text and the
# bottom of the footer's text on page 1 within 1.5 pt (pdftotext -bbox), with two templates of
# other sizes (default: serif 10 pt; compact: sans, its own distances).
render "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/compact" --template compact
for pair in a/ospg-8 compact/ospg-8; do
  lo=$TMP/lo-${pair%%/*}/ospg-8.pdf
  [ -s "$lo" ] || lo_to_pdf "$TMP/$pair.docx" "$TMP/lo-${pair%%/*}" || { fail "$pair: LibreOffice could not convert the DOCX"; continue; }
  python3 - "$TMP/$pair.pdf" "$lo" <<'PY' || fail "$pair: the header or footer sits elsewhere in LibreOffice's rendering of the DOCX"
import re, subprocess, sys
def bands(pdf):
    x = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    h = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', x).group(1))
    words = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', x)]
    top = min(a for a, b in words if a < 60)
    bottom = max(a for a, b in words if a > h - 60)   # the footer text's top
    return top, bottom
(t1, b1), (t2, b2) = bands(sys.argv[1]), bands(sys.argv[2])
print(f"header text top: PDF {t1:.1f} pt, LibreOffice {t2:.1f} pt; footer text top: PDF {b1:.1f}, LibreOffice {b2:.1f}")
sys.exit(0 if abs(t1 - t2) <= 1.5 and abs(b1 - b2) <= 1.5 else 1)
PY
done
# Vertical space as in the PDF: the text around a table of its own (the meeting table) and
# between a paragraph and the heading after it (the PDF adds space after and space before; Word
# and LibreOffice take only the larger unless told otherwise) puts every heading and agenda item
# of long-tr's page 1 at the PDF's height, within 1.5 pt.
lo=$TMP/lo-a/long-tr.pdf
if [ -s "$lo" ]; then
  python3 - "$TMP/a/long-tr.pdf" "$lo" <<'PY' || fail "long-tr page 1: text stands at other heights in LibreOffice's rendering of the DOCX"
import re, subprocess, sys
def tops(pdf):
    x = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
    out = {}
    for m in re.finditer(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', x, re.S):
        text = " ".join(re.findall(r">([^<]*)</word>", m.group(2)))
        out.setdefault(text[:24], float(m.group(1)))
    return out
a, b = tops(sys.argv[1]), tops(sys.argv[2])
want = ["Toplantı No", "Hazırlanma Tarihi", "ÖZET", "GÜNDEM", "1. Gündem maddesi 1: iş b", "2. Gündem maddesi 2: iş b",
        "3. Gündem maddesi 3: iş b"]
bad = []
for w in want:
    ka = next((k for k in a if k.startswith(w[:24])), None)
    kb = next((k for k in b if k.startswith(w[:24])), None)
    if ka is None or kb is None:
        bad.append(f"{w!r} missing ({'PDF' if ka is None else 'LibreOffice'})")
    elif abs(a[ka] - b[kb]) > 1.5:
        bad.append(f"{w!r} at {a[ka]:.1f} pt in the PDF, {b[kb]:.1f} pt in LibreOffice")
print("page 1 heights: " + ("; ".join(bad) if bad else f"{len(want)} lines within 1.5 pt"))
sys.exit(1 if bad else 0)
PY
fi
lo=$TMP/lo-a/long-tr.pdf
if [ -s "$lo" ]; then
  python3 - "$TMP/a/long-tr.pdf" "$lo" <<'PY' || fail "long-tr: rows per full table page differ between the PDF and LibreOffice's rendering of the DOCX"
import re, subprocess, sys
def rows(pdf):
    """The most rows of the table on one page (pages with its header row, which repeats)."""
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    out = []
    for p in range(1, n + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        if "Sıra" in t and "İthalat" in t:
            out.append(len(re.findall(r"^\d+$", t, re.M)))
    return max(out, default=0)
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print(f"rows on a full table page: PDF {a}, LibreOffice {b}")
sys.exit(0 if a > 20 and a == b else 1)
PY
fi
finish
