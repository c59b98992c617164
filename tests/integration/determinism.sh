#!/usr/bin/env bash
# determinism: the same brief gives byte-identical PDF and DOCX files whatever the output
# folder, the time zone, the locale or the time of day; with SOURCE_DATE_EPOCH set too.
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

finish
