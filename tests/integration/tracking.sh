#!/usr/bin/env bash
# tracking: the letterspaced header and footer (the template style's tracking, 0.05em in the
# default template) in both outputs. The PDF draws them with the Tc operator (qpdf --qdf
# decompresses the page streams: every page sets 0.5 Tc, 5% of the 10 pt header, and the
# body's text before it is drawn without), pdftotext still reads the classification marking
# as whole words, and the DOCX's Header and Footer styles carry w:spacing w:val="10" (0.5 pt in
# twentieths of a point) (tracking_check.py).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3 qpdf pdftotext

brief=$SOURCE_DIR/briefs/ospg-8.yaml
"$BRIEFMAKE" -o "$TMP/out" "$brief" || die "briefmake failed"
qpdf --qdf --object-streams=disable "$TMP/out/ospg-8.pdf" "$TMP/qdf.pdf" || die "qpdf --qdf failed"
pdftotext -enc UTF-8 -f 1 -l 1 "$TMP/out/ospg-8.pdf" "$TMP/p1.txt" || die "pdftotext failed"
out=$(python3 "$LIB/tracking_check.py" "$TMP/qdf.pdf" "$TMP/out/ospg-8.docx" "$TMP/p1.txt" 0.5 10 "HİZMETE ÖZEL") &&
  echo "$out" || fail "$out"
finish
