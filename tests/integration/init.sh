#!/usr/bin/env bash
# init: `briefmake init FILE --lang L` writes a starter brief that renders as is, in each
# language: exit 0, a PDF and a DOCX, and the PDF's text shows the meeting date in the
# language's long form. init never overwrites a file (exit 1, file unchanged), rejects an
# unknown language and a missing FILE as usage errors (exit 2, nothing written), defaults to
# Turkish, and points editors at the schema with a yaml-language-server comment.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext python3

# The starters' meeting date is 2026-02-16 and their edition 2026-02-09.
declare -A date=([tr]="16 Şubat 2026" [en]="16 February 2026" [ru]="16 февраля 2026 г." [kk]="2026 ж. 16 ақпан")
declare -A title=([tr]="Siyasi İstişare" [en]="Political Consultations" [ru]="Политические консультации"
                  [kk]="саяси консультациялар")

for lang in tr en ru kk; do
  dir=$TMP/$lang
  mkdir -p "$dir"
  brief=$dir/meeting.yaml
  rc=0
  "$BRIEFMAKE" init "$brief" --lang "$lang" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 0 ] || { fail "init --lang $lang: exit status $rc: $(cat "$TMP/stderr")"; continue; }
  grep -qx "language: $lang .*\|language: $lang" "$brief" || fail "init --lang $lang: the brief does not say language: $lang"
  first=$(head -n 1 "$brief")
  schema=${first#"# yaml-language-server: \$schema="}
  [ "$schema" != "$first" ] || fail "init --lang $lang: first line is not a yaml-language-server comment: $first"
  [ -f "$schema" ] || fail "init --lang $lang: the schema it names does not exist: $schema"

  rc=0
  "$BRIEFMAKE" "$brief" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 0 ] || { fail "the $lang starter does not render: exit status $rc: $(cat "$TMP/stderr")"; continue; }
  [ ! -s "$TMP/stderr" ] || fail "the $lang starter renders with messages: $(cat "$TMP/stderr")"
  [ -s "$dir/meeting.pdf" ] || { fail "the $lang starter: no PDF"; continue; }
  [ -s "$dir/meeting.docx" ] || fail "the $lang starter: no DOCX"
  pdf_text "$dir/meeting.pdf" "$TMP/$lang.txt"
  expect_words "$TMP/$lang.txt" "the $lang starter's PDF" "${date[$lang]}" "${title[$lang]}"
done

# Turkish by default.
"$BRIEFMAKE" init "$TMP/default.yaml" 2>"$TMP/stderr" || fail "init without --lang: exit status $?: $(cat "$TMP/stderr")"
grep -q '^language: tr' "$TMP/default.yaml" || fail "init without --lang does not write a Turkish brief"

# Never overwrite: an existing file stays as it was.
printf 'my own brief\n' >"$TMP/mine.yaml"
rc=0
"$BRIEFMAKE" init "$TMP/mine.yaml" --lang en >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 1 ] || fail "init over an existing file: exit status $rc, expected 1"
grep -q 'exists' "$TMP/stderr" || fail "init over an existing file: stderr does not say it exists: $(cat "$TMP/stderr")"
[ "$(cat "$TMP/mine.yaml")" = "my own brief" ] || fail "init overwrote an existing file"
# Nor through a dangling symbolic link.
ln -s "$TMP/nowhere.yaml" "$TMP/link.yaml"
rc=0
"$BRIEFMAKE" init "$TMP/link.yaml" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 1 ] || fail "init over a dangling symbolic link: exit status $rc, expected 1"
[ ! -e "$TMP/nowhere.yaml" ] || fail "init wrote through a dangling symbolic link"

# Usage errors: exit 2, nothing written.
mkdir -p "$TMP/usage"
rc=0
"$BRIEFMAKE" init "$TMP/usage/x.yaml" --lang de >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 2 ] || fail "init --lang de: exit status $rc, expected 2"
rc=0
(cd "$TMP/usage" && "$BRIEFMAKE" init) >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 2 ] || fail "init without FILE: exit status $rc, expected 2"
[ -z "$(ls -A "$TMP/usage")" ] || fail "a usage error wrote files: $(ls -A "$TMP/usage")"
# A folder that does not exist: an error, exit 1.
rc=0
"$BRIEFMAKE" init "$TMP/no/such/folder/x.yaml" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 1 ] || fail "init into a missing folder: exit status $rc, expected 1"

finish
