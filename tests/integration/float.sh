#!/usr/bin/env bash
# float: a figure that does not fit below the text before it floats to the top of the next page
# while the text after it fills the gap (template figures.float, on by default), in both outputs.
# tests/briefs/float-tr.yaml: a long table ends on page 2; Şekil 1, the next section's chart,
# does not fit below it.
#  - layout dump: Şekil 1 is the first line of page 3, the next section's heading and text stand
#    on page 2, Şekil 2 still follows Şekil 1 (float_check.py floated);
#  - with figures: {float: false} (tests/data/tmpl/no-float.yaml) the text stays after the figure;
#  - the DOCX writes the figure where the PDF shows it: the words of the PDF and of the DOCX are
#    the same, in order (parity.py), and LibreOffice's rendering of the DOCX has Şekil 1 on the
#    PDF's page and as many pages.
# (page_ends.sh checks that no page of this brief ends with a heading.)
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3 pdftotext soffice

brief=$SOURCE_DIR/tests/briefs/float-tr.yaml
check=$LIB/float_check.py
"$BRIEFMAKE" -o "$TMP/a" --dump-layout "$TMP/a.dump" "$brief" || die "briefmake failed"
"$BRIEFMAKE" -o "$TMP/b" --dump-layout "$TMP/b.dump" --template "$SOURCE_DIR/tests/data/tmpl/no-float.yaml" "$brief" ||
  die "briefmake failed with no-float.yaml"
if out=$(python3 "$check" floated "$TMP/a.dump" "Şekil 1." "DEĞERLENDİRME" "Şekil 2."); then echo "$out"; else fail "$out"; fi
if out=$(python3 "$check" stays "$TMP/b.dump" "Şekil 1." "DEĞERLENDİRME"); then echo "$out"; else fail "$out"; fi
python3 "$LIB/parity.py" words "$TMP/a/float-tr.pdf" "$TMP/a/float-tr.docx" || fail "the PDF's and the DOCX's words differ"
if lo_to_pdf "$TMP/a/float-tr.docx" "$TMP/lo"; then
  if out=$(python3 "$check" same-page "$TMP/a/float-tr.pdf" "$TMP/lo/float-tr.pdf" "Şekil 1."); then echo "$out"; else fail "$out"; fi
fi
finish
