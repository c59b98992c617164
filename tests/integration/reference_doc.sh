#!/usr/bin/env bash
# reference_doc: a reference .docx shapes both outputs. References made by programs nobody here
# wrote (python-docx without theme attributes, python-docx's own themed template, LibreOffice
# from a flat ODT): the DOCX's styles are the reference's after basedOn, the PDF's fonts are the
# reference's (or their metric twins), the body starts at its left margin, its header text is
# in the header, headings keep its size ratio, LibreOffice paginates the DOCX like the PDF, and
# the validator accepts it. Hostile references fail located, exit 1, with no output touched;
# an attached template in settings.xml.rels leaves no external relationship in the output.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdffonts pdftotext pdftohtml pdfimages pdfinfo unzip soffice
# python-docx is Debian's python3-docx, for the system Python (another python3 may be first on PATH).
PY=/usr/bin/python3
"$PY" -c 'import docx' 2>/dev/null || die "python3-docx is missing (run scripts/setup --test)"
validator=$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator
[ -x "$validator" ] || die "the OOXML validator is missing (run scripts/setup --test)"
make_ref() { "$PY" "$LIB/refdoc_make.py" "$@"; }
brief=$SOURCE_DIR/briefs/ospg-8.yaml
export SOURCE_DATE_EPOCH=1769990400

make_ref png "$TMP/logo.png"
make_ref plain "$TMP/plain.docx" "$TMP/logo.png"
make_ref theme "$TMP/theme.docx"
make_ref fodt "$TMP/lo.fodt"
soffice --headless "-env:UserInstallation=file://$TMP/lo-profile" --convert-to docx --outdir "$TMP" "$TMP/lo.fodt" \
  >/dev/null 2>&1 || die "LibreOffice cannot convert the flat ODT"

# check NAME REF FONTS LEFT HEADER_WORD HEADER_X HEADING_WORD RATIO STYLE...: renders ospg-8 with REF.
check() {
  local name=$1 ref=$2 fonts=$3 left=$4 hword=$5 hx=$6 heading=$7 ratio=$8
  shift 8
  local out=$TMP/$name
  "$BRIEFMAKE" -v --reference-doc "$ref" -o "$out" "$brief" 2>"$TMP/$name.err" || {
    fail "$name: briefmake fails: $(cat "$TMP/$name.err")"; return; }
  python3 "$LIB/refdoc_check.py" styles "$out/ospg-8.docx" "$@" || fail "$name: the DOCX's styles are not the reference's"
  pdffonts "$out/ospg-8.pdf" >"$TMP/$name.fonts"
  local f
  for f in $fonts; do grep -q "$f" "$TMP/$name.fonts" || fail "$name: the PDF has no font $f: $(cat "$TMP/$name.fonts")"; done
  pdftotext -bbox -f 1 -l 1 "$out/ospg-8.pdf" "$TMP/$name.html"
  python3 "$LIB/refdoc_check.py" bbox "$TMP/$name.html" "$left" "$hword" "$hx" ||
    fail "$name: positions in the PDF are not the reference's"
  pdftohtml -xml -i -q -zoom 4 -f 1 -l 1 -stdout "$out/ospg-8.pdf" >"$TMP/$name.xml"
  python3 "$LIB/refdoc_check.py" ratio "$TMP/$name.xml" "$heading" ticaret "$ratio" ||
    fail "$name: the heading-to-body size ratio is not the reference's"
  "$validator" "$out/ospg-8.docx" >"$TMP/$name.validator" || fail "$name: the validator rejects the DOCX: $(head -c 600 "$TMP/$name.validator")"
  if lo_to_pdf "$out/ospg-8.docx" "$TMP/$name.lo"; then
    local p1 p2
    p1=$(pdfinfo "$out/ospg-8.pdf" | awk '/^Pages:/{print $2}')
    p2=$(pdfinfo "$TMP/$name.lo/ospg-8.pdf" | awk '/^Pages:/{print $2}')
    [ "$p1" = "$p2" ] || fail "$name: the PDF has $p1 pages, LibreOffice's rendering of the DOCX $p2"
  fi
}

# python-docx, no theme: Arial (Liberation Sans in the PDF, with a warning), 3.5 cm left margin,
# heading 1 16 pt over the body's 10.5.
check plain "$TMP/plain.docx" "LiberationSans" 99.2 MINISTRY 99.2 Özet 1.524 \
  "Normal=Arial/10.5/0/222222" "heading 1=Arial/16/1/8B1A1A" "Title=Arial/22/1/8B1A1A" "header=Arial/8.5/0/8B1A1A"
