#!/usr/bin/env bash
# links: one treatment of links in both outputs, set by the template (colors.link,
# link-underline). The default template prints the link of ospg-8 ("Türk Devletleri
# Teşkilatı", to https://www.turkicstates.org) in 0563C1, underlined, in the PDF (layout dump: coloured runs, a rule under each)
# and in the DOCX (the Hyperlink style); a template with link-underline: false and another
# colour gives that colour and no underline in both (links_check.py).
# With link-address: true (tests/data/tmpl/links-address.yaml) the paragraph is followed by
# "Türk Devletleri Teşkilatı: https://www.turkicstates.org" in the footnote-sized note style
# (10 pt), the address a link, in the PDF (layout dump, pdftotext) and the DOCX alike; the
# default template prints no such line (link_address_check.py). The words of both outputs stay
# the same in order, and LibreOffice's rendering of the DOCX has the PDF's page count.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3 pdftotext pdfinfo soffice

brief=$SOURCE_DIR/briefs/ospg-8.yaml
"$BRIEFMAKE" -o "$TMP/a" --dump-layout "$TMP/a.dump" "$brief" || die "briefmake failed"
"$BRIEFMAKE" -o "$TMP/b" --dump-layout "$TMP/b.dump" --template "$SOURCE_DIR/tests/data/tmpl/links-plain.yaml" "$brief" ||
  die "briefmake failed with links-plain.yaml"
uri=https://www.turkicstates.org
out=$(python3 "$LIB/links_check.py" "$TMP/a.dump" "$TMP/a/ospg-8.docx" "$uri" 0563C1 yes) && echo "default: $out" ||
  fail "default template: $out"
out=$(python3 "$LIB/links_check.py" "$TMP/b.dump" "$TMP/b/ospg-8.docx" "$uri" 7A1F1F no) && echo "links-plain: $out" ||
  fail "links-plain template: $out"
line="Türk Devletleri Teşkilatı: $uri"
"$BRIEFMAKE" -o "$TMP/c" --dump-layout "$TMP/c.dump" --template "$SOURCE_DIR/tests/data/tmpl/links-address.yaml" "$brief" ||
  die "briefmake failed with links-address.yaml"
out=$(python3 "$LIB/link_address_check.py" "$TMP/c.dump" "$TMP/c/ospg-8.pdf" "$TMP/c/ospg-8.docx" "$uri" "$line" 10 present) &&
  echo "links-address: $out" || fail "links-address template: $out"
out=$(python3 "$LIB/link_address_check.py" "$TMP/a.dump" "$TMP/a/ospg-8.pdf" "$TMP/a/ospg-8.docx" "$uri" "$line" 10 absent) &&
  echo "default: $out" || fail "default template: $out"
python3 "$LIB/parity.py" words "$TMP/c/ospg-8.pdf" "$TMP/c/ospg-8.docx" || fail "links-address: the PDF's and the DOCX's words differ"
if lo_to_pdf "$TMP/c/ospg-8.docx" "$TMP/lo"; then
  p1=$(pdfinfo "$TMP/c/ospg-8.pdf" | awk '/^Pages:/{print $2}') p2=$(pdfinfo "$TMP/lo/ospg-8.pdf" | awk '/^Pages:/{print $2}')
  if [ "$p1" = "$p2" ]; then echo "links-address: $p1 pages in both"; else fail "links-address: the PDF has $p1 pages, LibreOffice's rendering $p2"; fi
fi
finish
