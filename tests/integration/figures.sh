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
  python3 "$LIB/decimal_marks.py" "$@"
}

# check_alignment PDF LO_PDF WHAT MARK COLUMN...: each COLUMN (its numbers, space-separated) has
# its decimal marks within 0.5 pt of each other in LibreOffice's rendering and within 1 pt of the PDF's.
check_alignment() {
  local pdf=$1 lo=$2 what=$3 mark=$4 column
  shift 4
  for column in "$@"; do
    read -ra nums <<<"$column"
    python3 "$LIB/decimal_marks_aligned.py" <(decimal_marks "$pdf" "$mark" "${nums[@]}") <(decimal_marks "$lo" "$mark" "${nums[@]}") "${nums[@]}" ||
      fail "$what: the decimal marks of \"$column\" do not line up as in the PDF"
  done
}

# check_package DOCX LINE_CSV: chart parts, their relationships and content types, the embedded
# workbooks against the chart caches, the 3-series line chart's caches against LINE_CSV, and which
# charts have value labels. Prints problems, one a line; silent when all is well.
check_package() {
  python3 "$LIB/figures_docx_package.py" "$1" "$2"
}

# validate DOCX STEM: the Open XML SDK validator reports no errors.
validate() {
  local docx=$1 stem=$2 rc=0 summary
  "$validator" "$docx" >"$TMP/$stem.json" 2>"$TMP/validator.err" || rc=$?
  [ $rc -ne 2 ] || die "the validator could not run: $(cat "$TMP/validator.err")"
  summary=$(python3 "$LIB/ooxml_validator_report.py" "$TMP/$stem.json") || rc=1
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
