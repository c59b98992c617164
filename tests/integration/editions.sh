#!/usr/bin/env bash
# editions: a brief rendered again shows what changed since the last edition (doc/edition.hpp).
# A sequence of editions of a Turkish brief with a CSV table and a chart (lib/editions_make.py:
# a number changed in the CSV, a talking point added, a sentence removed, the summary reworded,
# a chart value changed, an agenda item moved), each rendered into the same folder, checks:
#  - the first edition has no marks; each later one lists its changes in the changes box of the
#    PDF and of the DOCX, and has change bars exactly beside the changed lines (--dump-layout);
#  - the DOCX's tracked changes are by the brief's author on its edition date; Accept All gives
#    the words of the edition rendered with --changes off, Reject All those of the previous one;
#  - LibreOffice lists the tracked changes (text:tracked-changes in the ODT); validator clean;
#  - the .eml body lists the changes;
#  - a rerun of the same content, forced or not, gives byte-identical files with the same box;
#  - --changes off: no marks; --since with the same content under another template or in
#    another language: no marks;
#    a state from an older briefmake (no edition): a first edition; a replaced agenda: the box
#    is cut at the template's max-items with a count.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext python3

make() { python3 "$LIB/editions_make.py" "$@"; }
check() { python3 "$LIB/editions_check.py" "$@" || fail "editions_check.py $*"; }
run() { env -u SOURCE_DATE_EPOCH "$BRIEFMAKE" -q "$@" || die "briefmake $* failed (exit $?)"; }

ed=$TMP/ed  # the folder every edition is rendered into (its state keeps the last edition)
for k in 0 1 2 3 4 5 6; do
  make "$k" "$ed" >"$TMP/expect$k.txt"
  run --dump-layout "$TMP/dump$k.txt" "$ed/brief.yaml"
  mkdir -p "$TMP/off$k"
  cp "$ed/brief.yaml" "$ed/ticaret.csv" "$TMP/off$k/"
  run --changes off "$TMP/off$k/brief.yaml"
  if [ "$k" = 0 ]; then
    check none "$TMP/dump0.txt" "$ed/brief.docx"
    continue
  fi
  check box "$TMP/expect$k.txt" "$ed/brief.pdf" "$ed/brief.docx"
  check bars "$TMP/expect$k.txt" "$TMP/dump$k.txt"
  check accept "$ed/brief.docx" "$TMP/off$k/brief.docx"
  check reject "$ed/brief.docx" "$TMP/off$((k - 1))/brief.docx"
  check tracked "$ed/brief.docx" "Baskı Birimi" "2026-03-0$((k + 1))"
  [ "$k" = 3 ] && cp "$ed/brief.docx" "$TMP/removed.docx"
done
check none "$TMP/dump0.txt" "$TMP/off6/brief.docx"

# A rerun of the same content: skipped, then forced; the same bytes and the same box.
cp "$ed/brief.pdf" "$TMP/last.pdf"
cp "$ed/brief.docx" "$TMP/last.docx"
run "$ed/brief.yaml"
run --force "$ed/brief.yaml"
cmp -s "$ed/brief.pdf" "$TMP/last.pdf" || fail "a forced rerun changed the PDF"
cmp -s "$ed/brief.docx" "$TMP/last.docx" || fail "a forced rerun changed the DOCX"
check box "$TMP/expect6.txt" "$ed/brief.pdf" "$ed/brief.docx"

# The mail lists the changes like the box.
mkdir -p "$TMP/mail"
make 5 "$TMP/mail" >/dev/null
run --eml --from "Brief <brief@example.org>" "$TMP/mail/brief.yaml"
make 6 "$TMP/mail" >/dev/null
run --eml --from "Brief <brief@example.org>" "$TMP/mail/brief.yaml"
check eml "$TMP/expect6.txt" "$TMP/mail/brief.eml"

