#!/usr/bin/env bash
# tabular: numbers in table cells are set in the font's tabular figures, where it has distinct
# ones. A template with Caladea (Debian's fonts-crosextra-caladea: proportional default
# figures, tnum alternates) for the tables: in the PDF, "1.111,11" and "8.000,08" take the same
# width (pdftotext -bbox; in Caladea's default figures the first is 1.6 pt narrower), and read
# back as those digits (the tabular glyphs extract through ToUnicode); the body text outside
# the table keeps the default figures. The DOCX asks Word for them too (w14:numSpacing
# "tabular" on the numeric cells' runs, w14 declared ignorable), passes the validator, and
# LibreOffice renders it with the PDF's page count. With Liberation (the shipped templates),
# whose figures are tabular already, nothing changes: no w14 in the DOCX.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdfinfo unzip soffice
validator=$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator
[ -x "$validator" ] || die "the OOXML validator is missing (run scripts/setup --test)"
fonts=/usr/share/fonts/truetype/crosextra
[ -f "$fonts/Caladea-Regular.ttf" ] || die "fonts-crosextra-caladea is missing (run scripts/setup)"
export SOURCE_DATE_EPOCH=1769990400

mkdir -p "$TMP/in"
cp "$fonts/Caladea-Regular.ttf" "$fonts/Caladea-Bold.ttf" "$TMP/in/"
cat >"$TMP/in/caladea.yaml" <<'YAML'
extends: default
fonts:
  caladea:
    regular: Caladea-Regular.ttf
    bold: Caladea-Bold.ttf
    docx: Cambria
styles:
  table: {font: caladea}
  table-header: {font: caladea}
  body: {font: caladea}
YAML
cat >"$TMP/in/rakam.yaml" <<'YAML'
brief: 1
title: Rakamlar
language: tr
template: caladea.yaml
meeting:
  name: Rakam Denemesi
  date: 2026-03-02
  location: Ankara
summary: |
  Metindeki 1.111,11 ve 8.000,08 sayıları olağan rakamlarla dizilir.
agenda:
  - Rakamlar
sections:
  - heading: Tablo
    body: Tablodaki sayılar aynı genişlikte rakamlarla dizilir.
    figures: [rakamlar]
figures:
  - id: rakamlar
    title: Rakamlar
    kind: table
    columns: [Kalem, Değer]
    rows:
      - [Birler, 1111.11]
      - [Sıfırlar, 8000.08]
YAML
"$BRIEFMAKE" -q -o "$TMP/out" "$TMP/in/rakam.yaml" || die "briefmake fails"
pdftotext -bbox "$TMP/out/rakam.pdf" "$TMP/bbox.html"
# width WORD N: the width of the N-th (1-based) word WORD on page 1.
width() {
  python3 - "$TMP/bbox.html" "$1" "$2" <<'PY'
import re, sys
words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                   open(sys.argv[1], encoding="utf-8").read())
hits = [float(b) - float(a) for a, b, w in words if w == sys.argv[2]]
n = int(sys.argv[3])
print(hits[n - 1] if len(hits) >= n else "missing")
PY
}
# The first of each is in the summary (default figures), the second in the table.
t1=$(width 1.111,11 2) t8=$(width 8.000,08 2) b1=$(width 1.111,11 1) b8=$(width 8.000,08 1)
[ "$t1" != missing ] && [ "$t8" != missing ] || fail "the table's numbers do not read back as digits: $t1 $t8"
[ "$b1" != missing ] && [ "$b8" != missing ] || fail "the summary's numbers do not read back: $b1 $b8"
if [ "$t1" != missing ] && [ "$b1" != missing ]; then
  python3 -c "import sys; t1,t8,b1,b8=map(float,sys.argv[1:]); sys.exit(0 if abs(t1-t8) < 0.05 else 1)" "$t1" "$t8" "$b1" "$b8" ||
    fail "the table's figures are not tabular: 1.111,11 is $t1 pt wide, 8.000,08 $t8 pt"
  python3 -c "import sys; t1,t8,b1,b8=map(float,sys.argv[1:]); sys.exit(0 if b8-b1 > 1 else 1)" "$t1" "$t8" "$b1" "$b8" ||
    fail "the summary's figures are not Caladea's proportional ones: $b1 and $b8 pt"
fi
unzip -p "$TMP/out/rakam.docx" word/document.xml >"$TMP/document.xml"
grep -q 'mc:Ignorable="w14"' "$TMP/document.xml" || fail "the DOCX does not declare w14 ignorable"
[ "$(grep -o '<w14:numSpacing w14:val="tabular"/>' "$TMP/document.xml" | wc -l)" -eq 2 ] ||
  fail "the DOCX's two numeric cells do not ask for tabular figures"
"$validator" "$TMP/out/rakam.docx" >"$TMP/validator.txt" || fail "the validator rejects the DOCX: $(head -c 600 "$TMP/validator.txt")"
if lo_to_pdf "$TMP/out/rakam.docx" "$TMP/lo"; then
  [ "$(pdfinfo "$TMP/out/rakam.pdf" | awk '/^Pages:/{print $2}')" = "$(pdfinfo "$TMP/lo/rakam.pdf" | awk '/^Pages:/{print $2}')" ] ||
    fail "LibreOffice paginates the DOCX differently"
fi

# Liberation: tabular already, so nothing is asked of Word.
sed -i '/^template:/d' "$TMP/in/rakam.yaml"
"$BRIEFMAKE" -q -o "$TMP/lib" "$TMP/in/rakam.yaml" || die "briefmake fails with the default template"
unzip -p "$TMP/lib/rakam.docx" word/document.xml | grep -q 'w14' && fail "the default template's DOCX has w14 markup"
finish
