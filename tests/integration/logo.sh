#!/usr/bin/env bash
# logo: a template's logo appears in both outputs, at the same size: an image XObject on page 1
# of the PDF, a picture part drawn inline at the top of the DOCX; the DOCX still validates and
# paginates like the PDF.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdfimages pdfinfo unzip python3 soffice

"$BRIEFMAKE" --template "$SOURCE_DIR/tests/data/tmpl/with-logo.yaml" -o "$TMP/out" "$SOURCE_DIR/briefs/ospg-8.yaml" ||
  die "briefmake failed"
pdf=$TMP/out/ospg-8.pdf docx=$TMP/out/ospg-8.docx

pdfimages -list "$pdf" >"$TMP/images.txt" 2>&1 || fail "pdfimages cannot read the PDF"
n=$(awk 'NR > 2 && $1 == 1 && $3 == "image"' "$TMP/images.txt" | wc -l)
[ "$n" = 1 ] || fail "page 1 of the PDF should hold one image; pdfimages says: $(cat "$TMP/images.txt")"

unzip -l "$docx" >"$TMP/parts.txt"  # (not piped into grep -q: pipefail would see SIGPIPE)
grep -q 'word/media/logo.png' "$TMP/parts.txt" || fail "the DOCX has no word/media/logo.png"
unzip -p "$docx" word/media/logo.png | cmp -s - "$SOURCE_DIR/tests/data/tmpl/logo.png" ||
  fail "the DOCX's logo is not the template's file"
# 20 mm wide = 720,000 EMU (1 mm = 36,000 EMU), in the drawing's extent
unzip -p "$docx" word/document.xml >"$TMP/document.xml"
grep -q '<wp:extent cx="720000"' "$TMP/document.xml" || fail "the DOCX logo is not 20 mm wide"

validator=$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator
[ -x "$validator" ] || die "the OOXML validator is missing (run scripts/setup --test)"
"$validator" "$docx" >"$TMP/validator.json" || fail "the validator rejects the DOCX: $(head -c 600 "$TMP/validator.json")"

if lo_to_pdf "$docx" "$TMP/lo"; then
  lo=$TMP/lo/ospg-8.pdf
  pdfimages -list "$lo" >"$TMP/lo-images.txt" 2>&1
  awk 'NR > 2 && $1 == 1 && $3 == "image"' "$TMP/lo-images.txt" | grep -c . >/dev/null || fail "LibreOffice shows no image on page 1"
  p1=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}') p2=$(pdfinfo "$lo" | awk '/^Pages:/{print $2}')
  [ "$p1" = "$p2" ] || fail "with a logo the PDF has $p1 pages, LibreOffice's rendering of the DOCX $p2"
fi
finish
