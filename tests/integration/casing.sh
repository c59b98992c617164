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
python3 "$LIB/casing_docx_parts.py" "$TMP/x/word/styles.xml" "$TMP/x/word/document.xml" >"$TMP/docx.log" 2>&1 || fail "DOCX: $(cat "$TMP/docx.log")"

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
python3 "$LIB/casing_toc_styles.py" "$TMP/toc/x/word/styles.xml" >"$TMP/toc.log" 2>&1 || fail "DOCX TOC styles: $(cat "$TMP/toc.log")"
if lo_to_pdf "$TMP/toc/casing-tr.docx" "$TMP/toc/lo"; then
  pdftotext -raw -enc UTF-8 "$TMP/toc/casing-tr.pdf" "$TMP/toc/pdf.txt"
  pdftotext -raw -enc UTF-8 "$TMP/toc/lo/casing-tr.pdf" "$TMP/toc/lo.txt"
  python3 "$LIB/casing_toc_entries.py" "$TMP/toc/pdf.txt" "$TMP/toc/lo.txt" || fail "the DOCX's contents are not cased as the PDF's"
fi

finish
