#!/usr/bin/env bash
# File modes follow the umask when many briefs are written at once: 200 copies of a short brief,
# -j 8, with --eml and --manifest. Under umask 077 every file written (PDF, DOCX, .eml, state,
# manifest) is 0600; under 022 it is 0644. The rounds alternate (--force rewrites every file),
# so a umask left at 0 by one run's threads (files 0666), or a file kept from an earlier round,
# shows. A regression test for the race of reading the umask on each worker thread.
source "$(dirname "$0")/lib/common.bash"
need find stat

BRIEFS=$TMP/briefs OUT=$TMP/out
# Outputs in memory when there is /dev/shm: fsync is free there, so the threads' writes meet
# more often and a race in the writer shows more often.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  OUT=$(mktemp -d /dev/shm/briefmake-umask.XXXXXX)
  trap 'rm -rf "$TMP" "$OUT"' EXIT
fi
mkdir -p "$BRIEFS" "$OUT"
for i in $(seq -w 1 200); do cp "$SOURCE_DIR/schema/starters/en.yaml" "$BRIEFS/b$i.yaml"; done
FILES=$((200 * 4 + 1))  # .pdf .docx .eml .briefmake-state per brief, and the manifest

# round MASK MODE: renders everything under umask MASK; every file in OUT must have MODE.
round() {
  local mask=$1 want=$2 rc=0 n bad ext
  (umask "$mask" && exec "$BRIEFMAKE" -j 8 --force --quiet --eml --from 'Brief Robot <brief@example.org>' \
    --manifest "$OUT/manifest.json" -o "$OUT" "$BRIEFS") 2>"$TMP/err" || rc=$?
  [ $rc -eq 0 ] || { fail "umask $mask: exit status $rc: $(head -5 "$TMP/err")"; return; }
  n=$(find "$OUT" -type f | wc -l)
  [ "$n" -eq $FILES ] || fail "umask $mask: $n files in the output folder, expected $FILES"
  for ext in pdf docx eml; do
    n=$(find "$OUT" -type f -name "*.$ext" -perm "$want" | wc -l)
    [ "$n" -eq 200 ] || fail "umask $mask: $n of 200 .$ext files have mode $want"
  done
  n=$(find "$OUT" -type f -name '.*.briefmake-state' -perm "$want" | wc -l)
  [ "$n" -eq 200 ] || fail "umask $mask: $n of 200 state files have mode $want"
  [ "$(stat -c %a "$OUT/manifest.json")" = "$want" ] ||
    fail "umask $mask: the manifest has mode $(stat -c %a "$OUT/manifest.json"), expected $want"
  bad=$(find "$OUT" -type f ! -perm "$want" -printf '%m %P\n' | sort | head -5)
  [ -z "$bad" ] || fail "umask $mask: files whose mode is not $want: $(echo "$bad" | tr '\n' ' ')"
}

for r in 1 2; do
  round 077 600
  round 022 644
done

finish