# The validator, on the edition with a removed sentence and on the last.
validator=${OOXML_VALIDATOR:-$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator}
[ -x "$validator" ] || validator=$(command -v ooxml-validator || true)
[ -n "$validator" ] || die "the OOXML validator is not installed (run scripts/setup --test)"
for d in "$TMP/removed.docx" "$ed/brief.docx"; do
  "$validator" "$d" >"$TMP/valid.json" 2>&1 || true
  python3 "$LIB/ooxml_validator_report.py" "$TMP/valid.json" >/dev/null || fail "$d: validator errors: $(head -c 600 "$TMP/valid.json")"
done

# LibreOffice lists the tracked changes.
if command -v soffice >/dev/null; then
  mkdir -p "$TMP/odt"
  HOME=$TMP soffice --headless --convert-to odt --outdir "$TMP/odt" "$ed/brief.docx" >/dev/null 2>&1 \
    || fail "LibreOffice could not convert the DOCX"
  n=$(unzip -p "$TMP/odt/brief.odt" content.xml | grep -o '<text:changed-region' | wc -l)
  unzip -p "$TMP/odt/brief.odt" content.xml | grep -q '<text:tracked-changes' || fail "LibreOffice lists no tracked changes"
  [ "$n" -ge 3 ] || fail "LibreOffice lists $n tracked changes, expected at least 3"
else
  fail "soffice is not installed (run scripts/setup --test)"
fi

# --since: the same content with another template, or in another language, compares equal
# (content only).
mkdir -p "$TMP/since"
make 6 "$TMP/since" >/dev/null
make 6 "$TMP/since-old" --template compact >/dev/null
run --dump-layout "$TMP/since.txt" --since "$TMP/since-old/brief.yaml" "$TMP/since/brief.yaml"
check none "$TMP/since.txt" "$TMP/since/brief.docx"
make 6 "$TMP/since-old" --language en >/dev/null
run --force --dump-layout "$TMP/since.txt" --since "$TMP/since-old/brief.yaml" "$TMP/since/brief.yaml"
check none "$TMP/since.txt" "$TMP/since/brief.docx"
# ... and against an older edition it shows that edition's changes, whatever the state says.
make 5 "$TMP/since-old" >/dev/null
run --force --dump-layout "$TMP/since.txt" --since "$TMP/since-old/brief.yaml" "$TMP/since/brief.yaml"
check box "$TMP/expect6.txt" "$TMP/since/brief.pdf" "$TMP/since/brief.docx"
# SOURCE_DATE_EPOCH sets the files' dates, not the editions': the box names the previous
# edition's own date (2026-03-06) and the tracked changes carry this one's (2026-03-07).
SOURCE_DATE_EPOCH=1767225600 "$BRIEFMAKE" -q --force --since "$TMP/since-old/brief.yaml" "$TMP/since/brief.yaml" \
  || die "briefmake with SOURCE_DATE_EPOCH failed"
pdftotext "$TMP/since/brief.pdf" "$TMP/since.txt"
grep -q "önceki baskı: 6 Mart 2026" "$TMP/since.txt" \
  || fail "with SOURCE_DATE_EPOCH set, the box does not name the previous edition's date"
check tracked "$TMP/since/brief.docx" "Baskı Birimi" "2026-03-07"

# A state written by an older briefmake (no edition): the next render is a first edition.
mkdir -p "$TMP/old"
make 0 "$TMP/old" >/dev/null
run "$TMP/old/brief.yaml"
python3 -c 'import json,sys; p=sys.argv[1]; s=json.load(open(p)); s.pop("edition", None); s.pop("edition_base", None); json.dump(s, open(p, "w"))' \
  "$TMP/old/.brief.briefmake-state"
make 1 "$TMP/old" >/dev/null
run --dump-layout "$TMP/old.txt" "$TMP/old/brief.yaml"
check none "$TMP/old.txt" "$TMP/old/brief.docx"

# A whole agenda replaced: the box lists the first changes and how many more.
make 6 "$TMP/old" --agenda-replaced >/dev/null
run "$TMP/old/brief.yaml"
check more "$TMP/old/brief.docx" 12
pdftotext "$TMP/old/brief.pdf" "$TMP/old.txt"
grep -q "değişiklik daha" "$TMP/old.txt" || fail "the PDF's box does not say how many more changes"

finish
