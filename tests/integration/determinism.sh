#!/usr/bin/env bash
# determinism: the same brief gives byte-identical PDF and DOCX files whatever the output
# folder, the time zone, the locale or the time of day; with SOURCE_DATE_EPOCH set too; and
# whether the PDF and the DOCX are written one after the other (a batch that keeps every core
# busy) or at the same time on two threads (one brief), with the same warnings in the same order.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

briefs=("$SOURCE_DIR"/briefs/*.yaml)
[ -e "${briefs[0]}" ] || die "no briefs in $SOURCE_DIR/briefs"

# render NAME [VAR=VALUE...]: renders every brief into $TMP/NAME with that environment.
render() {
  local name=$1; shift
  env -u SOURCE_DATE_EPOCH "$@" "$BRIEFMAKE" -o "$TMP/$name" "${briefs[@]}" \
    || die "briefmake failed for run '$name' (exit $?)"
}

# same A B: every output of run A equals run B's byte for byte.
same() {
  local a=$1 b=$2 f stem ext
  for f in "${briefs[@]}"; do
    stem=$(basename "${f%.*}")
    for ext in pdf docx; do
      if [ ! -s "$TMP/$a/$stem.$ext" ] || [ ! -s "$TMP/$b/$stem.$ext" ]; then
        fail "$stem.$ext missing in run '$a' or '$b'"
      elif ! cmp -s "$TMP/$a/$stem.$ext" "$TMP/$b/$stem.$ext"; then
        fail "$stem.$ext differs between run '$a' and run '$b' ($(cmp "$TMP/$a/$stem.$ext" "$TMP/$b/$stem.$ext" 2>&1 | head -1))"
      fi
    done
  done
}

# POSIX TZ strings, so no tzdata is needed: UTC and UTC+12.
render plain TZ=UTC0 LC_ALL=C
sleep 1  # a different second on the wall clock
render other-tz TZ=ANAT-12 LC_ALL=C.UTF-8
same plain other-tz

# SOURCE_DATE_EPOCH 1769983200 = 2026-02-01 22:00 UTC, already 2 February at UTC+12.
render sde TZ=UTC0 SOURCE_DATE_EPOCH=1769983200
render sde-other-tz TZ=ANAT-12 SOURCE_DATE_EPOCH=1769983200
same sde sde-other-tz

# One brief per run: a core is free, so the PDF is written on a second thread beside the DOCX.
for f in "${briefs[@]}"; do
  env -u SOURCE_DATE_EPOCH TZ=UTC0 LC_ALL=C "$BRIEFMAKE" -o "$TMP/one-by-one" "$f" || die "briefmake $f failed"
done
same plain one-by-one

# Warnings from both writers' stages: a character outside the BMP (the PDF writer leaves it out)
# and U+0F00, which no font has (the layout and the PDF writer warn); compared between a lone
# run and a batch of two.
sed 's/^title: "\(.*\)"$/title: "\1 \xF0\x9F\x98\x80 \xE0\xBC\x80"/' "$SOURCE_DIR/briefs/ospg-8.yaml" > "$TMP/w1.yaml"
grep -q $'\xF0\x9F\x98\x80' "$TMP/w1.yaml" || die "could not put the test characters in the title"
cp "$TMP/w1.yaml" "$TMP/w2.yaml"
# warnings_of FILE: the warning lines of a run's stderr, both briefs under one name.
warnings_of() { sed -n '/: warning: /{s/w[12]\.yaml/wN.yaml/g;p}' "$1"; }
"$BRIEFMAKE" -v -o "$TMP/w-alone" "$TMP/w1.yaml" >/dev/null 2>"$TMP/err-alone" ||
  fail "briefmake on w1.yaml alone: exit status $?: $(grep -v ': warning: ' "$TMP/err-alone" | head -3)"
"$BRIEFMAKE" -v -j 2 -o "$TMP/w-batch" "$TMP/w1.yaml" "$TMP/w2.yaml" >/dev/null 2>"$TMP/err-batch" ||
  fail "briefmake on w1.yaml and w2.yaml: exit status $?: $(grep -v ': warning: ' "$TMP/err-batch" | head -3)"
warnings_of "$TMP/err-alone" >"$TMP/warn-alone"
warnings_of "$TMP/err-batch" | sort -u >"$TMP/warn-batch"
[ -s "$TMP/warn-alone" ] || fail "the test characters gave no warning: $(cat "$TMP/warn-alone")"
[ "$(grep -c 'U+1F600\|U+0F00' "$TMP/warn-alone")" -eq 3 ] || fail "expected 3 warnings (layout, PDF writer): $(cat "$TMP/warn-alone")"
[ "$(sort -u "$TMP/warn-alone")" = "$(cat "$TMP/warn-batch")" ] ||
  fail "warnings differ between a lone run and a batch: $(diff "$TMP/warn-alone" "$TMP/warn-batch")"
for ext in pdf docx; do
  cmp -s "$TMP/w-alone/w1.$ext" "$TMP/w-batch/w1.$ext" || fail "w1.$ext differs between a lone run and a batch"
done

finish
