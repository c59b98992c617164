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
parity=$LIB/parity.py

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
python3 "$LIB/docx_plant_word_change.py" "$TMP/w/chart-no-source-tr.docx" "$TMP/w/planted.docx" || die "cannot plant a change in chart-no-source-tr.docx"
if python3 "$parity" words "$TMP/w/chart-no-source-tr.pdf" "$TMP/w/planted.docx" >"$TMP/planted.log" 2>&1; then
  fail "a word changed after a chart without a source line went unnoticed: $(cat "$TMP/planted.log")"
elif grep -q "bulunmalıdı\." "$TMP/planted.log"; then
  echo "a word changed after a chart without a source line is noticed"
else
  fail "the planted change was not the difference reported: $(cat "$TMP/planted.log")"
fi
# Alignment as in the PDF: the header cells over the number columns are right-aligned, the others not.
unzip -p "$TMP/a/long-tr.docx" word/document.xml >"$TMP/long-tr-document.xml"
python3 "$LIB/parity_header_alignment.py" "$TMP/long-tr-document.xml" || fail "long-tr.docx: the header cells' alignment differs from the PDF's"
# Header and footer lines stand where the PDF sets them: the top of the header's text and the
# bottom of the footer's text on page 1 within 1.5 pt (pdftotext -bbox), with two templates of
# other sizes (default: serif 10 pt; compact: sans, its own distances).
render "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/compact" --template compact
for pair in a/ospg-8 compact/ospg-8; do
  lo=$TMP/lo-${pair%%/*}/ospg-8.pdf
  [ -s "$lo" ] || lo_to_pdf "$TMP/$pair.docx" "$TMP/lo-${pair%%/*}" || { fail "$pair: LibreOffice could not convert the DOCX"; continue; }
  python3 "$LIB/parity_header_footer_bands.py" "$TMP/$pair.pdf" "$lo" || fail "$pair: the header or footer sits elsewhere in LibreOffice's rendering of the DOCX"
done
# Vertical space as in the PDF: the text around a table of its own (the meeting table) and
# between a paragraph and the heading after it (the PDF adds space after and space before; Word
# and LibreOffice take only the larger unless told otherwise) puts every heading and agenda item
# of long-tr's page 1 at the PDF's height, within 1.5 pt.
lo=$TMP/lo-a/long-tr.pdf
if [ -s "$lo" ]; then
  python3 "$LIB/parity_page1_heights.py" "$TMP/a/long-tr.pdf" "$lo" || fail "long-tr page 1: text stands at other heights in LibreOffice's rendering of the DOCX"
fi
lo=$TMP/lo-a/long-tr.pdf
if [ -s "$lo" ]; then
  python3 "$LIB/parity_rows_per_page.py" "$TMP/a/long-tr.pdf" "$lo" || fail "long-tr: rows per full table page differ between the PDF and LibreOffice's rendering of the DOCX"
fi
finish
