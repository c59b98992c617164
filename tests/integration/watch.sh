#!/usr/bin/env bash
# watch: `briefmake --watch BRIEF` renders, then renders again within a second of each change to
# the brief (edited twice here, once by an editor-style rename), prints an error for a broken
# brief without exiting, and recovers when the brief is fixed.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdfinfo

mkdir -p "$TMP/b" "$TMP/out"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/b/w.yaml"
pdf=$TMP/out/w.pdf

"$BRIEFMAKE" --watch -o "$TMP/out" "$TMP/b/w.yaml" 2>"$TMP/watch.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$TMP"' EXIT

title_of() { pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Title: *//p'; }
# wait_for TITLE SECONDS: until the PDF carries TITLE, or fail after SECONDS.
wait_for() {
  local want=$1 limit=$2 t0 now
  t0=$(date +%s%N)
  while :; do
    [ "$(title_of)" = "$want" ] && { now=$(date +%s%N); echo "  '$want' after $(( (now - t0) / 1000000 )) ms"; return 0; }
    now=$(date +%s%N)
    [ $(( (now - t0) / 1000000 )) -lt $((limit * 1000)) ] || return 1
    sleep 0.05
  done
}
set_title() {  # writes the brief with a new title in place, as `sed -i` and editors do
  sed -i "s/^title: .*/title: \"$1\"/" "$TMP/b/w.yaml"
}

wait_for "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu (OSPG) 8. Toplantısı" 20 || die "the first render did not appear"

set_title "İlk değişiklik"
wait_for "İlk değişiklik" 1 || fail "no re-render within a second of the first edit"

# An editor that writes a new file and renames it over the old one.
sed "s/^title: .*/title: \"İkinci değişiklik\"/" "$TMP/b/w.yaml" >"$TMP/b/.w.yaml.tmp"
mv "$TMP/b/.w.yaml.tmp" "$TMP/b/w.yaml"
wait_for "İkinci değişiklik" 1 || fail "no re-render within a second of the second edit (rename)"

# A broken brief: an error is printed, the process keeps watching, the old PDF stays.
sed -i "s/^title: .*/titel: bozuk/" "$TMP/b/w.yaml"
for _ in $(seq 100); do grep -q 'w.yaml:[0-9]*:[0-9]*: error: unknown key "titel"' "$TMP/watch.err" && break; sleep 0.05; done
grep -q 'w.yaml:[0-9]*:[0-9]*: error: unknown key "titel"' "$TMP/watch.err" || fail "no located error for the broken brief: $(tail -3 "$TMP/watch.err")"
kill -0 $pid 2>/dev/null || fail "--watch exited on an error"
[ "$(title_of)" = "İkinci değişiklik" ] || fail "the broken brief damaged the previous PDF"

sed -i "s/^titel: .*/title: \"Düzeltildi\"/" "$TMP/b/w.yaml"
wait_for "Düzeltildi" 1 || fail "no re-render after the brief was fixed"

kill -TERM $pid
wait $pid || fail "--watch did not end cleanly on SIGTERM (exit $?)"
finish
