#!/usr/bin/env bash
# docx_writer: the DOCX writer's own sample document (tests/unit/docx_sample.hpp: every kind of
# block, a table of contents, a chart), written by write_samples without the CLI, as programs
# nobody here wrote read it: every XML part well-formed (xmllint), the Open XML SDK validator
# reports no error, and LibreOffice opens it and prints the Turkish text, the numbering and the
# upper-cased headings (pdftotext). (The package's parts as parsed XML are checked in
# tests/unit/docx_writer.cpp.)
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need unzip xmllint pdftotext soffice python3

validator=${OOXML_VALIDATOR:-$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator}
if [ ! -x "$validator" ]; then
  validator=$(command -v ooxml-validator || true)
  [ -n "$validator" ] || die "the OOXML validator is not installed (run scripts/setup --test)"
fi
samples=${BRIEFMAKE_WRITE_SAMPLES:-$BIN_DIR/tests/write_samples}
[ -x "$samples" ] || die "$samples is missing (build first: scripts/build)"
"$samples" "$TMP/s" || die "write_samples failed (exit $?)"
docx=$TMP/s/sample.docx

# Every part but the chart's workbook (a zip, checked in tests/unit/docx_chart.cpp) is well-formed.
mkdir -p "$TMP/x"
unzip -q -o "$docx" -d "$TMP/x" || die "sample.docx is not a zip"
parts=0
while IFS= read -r -d '' part; do
  parts=$((parts + 1))
  xmllint --noout "$part" 2>"$TMP/xmllint.err" || fail "${part#"$TMP/x/"} is not well-formed: $(head -3 "$TMP/xmllint.err")"
done < <(find "$TMP/x" -type f ! -name '*.xlsx' -print0)
[ "$parts" -eq 16 ] || fail "sample.docx has $parts parts besides the workbook, expected 16"

# The Open XML SDK's schema and semantic validation.
rc=0
"$validator" "$docx" >"$TMP/validator.json" 2>"$TMP/validator.err" || rc=$?
[ $rc -ne 2 ] || die "the validator could not run: $(cat "$TMP/validator.err")"
python3 "$LIB/ooxml_validator_report.py" "$TMP/validator.json" >"$TMP/validator.txt" ||
  fail "the OOXML validator reports $(cat "$TMP/validator.txt")"
[ $rc -eq 0 ] || fail "the OOXML validator exits $rc: $(head -c 600 "$TMP/validator.json")"
compact=$(tr -d ' \n\r\t' <"$TMP/validator.json")  # the JSON without white space
[[ $compact == *'"ok":true'* ]] || fail "the OOXML validator does not say \"ok\": true: $compact"
[[ $compact == *'"errors":[]'* ]] || fail "the OOXML validator lists errors: $compact"

# LibreOffice opens it and prints the Turkish text, the numbering, the upper-cased headings.
if lo_to_pdf "$docx" "$TMP/lo"; then
  pdftotext -enc UTF-8 "$TMP/lo/sample.pdf" "$TMP/lo.txt" || fail "pdftotext cannot read LibreOffice's PDF"
  expect_words "$TMP/lo.txt" "sample.docx as LibreOffice prints it" \
    "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu" "İSTİŞARE GÜNDEMİ" "BİLGİ NOTU" "1.1." "1.2." \
    "Enerji işbirliği" "Ekonomik ilişkiler" "Kaynak: TÜİK" "İhracat" "2,25" "HİZMETE ÖZEL" "Sayfa 1 / " \
    "Bakanlık sitesi"
fi

finish
