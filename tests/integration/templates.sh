#!/usr/bin/env bash
# templates: briefs/ospg-8.yaml rendered with each shipped template (--template NAME), in both
# formats, shows that template's marks:
#   default  A4, Liberation Serif / Times New Roman, "T.C." letterhead, classification and
#            reference in the header, "Sayfa n / N" in the footer, meeting table before summary;
#   compact  A4, only Liberation Sans / Arial, no letterhead, no background sections (figures
#            gathered at the end), the meeting date in the header, at most 2 pages;
#   memo-en  US Letter, Liberation Serif / Times New Roman, "MEMORANDUM" letterhead, summary
#            first, "Page n of N", page 1 with its own header (classification only, no
#            reference) and w:titlePg in the DOCX.
# Header and footer texts are looked for in the top and bottom 60 pt of the page (pdftotext
# -x -y -W -H), in our PDF and in LibreOffice's PDF of the DOCX. Every DOCX passes the OOXML
# validator with 0 errors. Template errors are reported as FILE:LINE:COL: error: (exit 1).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdfinfo pdffonts soffice unzip python3

validator=${OOXML_VALIDATOR:-$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator}
if [ ! -x "$validator" ]; then
  validator=$(command -v ooxml-validator || true)
  [ -n "$validator" ] || die "the OOXML validator is not installed (run scripts/setup --test)"
fi

brief=$SOURCE_DIR/briefs/ospg-8.yaml

# band_text PDF PAGE top|bottom OUT: the text in the top or bottom 60 pt of PAGE without any
# white space (pdftotext drops some spaces between small words when it crops), so compare it
# with band_expect / band_absent, which drop the spaces of the words too.
band_text() {
  local pdf=$1 page=$2 band=$3 out=$4 w h y
  read -r w h < <(pdfinfo -f "$page" -l "$page" "$pdf" | awk '/^Page +[0-9]+ size:/ {printf "%d %d\n", $4 + 0.999, $6 + 0.999}')
  [ -n "${h:-}" ] || { fail "pdfinfo gives no size for page $page of $pdf"; : >"$out"; return; }
  if [ "$band" = top ]; then y=0; else y=$((h - 60)); fi
  pdftotext -enc UTF-8 -f "$page" -l "$page" -x 0 -y "$y" -W "$w" -H 60 "$pdf" "$TMP/band.raw" 2>/dev/null || : >"$TMP/band.raw"
  python3 -c 'import re,sys; t=open(sys.argv[1],encoding="utf-8").read(); open(sys.argv[2],"w",encoding="utf-8").write(re.sub(r"[\s\u00a0\u202f]+","",t))' \
    "$TMP/band.raw" "$out"
}

band_expect() { local f=$1 what=$2; shift 2; expect_words "$f" "$what" "${@// /}"; }
band_absent() { local f=$1 what=$2; shift 2; no_words "$f" "$what" "${@// /}"; }

# no_words FILE WHAT WORD...: no WORD occurs in FILE.
no_words() {
  local file=$1 what=$2 w
  shift 2
  for w in "$@"; do
    if grep -qF -- "$w" "$file"; then fail "$what holds \"$w\""; fi
  done
}

# in_order FILE WHAT A B...: A occurs before B before ... in FILE (first occurrences).
in_order() {
  local file=$1 what=$2 msg
  shift 2
  msg=$(python3 "$LIB/words_in_order.py" "$file" "$@")
  [ -z "$msg" ] || fail "$what: $msg (expected ${*// / })"
}

# page_size PDF: "W x H" in whole points, from pdfinfo.
page_size() { pdfinfo "$1" | awk '/^Page size:/ {printf "%d x %d\n", $3 + 0.5, $5 + 0.5}'; }
pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# validate DOCX WHAT: the Open XML SDK validator reports no error.
validate() {
  local docx=$1 what=$2 rc=0
  "$validator" "$docx" >"$TMP/validator.json" 2>"$TMP/validator.err" || rc=$?
  [ $rc -ne 2 ] || die "the validator could not run: $(cat "$TMP/validator.err")"
  python3 "$LIB/ooxml_validator_report.py" "$TMP/validator.json" >"$TMP/validator.txt" || fail "$what: the OOXML validator (exit $rc) reports $(cat "$TMP/validator.txt")"
  [ $rc -eq 0 ] || fail "$what: the OOXML validator exits $rc"
}

