#!/usr/bin/env bash
# casing: a style's `transform: upper` follows the brief's language. tests/briefs/casing-tr.yaml
# rendered with tests/data/tmpl/upper-headings.yaml (default + heading2 upper-cased), whose
# second-level headings are "istişare" and "ışık":
#  - PDF: pdftotext prints İSTİŞARE and IŞIK (Turkish dotted/dotless i), never ISTIŞARE;
#  - DOCX: document.xml keeps the typed text in the Heading 2 paragraphs, styles.xml sets w:caps
#    on Heading 2 and w:lang tr-TR (document defaults or the style), so Word and LibreOffice
#    upper-case with Turkish rules; LibreOffice's PDF prints İSTİŞARE and IŞIK.
#  - with a table of contents (tests/data/tmpl/upper-headings-toc.yaml): the DOCX's TOC 1 and
#    TOC 2 styles set w:caps (TOC 3 not), and LibreOffice prints the DOCX's contents in the same
#    case as the PDF's own (GÜNDEM, BAŞLIKLAR, İSTİŞARE, IŞIK), not as typed (Gündem, istişare).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext soffice unzip python3

brief=$SOURCE_DIR/tests/briefs/casing-tr.yaml
template=$SOURCE_DIR/tests/data/tmpl/upper-headings.yaml
out=$TMP/out
"$BRIEFMAKE" -o "$out" --template "$template" "$brief" 2>"$TMP/err" || die "briefmake failed: $(cat "$TMP/err")"
pdf=$out/casing-tr.pdf docx=$out/casing-tr.docx
[ -s "$pdf" ] || die "no casing-tr.pdf"
[ -s "$docx" ] || die "no casing-tr.docx"

# no_words FILE WHAT WORD...: no WORD occurs in FILE.
no_words() {
  local file=$1 what=$2 w
  shift 2
  for w in "$@"; do
    if grep -qF -- "$w" "$file"; then fail "$what holds \"$w\" (not Turkish upper-casing)"; fi
  done
}
wrong=(ISTIŞARE İSTISARE ISTISARE IŞİK)

# PDF
pdf_text "$pdf" "$TMP/pdf.txt"
expect_words "$TMP/pdf.txt" "the PDF's text" İSTİŞARE IŞIK
no_words "$TMP/pdf.txt" "the PDF's text" "${wrong[@]}"
# the typed text of the headings (which the body never uses) must not be printed as it is
if grep -qE '(^| )(istişare|ışık)( |$)' "$TMP/pdf.txt"; then fail "the PDF prints a heading in lower case"; fi

# DOCX parts
mkdir -p "$TMP/x"
unzip -q -o "$docx" -d "$TMP/x" || die "casing-tr.docx is not a zip"
python3 - "$TMP/x/word/styles.xml" "$TMP/x/word/document.xml" >"$TMP/docx.log" 2>&1 <<'PY' || fail "DOCX: $(cat "$TMP/docx.log")"
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
problems = []
styles = ET.parse(sys.argv[1]).getroot()
h2 = None
for s in styles.iter(W + "style"):
    if s.get(W + "styleId") == "Heading2":
        h2 = s
if h2 is None:
    problems.append("styles.xml has no Heading2 style")
else:
    caps = h2.find(f"{W}rPr/{W}caps")
    if caps is None or caps.get(W + "val", "true") in ("0", "false", "off"):
        problems.append("the Heading2 style has no w:caps")
