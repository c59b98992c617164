#!/usr/bin/env bash
# languages: tests/briefs/lang-{tr,en,ru,kk}.yaml come out of both outputs in their language:
#  - the long meeting date (CLDR: "2 Şubat 2026", "2 February 2026", "2 февраля 2026 г.",
#    "2026 ж. 2 ақпан"; ICU puts U+00A0 before "г."/"ж.", normalised to a space here),
#  - the table's numbers with the language's marks (8,95 1.234,56 3.000 / 8.95 1,234.56 3,000 /
#    8,95 1 234,56 3 000 with U+00A0 grouping in ru and kk),
#  - the template's labels (the agenda heading, upper-cased by the heading1 style, "Date" in the
#    meeting table, "Table 1" in the caption) and a section heading upper-cased by the language's
#    rules (Turkish İ/I, no dotted İ in English).
# PDF: pdftotext. DOCX: LibreOffice (headless, private profile) to PDF, then pdftotext; the
# DOCX's own XML must hold the numbers with U+00A0 grouping in ru and kk.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext soffice unzip python3

langs=(tr en ru kk)
declare -A expect absent
nb=$'\xc2\xa0'  # U+00A0 as UTF-8 bytes ($'\u00a0' depends on the locale: CI may have none)
# Words to find, separated by "|" (texts are compared after white space is normalised).
expect[tr]="2 Şubat 2026|8,95|1.234,56|3.000|GÜNDEM|Tarih|Tablo 1|İSTİŞARE MEKANİZMALARI VE IŞIK"
expect[en]="2 February 2026|8.95|1,234.56|3,000|AGENDA|Date|Table 1|BILATERAL ISSUES IN THE PIPELINE"
expect[ru]="2 февраля 2026 г.|8,95|1 234,56|3 000|ПОВЕСТКА ДНЯ|Дата|Таблица 1|ДВУСТОРОННИЕ ВОПРОСЫ И ПЕРСПЕКТИВЫ"
expect[kk]="2026 ж. 2 ақпан|8,95|1 234,56|3 000|КҮН ТӘРТІБІ|Күні|Кесте 1|ЕКІЖАҚТЫ МӘСЕЛЕЛЕР ЖӘНЕ ЫНТЫМАҚТАСТЫҚ"
# Words that must not appear: the other languages' marks and Turkish casing outside Turkish.
absent[tr]="1,234.56|3,000|1 234,56|ISTISARE"
absent[en]="BİLATERAL|1.234,56|1 234,56|8,95"
absent[ru]="1.234,56|1,234.56|8.95"
absent[kk]="1.234,56|1,234.56|8.95"
# The DOCX's document.xml (raw): grouping marks and the no-break space before г./ж. as typed
# into the file (words may hold soft hyphens there, so only these short pieces are searched).
declare -A xml
xml[tr]="1.234,56|3.000"
xml[en]="1,234.56|3,000"
xml[ru]="1${nb}234,56|3${nb}000|2026${nb}г."
xml[kk]="1${nb}234,56|3${nb}000|2026${nb}ж."

# check FILE WHAT LANG: the expected words are in FILE, the absent ones are not.
check() {
  local file=$1 what=$2 lang=$3 w
  local -a want not
  IFS='|' read -r -a want <<<"${expect[$lang]}"
  IFS='|' read -r -a not <<<"${absent[$lang]}"
  expect_words "$file" "$what" "${want[@]}"
  for w in "${not[@]}"; do
    if grep -qF -- "$w" "$file"; then fail "$what holds \"$w\", which is wrong in $lang"; fi
  done
}

out=$TMP/out
for lang in "${langs[@]}"; do
  brief=$SOURCE_DIR/tests/briefs/lang-$lang.yaml
  [ -f "$brief" ] || { fail "missing $brief"; continue; }
  "$BRIEFMAKE" -o "$out" "$brief" 2>"$TMP/$lang.err" || { fail "briefmake failed on lang-$lang.yaml: $(cat "$TMP/$lang.err")"; continue; }
  [ ! -s "$TMP/$lang.err" ] || fail "briefmake warns on lang-$lang.yaml: $(head -3 "$TMP/$lang.err")"
  pdf=$out/lang-$lang.pdf docx=$out/lang-$lang.docx
  [ -s "$pdf" ] || { fail "no lang-$lang.pdf"; continue; }
  [ -s "$docx" ] || { fail "no lang-$lang.docx"; continue; }

  pdf_text "$pdf" "$TMP/$lang.pdf.txt"
  check "$TMP/$lang.pdf.txt" "lang-$lang.pdf" "$lang"

  # The DOCX as typed: numbers and dates with their no-break spaces.
  if unzip -p "$docx" word/document.xml >"$TMP/$lang.document.xml" 2>"$TMP/unzip.err"; then
    IFS='|' read -r -a raw <<<"${xml[$lang]}"
    expect_words "$TMP/$lang.document.xml" "lang-$lang.docx's word/document.xml" "${raw[@]}"
  else
    fail "lang-$lang.docx has no word/document.xml: $(cat "$TMP/unzip.err")"
  fi

  # The DOCX as LibreOffice prints it (upper-casing comes from w:caps and the language).
  if lo_to_pdf "$docx" "$TMP/lo"; then
    pdf_text "$TMP/lo/lang-$lang.pdf" "$TMP/$lang.lo.txt"
    check "$TMP/$lang.lo.txt" "lang-$lang.docx (as LibreOffice prints it)" "$lang"
  fi
done

finish