# docx_facts DOCX OUT: "fonts: NAME;NAME", "pgSz: W x H", "titlePg: yes|no" from the package.
docx_facts() {
  local docx=$1 out=$2 x=$TMP/x.$RANDOM
  mkdir -p "$x" && unzip -q -o "$docx" -d "$x" || { fail "$docx is not a zip"; : >"$out"; return; }
  python3 "$LIB/docx_facts.py" "$x/word/styles.xml" "$x/word/document.xml" >"$out"
}

for t in default compact memo-en; do
  out=$TMP/$t
  "$BRIEFMAKE" -o "$out" --template "$t" "$brief" 2>"$TMP/$t.err" || { fail "briefmake --template $t failed: $(cat "$TMP/$t.err")"; continue; }
  [ ! -s "$TMP/$t.err" ] || fail "briefmake --template $t warns: $(head -3 "$TMP/$t.err")"
  pdf=$out/ospg-8.pdf docx=$out/ospg-8.docx
  [ -s "$pdf" ] && [ -s "$docx" ] || { fail "$t: PDF or DOCX missing"; continue; }
  lo=""
  if lo_to_pdf "$docx" "$out/lo"; then lo=$out/lo/ospg-8.pdf; fi

  # Fonts in the PDF (first column of pdffonts, subset prefix dropped).
  pdffonts "$pdf" 2>/dev/null | tail -n +3 | awk '{sub(/^[A-Z]+\+/, "", $1); print $1}' >"$TMP/$t.fonts"
  docx_facts "$docx" "$TMP/$t.docx.txt"
  validate "$docx" "$t.docx"
  pdf_text "$pdf" "$TMP/$t.txt"
  [ -z "$lo" ] || pdf_text "$lo" "$TMP/$t.lo.txt"

  # Both renderings (ours, LibreOffice's) of text: WHAT FILE pairs.
  renderings=("$t.pdf" "$pdf")
  [ -z "$lo" ] || renderings+=("$t.docx (LibreOffice)" "$lo")

  case $t in
    default)
      size="595 x 842" docx_size="11906 x 16838" title_pg=no
      grep -q '^LiberationSerif' "$TMP/$t.fonts" || fail "$t.pdf: no Liberation Serif font: $(tr '\n' ' ' <"$TMP/$t.fonts")"
      ! grep -q '^LiberationSans' "$TMP/$t.fonts" || fail "$t.pdf uses Liberation Sans"
      grep -q '^fonts: Times New Roman$' "$TMP/$t.docx.txt" || fail "$t.docx: fonts are not just Times New Roman: $(head -1 "$TMP/$t.docx.txt")"
      top1=("HİZMETE ÖZEL" "OSPG-8/2026") top2=("HİZMETE ÖZEL" "OSPG-8/2026") bottom1=("HİZMETE ÖZEL" "Sayfa 1 /") no_top1=()
      body=("T.C." "DIŞİŞLERİ BAKANLIĞI" "ARKA PLAN") no_body=(MEMORANDUM)
      order=("T.C." "Toplantı No" "ÖZET" "GÜNDEM" "ARKA PLAN")
      ;;
    compact)
      size="595 x 842" docx_size="11906 x 16838" title_pg=no
      grep -q '^LiberationSans' "$TMP/$t.fonts" || fail "$t.pdf: no Liberation Sans font: $(tr '\n' ' ' <"$TMP/$t.fonts")"
      ! grep -qv '^LiberationSans' "$TMP/$t.fonts" || fail "$t.pdf uses other fonts than Liberation Sans: $(tr '\n' ' ' <"$TMP/$t.fonts")"
      grep -q '^fonts: Arial$' "$TMP/$t.docx.txt" || fail "$t.docx: fonts are not just Arial: $(head -1 "$TMP/$t.docx.txt")"
      top1=("HİZMETE ÖZEL" "2 Şubat 2026") top2=("HİZMETE ÖZEL" "2 Şubat 2026") bottom1=("OSPG-8/2026" "1 / 2") no_top1=("OSPG-8/2026")
      body=("TABLOLAR VE ŞEKİLLER" "Temel Göstergeler") no_body=("DIŞİŞLERİ BAKANLIĞI" "ARKA PLAN" "KAYNAKLAR" MEMORANDUM)
      order=("Toplantı No" "ÖZET" "GÜNDEM" "TABLOLAR VE ŞEKİLLER")
      for f in "$pdf" $lo; do
        n=$(pages_of "$f")
        [ -n "$n" ] && [ "$n" -le 2 ] || fail "$t: $(basename "$(dirname "$f")")/$(basename "$f") has ${n:-?} pages; expected at most 2"
      done
      ;;
    memo-en)
      size="612 x 792" docx_size="12240 x 15840" title_pg=yes
      grep -q '^LiberationSerif' "$TMP/$t.fonts" || fail "$t.pdf: no Liberation Serif font: $(tr '\n' ' ' <"$TMP/$t.fonts")"
      ! grep -q '^LiberationSans' "$TMP/$t.fonts" || fail "$t.pdf uses Liberation Sans"
      grep -q '^fonts: Times New Roman$' "$TMP/$t.docx.txt" || fail "$t.docx: fonts are not just Times New Roman: $(head -1 "$TMP/$t.docx.txt")"
      top1=("HİZMETE ÖZEL") top2=("OSPG-8/2026" "HİZMETE ÖZEL" "2 Şubat 2026") bottom1=("Page 1 of") no_top1=("OSPG-8/2026")
      body=(MEMORANDUM "İKİLİ SİYASİ İŞLER GENEL MÜDÜRLÜĞÜ" "Arka Plan") no_body=("DIŞİŞLERİ BAKANLIĞI")
      order=(MEMORANDUM "Özet" "Toplantı No" "Gündem" "Arka Plan")
      ;;
  esac

  [ "$(page_size "$pdf")" = "$size" ] || fail "$t.pdf: page size $(page_size "$pdf"); expected $size"
  [ -z "$lo" ] || [ "$(page_size "$lo")" = "$size" ] || fail "$t.docx (LibreOffice): page size $(page_size "$lo"); expected $size"
  grep -qx "pgSz: $docx_size" "$TMP/$t.docx.txt" || fail "$t.docx: $(grep pgSz "$TMP/$t.docx.txt"); expected $docx_size"
  grep -qx "titlePg: $title_pg" "$TMP/$t.docx.txt" || fail "$t.docx: $(grep titlePg "$TMP/$t.docx.txt"); expected $title_pg"

  for ((k = 0; k < ${#renderings[@]}; k += 2)); do
    what=${renderings[k]} f=${renderings[k + 1]} txt=$TMP/$t.$k.txt
    if [ "$k" -eq 0 ]; then cp "$TMP/$t.txt" "$txt"; else cp "$TMP/$t.lo.txt" "$txt"; fi
    band_text "$f" 1 top "$TMP/top1"
    band_expect "$TMP/top1" "$what: header of page 1" "${top1[@]}"
    [ ${#no_top1[@]} -eq 0 ] || band_absent "$TMP/top1" "$what: header of page 1" "${no_top1[@]}"
    band_text "$f" 2 top "$TMP/top2"
    band_expect "$TMP/top2" "$what: header of page 2" "${top2[@]}"
    band_text "$f" 1 bottom "$TMP/bottom1"
    band_expect "$TMP/bottom1" "$what: footer of page 1" "${bottom1[@]}"
    expect_words "$txt" "$what" "${body[@]}"
    no_words "$txt" "$what" "${no_body[@]}"
    in_order "$txt" "$what: block order" "${order[@]}"
  done
done

# A template that extends another changes only what it overrides: compact and memo-en keep
# default's labels (checked in tests/unit/tmpl_shipped_test.cpp too); here through the CLI:
# the English brief with compact prints the English labels.
"$BRIEFMAKE" -f pdf -o "$TMP/en" --template compact "$SOURCE_DIR/briefs/ospg-8-en.yaml" 2>"$TMP/en.err" ||
  fail "briefmake --template compact on ospg-8-en failed: $(cat "$TMP/en.err")"
if [ -s "$TMP/en/ospg-8-en.pdf" ]; then
  pdf_text "$TMP/en/ospg-8-en.pdf" "$TMP/en.txt"
  expect_words "$TMP/en.txt" "ospg-8-en with compact" "AGENDA" "SUMMARY" "Meeting No." "2 February 2026"
fi

# The README's example template ("A template of your own") renders as it says: its letterhead,
# its summary label, the date added to the header of page 2; and with a typo in its header
# placeholder it fails at that line and column.
ex=$TMP/example
mkdir -p "$ex"
python3 "$LIB/readme_example_template.py" "$SOURCE_DIR/README.md" "$ex/embassy.yaml" || fail "README.md: no yaml example under '### A template of your own'"
if [ -s "$ex/embassy.yaml" ]; then
  "$BRIEFMAKE" -f pdf -o "$ex/out" --template "$ex/embassy.yaml" "$brief" 2>"$TMP/ex.err" || fail "the README's example template fails: $(cat "$TMP/ex.err")"
  if [ -s "$ex/out/ospg-8.pdf" ]; then
    pdf_text "$ex/out/ospg-8.pdf" "$TMP/ex.txt"
    expect_words "$TMP/ex.txt" "ospg-8 with the README's example template" "ASTANA BÜYÜKELÇİLİĞİ" "DEĞERLENDİRME" "OSPG-8/2026"
    band_text "$ex/out/ospg-8.pdf" 1 top "$TMP/ex.top1"
    band_absent "$TMP/ex.top1" "the README's example: header of page 1" "2 Şubat 2026"
    band_text "$ex/out/ospg-8.pdf" 2 top "$TMP/ex.top2"
    band_expect "$TMP/ex.top2" "the README's example: header of page 2" "HİZMETE ÖZEL" "2 Şubat 2026"
  fi
  sed 's/{{ meeting\.date | date }}/{{ meeting.dat | date }}/' "$ex/embassy.yaml" >"$ex/typo.yaml"
  line=$(grep -n 'meeting\.dat |' "$ex/typo.yaml" | head -1 | cut -d: -f1)
  col=$(( $(grep -m1 'meeting\.dat |' "$ex/typo.yaml" | awk '{print index($0, "meeting.dat")}') ))
  rc=0
  "$BRIEFMAKE" -o "$ex/bad" --template "$ex/typo.yaml" "$brief" 2>"$TMP/ex.err" || rc=$?
  [ $rc -eq 1 ] || fail "the README's example with a typo: exit $rc; expected 1"
  msg=$(grep -F "typo.yaml:$line:$col: error: unknown placeholder \"meeting.dat\"" "$TMP/ex.err" || true)
  [[ $msg == *'(did you mean "meeting.date"?)'* ]] ||
    fail "the README's example with a typo: expected typo.yaml:$line:$col: error: ..., got: $(cat "$TMP/ex.err")"
  grep -qF "embassy.yaml:$line:$col: error:" "$SOURCE_DIR/README.md" ||
    fail "README.md quotes the example's error at another place than embassy.yaml:$line:$col"
fi

# The README's stand-alone template ("A template that stands alone"), taken from the README as
# it is: it renders ospg-8 in both formats, landscape A4 in Liberation Sans / Arial, and, naming
# one label only, prints the shipped labels' words (no bare keys such as "edition").
own=$TMP/own
mkdir -p "$own"
python3 "$LIB/readme_standalone_template.py" "$SOURCE_DIR/README.md" "$own/landscape.yaml" || fail "README.md has no stand-alone template example"
if [ -s "$own/landscape.yaml" ]; then
  if "$BRIEFMAKE" -o "$own/out" --template "$own/landscape.yaml" --dump-layout "$TMP/own.layout" "$brief" 2>"$TMP/own.err"; then
    # Its colours: the header rule in "rule", the tables' rules in "table-rule", in both outputs.
    grep -q 'rule .* color=00594F' "$TMP/own.layout" || fail "README template: no header rule in colour 00594F in the layout"
    grep -q 'rule .* color=7F7F7F' "$TMP/own.layout" || fail "README template: no table rule in colour 7F7F7F in the layout"
    unzip -p "$own/out/ospg-8.docx" word/styles.xml | grep -o '<w:style w:type="table"[^>]*w:styleId="BriefTable".*\?</w:style>' |
      grep -q 'w:color="7F7F7F"' || fail "README template: the DOCX table style's rules are not 7F7F7F"
    [ "$(page_size "$own/out/ospg-8.pdf")" = "842 x 595" ] || fail "README template: page size $(page_size "$own/out/ospg-8.pdf"); expected 842 x 595"
    pdffonts "$own/out/ospg-8.pdf" | tail -n +3 | awk '{sub(/^[A-Z]+\+/, "", $1); print $1}' >"$TMP/own.fonts"
    grep -q '^LiberationSans' "$TMP/own.fonts" || fail "README template: no Liberation Sans in the PDF"
    ! grep -q '^LiberationSerif' "$TMP/own.fonts" || fail "README template: Liberation Serif in the PDF"
    docx_facts "$own/out/ospg-8.docx" "$TMP/own.docx.txt"
    grep -qx 'fonts: Arial' "$TMP/own.docx.txt" || fail "README template: DOCX fonts $(grep fonts: "$TMP/own.docx.txt"); expected Arial"
    grep -qx 'pgSz: 16838 x 11906' "$TMP/own.docx.txt" || fail "README template: DOCX $(grep pgSz "$TMP/own.docx.txt"); expected 16838 x 11906"
    validate "$own/out/ospg-8.docx" "README template docx"
    pdf_text "$own/out/ospg-8.pdf" "$TMP/own.txt"
    expect_words "$TMP/own.txt" "README template pdf" "Toplantı No" "Hazırlanma Tarihi" "DEĞERLENDİRME" "İçindekiler"
    pdftotext -enc UTF-8 "$own/out/ospg-8.pdf" "$TMP/own.lines"   # a line each, as laid out
    if grep -qxE '(number|format|edition|points|continued|figures|sources)' "$TMP/own.lines"; then
      fail "README template: a bare label key in the PDF: $(grep -xE '(number|format|edition|points|continued|figures|sources)' "$TMP/own.lines" | head -3)"
    fi
  else
    fail "briefmake with the README's template failed: $(cat "$TMP/own.err")"
  fi
fi

# Template errors: FILE:LINE:COL: error: on stderr, exit 1, nothing written.
bad=$TMP/bad
mkdir -p "$bad"
printf 'extends: default\nstyles:\n  body: {size: 200}\n' >"$bad/size.yaml"
printf 'extends: default\nheader:\n  right: "{{ meeting.dat | date }}"\n' >"$bad/placeholder.yaml"
printf 'extends: ./size.yaml\nname: child\n' >"$bad/child.yaml"
printf 'extends: compact\nstyles:\n  heading2: {font: sanz}\n' >"$bad/family.yaml"
printf 'extends: memo-en\nfirst-page:\n  header: {middle: x}\n' >"$bad/slot.yaml"
printf 'extends: default\nheader:\n  center: |\n    Sayfa\n    {{ nope }}\n' >"$bad/block.yaml"
printf 'extends: default\nletterhead: ["T.C.", "Sayfa {{ page }}"]\n' >"$bad/letterhead.yaml"
# case FILE LINE:COL FRAGMENT (the error is in FILE, or in the template it names)
cases=(
  "size.yaml|size.yaml:3:16|expected a size between 4 and 96 points"
  "placeholder.yaml|placeholder.yaml:3:14|unknown placeholder \"meeting.dat\""
  "child.yaml|size.yaml:3:16|expected a size between 4 and 96 points"
  "family.yaml|family.yaml:3:20|unknown font family \"sanz\""
  "slot.yaml|slot.yaml:3:12|unknown key \"middle\""
  "block.yaml|block.yaml:5:8|unknown placeholder \"nope\""
  "letterhead.yaml|letterhead.yaml:2:32|{{ page }} has no value here"
)
for c in "${cases[@]}"; do
  IFS='|' read -r file where fragment <<<"$c"
  rm -rf "$TMP/badout"
  rc=0
  "$BRIEFMAKE" -o "$TMP/badout" --template "$bad/$file" "$brief" >"$TMP/bad.out" 2>"$TMP/bad.err" || rc=$?
  [ $rc -eq 1 ] || fail "--template $file: exit $rc; expected 1"
  loc=${where%%:*} pos=${where#*:}
  # the message names the file (as a path ending in its name) with its line and column
  grep -qE "(^|/)${loc//./\\.}:${pos}: error: " "$TMP/bad.err" || fail "--template $file: expected \"$where: error:\", got: $(cat "$TMP/bad.err")"
  grep -qF -- "$fragment" "$TMP/bad.err" || fail "--template $file: the message lacks \"$fragment\": $(cat "$TMP/bad.err")"
  # (the output folder's lock file, .briefmake.lock, may be there: README, "Nightly runs")
  written=$(find "$TMP/badout" -type f ! -name .briefmake.lock 2>/dev/null)
  [ -z "$written" ] || fail "--template $file: files were written: $written"
done
rc=0
"$BRIEFMAKE" -o "$TMP/badout" --template compakt "$brief" 2>"$TMP/bad.err" || rc=$?
[ $rc -eq 1 ] || fail "--template compakt: exit $rc; expected 1"
grep -qF 'did you mean "compact"?' "$TMP/bad.err" || fail "--template compakt: no suggestion: $(cat "$TMP/bad.err")"
for t in compact default memo-en; do
  grep -qE "expected one of .*\b$t\b" "$TMP/bad.err" || fail "--template compakt: the shipped template $t is not listed: $(cat "$TMP/bad.err")"
done

finish
