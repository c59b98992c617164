#!/usr/bin/env bash
# tagged_pdf: every PDF briefmake writes is a tagged PDF claiming PDF/UA-1, read back by readers
# nobody here wrote.
#  - Every brief in briefs/ and tests/briefs/, ospg-8 with every shipped template and with
#    --pdfa: pdfinfo says "Tagged: yes"; the structural checker over pikepdf
#    (lib/pdfua_check.py: the Matterhorn Protocol's machine-checkable conditions) finds nothing;
#    each file stays under 36 KB per page of ospg-8's kind (ospg-8 itself under 36 KB).
#  - The checker catches each defect planted into a good file (lib/pdfua_planted.py).
#  - poppler's tree (pdfinfo -struct-text) of ospg-8, long-tr and the figures briefs holds the
#    body text, in order, without the running header and footer (lib/struct_text_check.py).
#  - pdf.js (pdfjs-dist, tools/node/pdfjs) reads the same headings, the figures' alt text and the
#    tables' header cells (lib/pdfjs_struct.mjs, lib/pdfjs_check.py).
# veraPDF, the reference PDF/UA validator, is not packaged in Debian, so it is not run here.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdfinfo pdftotext python3 node

# pikepdf is Debian's python3-pikepdf: the system Python has it even where python3 is another.
PY=python3
$PY -c 'import pikepdf' 2>/dev/null || PY=/usr/bin/python3
$PY -c 'import pikepdf' 2>/dev/null || die "python3-pikepdf is not installed (run scripts/setup --test)"
PDFJS=$SOURCE_DIR/tools/node/pdfjs/node_modules/pdfjs-dist
[ -f "$PDFJS/legacy/build/pdf.mjs" ] || die "pdfjs-dist is not installed in tools/node/pdfjs (run scripts/setup --test)"

export SOURCE_DATE_EPOCH=1767225600
out=$TMP/out
"$BRIEFMAKE" -q -f pdf -o "$out/briefs" "$SOURCE_DIR/briefs" >"$TMP/log" 2>&1 || die "briefmake briefs/: $(tail -3 "$TMP/log")"
"$BRIEFMAKE" -q -f pdf -o "$out/tests" "$SOURCE_DIR/tests/briefs" \
  >"$TMP/log" 2>&1 || die "briefmake tests/briefs/: $(tail -3 "$TMP/log")"
"$BRIEFMAKE" -q -f pdf --pdfa -o "$out/pdfa" "$SOURCE_DIR/briefs/ospg-8.yaml" >"$TMP/log" 2>&1 ||
  die "briefmake --pdfa: $(tail -3 "$TMP/log")"
for t in "$SOURCE_DIR"/templates/*.yaml; do
  name=$(basename "$t" .yaml)
  "$BRIEFMAKE" -q -f pdf --template "$name" -o "$out/tmpl-$name" "$SOURCE_DIR/briefs/ospg-8.yaml" >"$TMP/log" 2>&1 ||
    die "briefmake --template $name: $(tail -3 "$TMP/log")"
done

mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
[ "${#pdfs[@]}" -ge 16 ] || fail "only ${#pdfs[@]} PDFs written"
for pdf in "${pdfs[@]}"; do
  pdfinfo "$pdf" | grep -q '^Tagged: *yes$' || fail "pdfinfo: $pdf is not tagged"
done
$PY "$LIB/pdfua_check.py" "${pdfs[@]}" >"$TMP/ua.out" || fail "PDF/UA structure: $(head -20 "$TMP/ua.out")"
$PY "$LIB/pdfua_planted.py" "$out/briefs/ospg-8.pdf" "$TMP" >"$TMP/planted.out"
[ ! -s "$TMP/planted.out" ] || fail "planted defects: $(cat "$TMP/planted.out")"

for pdf in "$out/briefs/ospg-8.pdf" "$out/tmpl-default/ospg-8.pdf" "$out/pdfa/ospg-8.pdf"; do
  size=$(stat -c %s "$pdf")
  [ "$size" -lt 36864 ] || fail "$pdf is $size bytes, over 36 KB"
done
echo "ospg-8.pdf: $(stat -c %s "$out/briefs/ospg-8.pdf") bytes tagged, $(stat -c %s "$out/pdfa/ospg-8.pdf") with --pdfa"

# poppler's tree against poppler's text, inside the margins: the default template's are 25 mm,
# compact's 18 and 16 mm (51 pt is past its header and footer), memo-en's an inch.
for spec in briefs/ospg-8.pdf:70.87 tests/long-tr.pdf:70.87 tests/figures-tr.pdf:70.87 tests/figures-en.pdf:70.87 \
            tmpl-compact/ospg-8.pdf:51 tmpl-memo-en/ospg-8.pdf:72 pdfa/ospg-8.pdf:70.87; do
  pdf=$out/${spec%%:*}
  python3 "$LIB/struct_text_check.py" "$pdf" "${spec##*:}" >"$TMP/st.out" || fail "struct_text_check.py crashed on $pdf"
  [ ! -s "$TMP/st.out" ] || fail "pdfinfo -struct-text: $(head -10 "$TMP/st.out")"
done
# ... and the check can fail: a PDF whose header is tagged as a paragraph is caught.
$PY "$LIB/pdfua_plant_header.py" "$out/briefs/ospg-8.pdf" "$TMP/header-tagged.pdf"
python3 "$LIB/struct_text_check.py" "$TMP/header-tagged.pdf" 70.87 >"$TMP/st.out" || true
grep -q "running header/footer text" "$TMP/st.out" || fail "struct_text_check.py misses a tagged running header"

# pdf.js: the same headings, the figures' alt texts, header cells.
for spec in briefs/ospg-8.pdf:1 tests/long-tr.pdf:0 tests/figures-tr.pdf:7 tests/figures-en.pdf:7; do
  pdf=$out/${spec%%:*}
  node "$LIB/pdfjs_struct.mjs" "$PDFJS" "$pdf" "$TMP/pdfjs.json" >"$TMP/node.log" 2>&1 ||
    { fail "pdf.js cannot read $pdf: $(tail -3 "$TMP/node.log")"; continue; }
  python3 "$LIB/pdfjs_check.py" "$pdf" "$TMP/pdfjs.json" "${spec##*:}" >"$TMP/js.out" || fail "pdfjs_check.py crashed"
  [ ! -s "$TMP/js.out" ] || fail "pdf.js: $(head -10 "$TMP/js.out")"
done
finish
