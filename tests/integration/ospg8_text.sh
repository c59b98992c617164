#!/usr/bin/env bash
# ospg8_text: the sample brief's facts come out of both outputs as searchable text.
#  - PDF: pdftotext finds every key word; every font is embedded; qpdf --check passes;
#    pdftotext and pdffonts print no warnings.
#  - DOCX: LibreOffice converts it to PDF, and that PDF's text holds the same words.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdffonts qpdf python3 soffice

words=(Koşerbayev "Hakan Fidan" "2 Şubat 2026" "29 Temmuz 2025" "8,95" "2,91" "6,04" "5,8" Afganistan Filistin)

out=$TMP/out
"$BRIEFMAKE" -o "$out" "$SOURCE_DIR/briefs/ospg-8.yaml" || die "briefmake failed (exit $?)"
pdf=$out/ospg-8.pdf docx=$out/ospg-8.docx
[ -s "$pdf" ] || die "no $pdf"
[ -s "$docx" ] || die "no $docx"

# PDF text
pdf_text "$pdf" "$TMP/pdf.txt"
expect_words "$TMP/pdf.txt" "the PDF's text" "${words[@]}"

# Fonts: all embedded, and pdffonts has nothing to complain about.
if pdffonts "$pdf" >"$TMP/fonts.txt" 2>"$TMP/pdffonts.err"; then
  [ ! -s "$TMP/pdffonts.err" ] || fail "pdffonts warns: $(head -5 "$TMP/pdffonts.err")"
  tail -n +3 "$TMP/fonts.txt" >"$TMP/fonts.rows"
  [ -s "$TMP/fonts.rows" ] || fail "pdffonts lists no fonts"
  # Columns from the right: ... emb sub uni object ID (the name and type may hold spaces).
  not_embedded=$(awk '$(NF-4) != "yes" {print $1}' "$TMP/fonts.rows")
  [ -z "$not_embedded" ] || fail "fonts not embedded: $not_embedded"
else
  fail "pdffonts cannot read the PDF: $(cat "$TMP/pdffonts.err")"
fi

# Structure
qpdf --check "$pdf" >"$TMP/qpdf.txt" 2>&1 || fail "qpdf --check: $(tail -5 "$TMP/qpdf.txt")"

# DOCX through LibreOffice
if lo_to_pdf "$docx" "$TMP/lo"; then
  pdf_text "$TMP/lo/ospg-8.pdf" "$TMP/lo.txt"
  expect_words "$TMP/lo.txt" "the DOCX (as LibreOffice reads it)" "${words[@]}"
fi

finish
