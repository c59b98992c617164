#!/usr/bin/env bash
# links: one treatment of links in both outputs, set by the template (colors.link,
# link-underline). The default template prints the link of ospg-8 ("Türk Devletleri
# Teşkilatı", to https://www.turkicstates.org) in 0563C1, underlined, in the PDF (layout dump: coloured runs, a rule under each)
# and in the DOCX (the Hyperlink style); a template with link-underline: false and another
# colour gives that colour and no underline in both (links_check.py).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3

brief=$SOURCE_DIR/briefs/ospg-8.yaml
"$BRIEFMAKE" -o "$TMP/a" --dump-layout "$TMP/a.dump" "$brief" || die "briefmake failed"
"$BRIEFMAKE" -o "$TMP/b" --dump-layout "$TMP/b.dump" --template "$SOURCE_DIR/tests/data/tmpl/links-plain.yaml" "$brief" ||
  die "briefmake failed with links-plain.yaml"
uri=https://www.turkicstates.org
out=$(python3 "$LIB/links_check.py" "$TMP/a.dump" "$TMP/a/ospg-8.docx" "$uri" 0563C1 yes) && echo "default: $out" ||
  fail "default template: $out"
out=$(python3 "$LIB/links_check.py" "$TMP/b.dump" "$TMP/b/ospg-8.docx" "$uri" 7A1F1F no) && echo "links-plain: $out" ||
  fail "links-plain template: $out"
finish