langs = [l.get(W + "val") for l in styles.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")]
if h2 is not None:
    langs += [l.get(W + "val") for l in h2.findall(f"{W}rPr/{W}lang")]
if "tr-TR" not in langs:
    problems.append(f"w:lang tr-TR is neither in the document defaults nor on Heading2 (found {langs})")
doc = ET.parse(sys.argv[2]).getroot()
texts = []
for p in doc.iter(W + "p"):
    st = p.find(f"{W}pPr/{W}pStyle")
    if st is not None and st.get(W + "val") == "Heading2":
        texts.append("".join(t.text or "" for t in p.iter(W + "t")).replace("\u00ad", ""))
for want in ("istişare", "ışık"):
    if want not in texts:
        problems.append(f"no Heading 2 paragraph holds the typed text \"{want}\" (Heading 2 texts: {texts})")
for lang in doc.iter(W + "lang"):
    if lang.get(W + "val") not in (None, "tr-TR"):
        problems.append(f"document.xml sets w:lang {lang.get(W + 'val')} on a run")
        break
if problems:
    print("; ".join(problems))
    sys.exit(1)
PY

# DOCX as LibreOffice prints it
if lo_to_pdf "$docx" "$TMP/lo"; then
  pdf_text "$TMP/lo/casing-tr.pdf" "$TMP/lo.txt"
  expect_words "$TMP/lo.txt" "the DOCX (as LibreOffice prints it)" İSTİŞARE IŞIK
  no_words "$TMP/lo.txt" "the DOCX (as LibreOffice prints it)" "${wrong[@]}"
fi

# Table of contents: entries cased as the PDF lists them.
"$BRIEFMAKE" -o "$TMP/toc" --template "$SOURCE_DIR/tests/data/tmpl/upper-headings-toc.yaml" "$brief" 2>"$TMP/err" ||
  die "briefmake failed with upper-headings-toc.yaml: $(cat "$TMP/err")"
mkdir -p "$TMP/toc/x"
unzip -q -o "$TMP/toc/casing-tr.docx" -d "$TMP/toc/x" || die "casing-tr.docx (TOC) is not a zip"
python3 - "$TMP/toc/x/word/styles.xml" >"$TMP/toc.log" 2>&1 <<'PY' || fail "DOCX TOC styles: $(cat "$TMP/toc.log")"
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
caps = {}
for s in ET.parse(sys.argv[1]).getroot().iter(W + "style"):
    if s.get(W + "styleId") in ("TOC1", "TOC2", "TOC3"):
        c = s.find(f"{W}rPr/{W}caps")
        caps[s.get(W + "styleId")] = c is not None and c.get(W + "val", "true") not in ("0", "false", "off")
want = {"TOC1": True, "TOC2": True, "TOC3": False}
if caps != want:
    print(f"w:caps on the TOC styles is {caps}, want {want} (headings 1 and 2 are upper-cased)")
    sys.exit(1)
PY
if lo_to_pdf "$TMP/toc/casing-tr.docx" "$TMP/toc/lo"; then
  pdftotext -raw -enc UTF-8 "$TMP/toc/casing-tr.pdf" "$TMP/toc/pdf.txt"
  pdftotext -raw -enc UTF-8 "$TMP/toc/lo/casing-tr.pdf" "$TMP/toc/lo.txt"
  python3 - "$TMP/toc/pdf.txt" "$TMP/toc/lo.txt" <<'PY' || fail "the DOCX's contents are not cased as the PDF's"
import re, sys
def entries(path):
    """TOC entries: "TITLE N" before a line of leader dots (briefmake), or "TITLE.....N" (LibreOffice)."""
    lines = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
    out = []
    for i, l in enumerate(lines):
        m = re.fullmatch(r"(.+?)\s*\.{3,}\s*\d+", l)
        if m:
            out.append(m.group(1))
        elif i + 1 < len(lines) and re.fullmatch(r"[. ]{5,}", lines[i + 1]) and (m := re.fullmatch(r"(.+) \d+", l)):
            out.append(m.group(1))
    return out
pdf, lo = entries(sys.argv[1]), entries(sys.argv[2])
print(f"contents: PDF {pdf}, LibreOffice (DOCX) {lo}")
sys.exit(0 if pdf == ["GÜNDEM", "BAŞLIKLAR", "İSTİŞARE", "IŞIK"] and lo == pdf else 1)
PY
fi

finish
