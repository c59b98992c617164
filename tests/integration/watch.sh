#!/usr/bin/env bash
# watch: `briefmake --watch BRIEF` renders, then renders again within a second of each change to
# the brief (edited twice here, once by an editor-style rename), prints an error for a broken
# brief without exiting, and recovers when the brief is fixed. A second --watch, on a brief
# whose template is its own and whose CSV files (data/new.csv, and more/ticaret.csv in a folder
# that is missing too) do not exist yet: the first render fails with an error, creating the first
# CSV gives an error about the second, and creating that (with its folder) renders the brief;
# editing the template and the CSV renders again; a broken CSV prints an error and fixing it renders again. (These wait up to 20 s: the
# point is that a render comes at all; the times are printed.)
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdfinfo pdftotext

mkdir -p "$TMP/b" "$TMP/out"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/b/w.yaml"
pdf=$TMP/out/w.pdf

"$BRIEFMAKE" --watch -o "$TMP/out" "$TMP/b/w.yaml" 2>"$TMP/watch.err" &
pid=$!
pid2=
trap 'kill $pid $pid2 2>/dev/null || true; rm -rf "$TMP"' EXIT

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

# The second brief: its own template (t.yaml) and a CSV file that is not there yet.
c=$TMP/c
mkdir -p "$c/data" "$TMP/cout"
# the brief's other CSV files, there from the start
for f in "$SOURCE_DIR"/tests/briefs/data/figures-tr-*.csv; do
  case $f in *-iller.csv | *-ticaret.csv) ;; *) cp "$f" "$c/data/" ;; esac
done
sed -e 's|^language: tr$|language: tr\ntemplate: t.yaml|' -e 's|csv: data/figures-tr-iller.csv|csv: data/new.csv|' \
  -e 's|csv: data/figures-tr-ticaret.csv|csv: more/ticaret.csv|' "$SOURCE_DIR/tests/briefs/figures-tr.yaml" >"$c/f.yaml"
{ grep -q '^template: t.yaml$' "$c/f.yaml" && grep -q 'csv: data/new.csv' "$c/f.yaml"; } || die "could not write f.yaml"
set_letterhead() { printf 'extends: default\nname: t\nletterhead:\n  - "%s"\n' "$1" >"$c/t.yaml"; }
set_letterhead "ANTET BIR"
pdf2=$TMP/cout/f.pdf
# wait_text WORD: until the PDF's text holds WORD (up to 20 s); prints the time taken.
wait_text() {
  local t0 now
  t0=$(date +%s%N)
  while :; do
    if [ -s "$pdf2" ] && pdftotext -enc UTF-8 "$pdf2" - 2>/dev/null | grep -qF -- "$1"; then
      now=$(date +%s%N); echo "  '$1' after $(( (now - t0) / 1000000 )) ms"; return 0
    fi
    now=$(date +%s%N)
    [ $(( (now - t0) / 1000000 )) -lt 20000 ] || return 1
    sleep 0.05
  done
}
wait_err() {  # wait_err REGEX: until the second watch's stderr matches (up to 20 s)
  for _ in $(seq 400); do grep -q -- "$1" "$TMP/watch2.err" && return 0; sleep 0.05; done
  return 1
}

"$BRIEFMAKE" --watch -f pdf -o "$TMP/cout" "$c/f.yaml" 2>"$TMP/watch2.err" &
pid2=$!
wait_err 'f.yaml:[0-9]*:[0-9]*: error: cannot read CSV file "data/new.csv"' ||
  fail "no located error for the missing CSV: $(tail -3 "$TMP/watch2.err")"
[ ! -e "$pdf2" ] || fail "a PDF without its CSV"

cp "$SOURCE_DIR/tests/briefs/data/figures-tr-iller.csv" "$c/data/new.csv"
wait_err 'f.yaml:[0-9]*:[0-9]*: error: cannot read CSV file "more/ticaret.csv"' ||
  fail "no render (and error for the second CSV) after the first missing CSV was created: $(tail -3 "$TMP/watch2.err")"
mkdir "$c/more" && cp "$SOURCE_DIR/tests/briefs/data/figures-tr-ticaret.csv" "$c/more/ticaret.csv"
wait_text "ANTET BIR" || fail "no render after the missing folder and CSV were created: $(tail -3 "$TMP/watch2.err")"
wait_text "Şanlıurfa" || fail "the PDF lacks the new CSV's rows"

set_letterhead "ANTET IKI"
wait_text "ANTET IKI" || fail "no re-render after the template was edited"

sed -i 's/^Şanlıurfa,/Kahramanmaraş,/' "$c/data/new.csv"
wait_text "Kahramanmaraş" || fail "no re-render after the CSV was edited"

# A CSV row with a field too many: an error, then fixed.
echo 'Ankara,1,2,3,4' >>"$c/data/new.csv"
wait_err 'new.csv:[0-9]*:[0-9]*: error: row has 5 fields' || fail "no located error for the broken CSV: $(tail -3 "$TMP/watch2.err")"
sed -i 's/^Ankara,1,2,3,4$/Eskişehir,5678.9,1,2/' "$c/data/new.csv"
wait_text "Eskişehir" || fail "no re-render after the CSV was fixed"

kill -0 $pid2 2>/dev/null || fail "the second --watch has exited"
kill -TERM $pid2
wait $pid2 || fail "the second --watch did not end cleanly on SIGTERM (exit $?)"
pid2=
finish
