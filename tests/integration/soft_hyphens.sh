#!/usr/bin/env bash
# soft_hyphens: the DOCX carries a soft hyphen only where briefmake's layout hyphenated a line
# end of the PDF, so that Word and LibreOffice break those lines there and copied text is free
# of invisible U+00AD elsewhere:
#  - the number of w:softHyphen in each DOCX equals the number of hyphenated line ends in
#    pdftotext's text of its PDF, and the words that carry them are the same;
#  - pandoc's plain-text reading of the DOCX holds U+00AD only inside those words;
#  - the DOCX asks for no automatic hyphenation (w:autoHyphenation absent).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pandoc python3 unzip

"$BRIEFMAKE" -o "$TMP/out" "$SOURCE_DIR/briefs/ospg-8.yaml" "$SOURCE_DIR/briefs/ospg-8-en.yaml" \
  "$SOURCE_DIR/tests/briefs/long-tr.yaml" "$SOURCE_DIR/tests/briefs/figures-tr.yaml" || die "briefmake failed"
for stem in ospg-8 ospg-8-en long-tr figures-tr; do
  pdftotext -enc UTF-8 "$TMP/out/$stem.pdf" "$TMP/$stem.txt" || die "pdftotext cannot read $stem.pdf"
  pandoc -f docx -t plain --wrap=none "$TMP/out/$stem.docx" -o "$TMP/$stem.plain" || die "pandoc cannot read $stem.docx"
  if out=$(python3 "$LIB/docx_soft_hyphens.py" "$TMP/$stem.txt" "$TMP/out/$stem.docx" "$TMP/$stem.plain"); then
    echo "$stem: $out"
  else
    fail "$stem: $out"
  fi
  if unzip -p "$TMP/out/$stem.docx" word/settings.xml | grep -q "w:autoHyphenation"; then
    fail "$stem: the DOCX turns on automatic hyphenation"
  fi
done
finish