grep -q 'font "Arial" .*"Liberation Sans"' "$TMP/plain.err" || fail "no warning names Arial and Liberation Sans: $(cat "$TMP/plain.err")"
unzip -l "$TMP/plain/ospg-8.docx" >"$TMP/plain.parts"
grep -q 'word/media/ref-header1-' "$TMP/plain.parts" || fail "the reference's header image is not carried into the DOCX"
"$BRIEFMAKE" -q --reference-doc "$TMP/plain.docx" --dump-layout "$TMP/plain.layout" -o "$TMP/plain-again" "$brief" ||
  fail "plain: a second run fails"
# Its "Table Grid" (9 pt, maroon rules, a maroon header row in bold white) is our tables' style.
python3 "$LIB/refdoc_check.py" table "$TMP/plain/ospg-8.docx" "$TMP/plain.layout" "Table Grid" 8B1A1A FFFFFF 9 ||
  fail "plain: the tables do not take the reference's table style"
# Its Title has a bottom border (1 pt, 4F81BD) and letter spacing, its Subtitle wider spacing
# (w:spacing 5 and 15 twentieths): Word and LibreOffice draw them, so the PDF does too.
grep -q '^page 1 rule .* w=1 color=4F81BD' "$TMP/plain.layout" || fail "plain: the PDF has no rule under the title"
grep -q '^page 1 text .* size=22 tracking=0.25 .*"Türkiye-Kazakistan' "$TMP/plain.layout" ||
  fail "plain: the title is not letterspaced as the reference's Title"
grep -q '^page 1 text .* tracking=0.75 .*"Bilgi Notu"' "$TMP/plain.layout" ||
  fail "plain: the subtitle is not letterspaced as the reference's Subtitle"
cmp -s "$TMP/plain/ospg-8.pdf" "$TMP/plain-again/ospg-8.pdf" && cmp -s "$TMP/plain/ospg-8.docx" "$TMP/plain-again/ospg-8.docx" ||
  fail "plain: two runs give different bytes"
pdfimages -list "$TMP/plain/ospg-8.pdf" >"$TMP/plain.images" 2>&1
[ "$(awk 'NR > 2 && $1 == 1' "$TMP/plain.images" | wc -l)" -ge 1 ] || fail "the PDF's page 1 lacks the header logo"

# python-docx's own template: theme fonts (minor Cambria for the body, major Calibri for
# headings: Caladea and Carlito here) and theme colours (accent1 shaded BF: 365F91).
check theme "$TMP/theme.docx" "Caladea Carlito" 90 THEMED 90 Özet 1.273 \
  "Normal=Cambria/11/0/-" "heading 1=Calibri/14/1/365F91"
# Its header's right slot ends at the Header style's right stop, 6.5 in from the 1.25 in margin
# (past the right margin, as Word puts it), not at the margin.
python3 "$LIB/refdoc_check.py" ends "$TMP/theme.html" TABRIGHT 558 || fail "theme: the header's right slot is not at the reference's tab stop"

# LibreOffice: DejaVu Sans 10 pt body, DejaVu Serif 18 pt headings, 1.5 in left margin, Letter.
check lo "$TMP/lo.docx" "DejaVuSans DejaVuSerif" 108 LIBREOFFICE 108 Özet 1.8 \
  "Normal=DejaVu Sans/10/0/1A1A1A" "heading 1=DejaVu Serif/18/1/2E5E3E"
[ "$(pdfinfo "$TMP/lo/ospg-8.pdf" | awk '/^Page size:/{print $3 "x" $5}')" = "612x792" ] ||
  fail "the LibreOffice reference's Letter page is not the PDF's"

# The same through a template: `reference-doc:` beside `extends:`.
mkdir -p "$TMP/t"
cp "$TMP/plain.docx" "$TMP/t/ministry.docx"
printf 'extends: default\nname: ministry\nreference-doc: ministry.docx\n' >"$TMP/t/ministry.yaml"
printf 'header:\n  center: "BESIDEHEAD"\nfooter:\n  left: "BESIDEFOOT"\n' >>"$TMP/t/ministry.yaml"
"$BRIEFMAKE" -q --template "$TMP/t/ministry.yaml" -f pdf -o "$TMP/tmpl" "$brief" || fail "a template naming reference-doc: fails"
pdffonts "$TMP/tmpl/ospg-8.pdf" | grep -q LiberationSans || fail "the template's reference-doc: is not applied"

