#!/usr/bin/env bash
# page_ends: no page ends with a heading. Every brief in briefs/ and tests/briefs/ (and the long
# brief with a table of contents) is laid out with --dump-layout; on every page but the last,
# the lowest text line (header and footer aside) is not a heading (no_heading_at_page_end.py).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3

dumps=()
for brief in "$SOURCE_DIR"/briefs/*.yaml "$SOURCE_DIR"/tests/briefs/*.yaml; do
  stem=$(basename "$brief" .yaml)
  "$BRIEFMAKE" -o "$TMP/out" --dump-layout "$TMP/$stem.dump" "$brief" 2>/dev/null || { fail "briefmake failed on $brief"; continue; }
  dumps+=("$TMP/$stem.dump")
done
"$BRIEFMAKE" -o "$TMP/toc" --dump-layout "$TMP/long-tr-toc.dump" --template "$SOURCE_DIR/tests/data/tmpl/with-toc.yaml" \
  "$SOURCE_DIR/tests/briefs/long-tr.yaml" 2>/dev/null || fail "briefmake failed on long-tr with a TOC"
dumps+=("$TMP/long-tr-toc.dump")
[ ${#dumps[@]} -ge 10 ] || fail "only ${#dumps[@]} briefs laid out"
if out=$(python3 "$LIB/no_heading_at_page_end.py" "${dumps[@]}"); then echo "$out"; else fail "$out"; fi
finish