# `reference-header: beside`: the template's slots stay where the reference's are empty (its
# header has no centre text, its footer only a centre), in both outputs; by default they go.
pdftotext -f 1 -l 1 "$TMP/tmpl/ospg-8.pdf" - | grep -q BESIDE && fail "replace: the template's slots are printed beside the reference's"
cp "$TMP/t/ministry.yaml" "$TMP/t/beside.yaml"
printf 'reference-header: beside\n' >>"$TMP/t/beside.yaml"
"$BRIEFMAKE" -q --template "$TMP/t/beside.yaml" -o "$TMP/beside" "$brief" || fail "beside: briefmake fails"
pdftotext -f 1 -l 1 "$TMP/beside/ospg-8.pdf" "$TMP/beside.txt"
for w in BESIDEHEAD BESIDEFOOT MINISTRY "Official use"; do
  grep -q "$w" "$TMP/beside.txt" || fail "beside: the PDF's page 1 lacks \"$w\""
done
unzip -p "$TMP/beside/ospg-8.docx" word/header1.xml >"$TMP/beside.h1"
unzip -p "$TMP/beside/ospg-8.docx" word/footer1.xml >"$TMP/beside.f1"
grep -q BESIDEHEAD "$TMP/beside.h1" && grep -q MINISTRY "$TMP/beside.h1" && grep -q '<w:drawing' "$TMP/beside.h1" ||
  fail "beside: the DOCX header lacks the template's slot, the reference's text or its logo"
grep -q BESIDEFOOT "$TMP/beside.f1" && grep -q 'Official use' "$TMP/beside.f1" || fail "beside: the DOCX footer lacks a slot"
"$validator" "$TMP/beside/ospg-8.docx" >"$TMP/beside.validator" || fail "beside: the validator rejects the DOCX: $(head -c 600 "$TMP/beside.validator")"
printf 'reference-header: aside\n' >>"$TMP/t/ministry.yaml"
"$BRIEFMAKE" -q --template "$TMP/t/ministry.yaml" -f pdf -o "$TMP/aside" "$brief" 2>"$TMP/aside.err" && fail "reference-header: aside is accepted"
grep -q 'ministry.yaml:[0-9]*:[0-9]*: error: .*aside' "$TMP/aside.err" || fail "aside: no located error: $(cat "$TMP/aside.err")"

# Hostile references: a located error naming the file (and the part), exit 1, nothing written.
hostile() {
  local kind=$1 what=$2
  make_ref hostile "$kind" "$TMP/plain.docx" "$TMP/h-$kind.docx"
  mkdir -p "$TMP/h-out"
  echo keep >"$TMP/h-out/ospg-8.pdf"
  local rc=0
  "$BRIEFMAKE" --reference-doc "$TMP/h-$kind.docx" -o "$TMP/h-out" "$brief" 2>"$TMP/h-$kind.err" || rc=$?
  [ "$rc" = 1 ] || fail "$kind: exit $rc, expected 1"
  grep -q "^--reference-doc: error: .*h-$kind.docx.*$what" "$TMP/h-$kind.err" || fail "$kind: no located error naming the file and \"$what\": $(cat "$TMP/h-$kind.err")"
  [ "$(cat "$TMP/h-out/ospg-8.pdf")" = keep ] && [ ! -e "$TMP/h-out/ospg-8.docx" ] || fail "$kind: an output was touched"
}
hostile notzip "not a zip"
hostile bomb "zip bomb"
hostile badstyles "word/styles.xml is not well-formed"
hostile macro "macro"
hostile extimage "word/header1.xml has an external relationship"

# A reference outside the folders a template may name: refused at the template's line.
mkdir -p "$TMP/confined/sub"
cp "$TMP/plain.docx" "$TMP/confined/outside.docx"
printf 'extends: default\nreference-doc: ../outside.docx\n' >"$TMP/confined/sub/t.yaml"
sed 's/^template: .*//' "$brief" >"$TMP/confined/sub/brief.yaml"
printf 'template: t.yaml\n' >>"$TMP/confined/sub/brief.yaml"
rc=0
"$BRIEFMAKE" -o "$TMP/confined/out" "$TMP/confined/sub/brief.yaml" 2>"$TMP/confined.err" || rc=$?
[ "$rc" = 1 ] || fail "outside: exit $rc, expected 1"
grep -q 't.yaml:2:[0-9]*: error: reference document path "../outside.docx" leads outside' "$TMP/confined.err" ||
  fail "outside: no located error: $(cat "$TMP/confined.err")"
[ ! -e "$TMP/confined/out" ] || [ -z "$(ls -A "$TMP/confined/out")" ] || fail "outside: an output was written"

# An external attached template (settings.xml.rels) is never read nor carried over.
make_ref hostile attached "$TMP/plain.docx" "$TMP/attached.docx"
"$BRIEFMAKE" -q --reference-doc "$TMP/attached.docx" -f docx -o "$TMP/attached" "$brief" || fail "attached: briefmake fails"
python3 "$LIB/refdoc_check.py" styles "$TMP/attached/ospg-8.docx" || fail "attached: the output holds an external relationship"
finish
