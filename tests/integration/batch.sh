#!/usr/bin/env bash
# Many briefs in one run (src/batch): a folder of 55 copies of briefs/ospg-8.yaml, a third of them
# reading data.csv, a third other.csv. Checks -j 2 with a manifest (all rendered), a rerun (all
# skipped, nothing rewritten), a changed CSV (only its readers render), --force (all), a broken
# brief (exit 1, the others still render), and the folder lock (waits; --no-wait fails).
source "$(dirname "$0")/lib/common.bash"
need python3 flock sha256sum xxhsum pdfinfo readelf

BRIEFS=$TMP/briefs OUT=$TMP/out
mkdir -p "$BRIEFS"
python3 "$LIB/batch_make_briefs.py" "$SOURCE_DIR/briefs/ospg-8.yaml" "$BRIEFS"

# manifest_check FILE EXPECTED: every brief has the expected status; EXPECTED is "all=STATUS",
# or "data=STATUS,rest=STATUS" (briefs reading data.csv vs the others). Also checks outputs
# against the files on disk and the distribution against the brief.
manifest_check() {
  python3 "$LIB/batch_manifest_matches.py" "$1" "$2" "$BRIEFS" || fail "manifest $1 does not match ($2)"
}

# 1. everything renders, in parallel
"$BRIEFMAKE" -j 2 -o "$OUT" --manifest "$TMP/m1.json" "$BRIEFS" 2>"$TMP/err1" || die "first run failed: $(tail -5 "$TMP/err1")"
[ ! -s "$TMP/err1" ] || fail "a run that is not on a terminal printed: $(head -3 "$TMP/err1")"
[ "$(ls "$OUT"/*.pdf | wc -l)" -eq 55 ] && [ "$(ls "$OUT"/*.docx | wc -l)" -eq 55 ] || fail "expected 55 PDF and 55 DOCX"
manifest_check "$TMP/m1.json" all=rendered
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(m["counts"]["rendered"] != 55)' "$TMP/m1.json" ||
  fail "manifest counts: $(head -c 300 "$TMP/m1.json")"
# The state file's input fingerprints are what xxhsum -H2 (XXH3-128) computes for the same files.
python3 "$LIB/batch_state_fingerprints.py" "$OUT/.b000.briefmake-state" "$BRIEFS/b000.yaml" "$BRIEFS/data.csv" > "$TMP/fp" || fail "state file of b000 unreadable"
while read -r f fp; do
  want="xxh3-128:$(xxhsum -H2 "$f" | cut -d' ' -f1)"
  [ "$fp" = "$want" ] || fail "state fingerprint of $f is $fp; xxhsum -H2 says $want"
done < "$TMP/fp"
# The state names the briefmake that wrote it by version and GNU build ID (readelf -n), so a
# rebuilt briefmake renders again.
build_id=$(readelf -n "$BRIEFMAKE" | sed -n 's/^ *Build ID: *//p' | cut -c1-12)
[ -n "$build_id" ] || die "readelf finds no build ID in $BRIEFMAKE"
grep -q "\"briefmake\": \"[0-9.]*+$build_id\"" "$OUT/.b000.briefmake-state" ||
  fail "the state does not name build $build_id: $(grep '"briefmake"' "$OUT/.b000.briefmake-state")"
before=$(tree_sum "$OUT")

# 2. nothing changed: all skipped, nothing rewritten
"$BRIEFMAKE" -j 2 -o "$OUT" --manifest "$TMP/m2.json" "$BRIEFS" || fail "second run failed"
manifest_check "$TMP/m2.json" all=skipped
[ "$(tree_sum "$OUT")" = "$before" ] || fail "a run with nothing to do changed the output folder"

# 3. data.csv changes: only its 19 readers render again
sed -i 's/8.95/9.13/' "$BRIEFS/data.csv"
"$BRIEFMAKE" -j 2 -o "$OUT" --manifest "$TMP/m3.json" "$BRIEFS" || fail "run after the CSV change failed"
manifest_check "$TMP/m3.json" data=rendered,rest=skipped
pdf_text "$OUT/b000.pdf" "$TMP/b000.txt"
expect_words "$TMP/b000.txt" "b000.pdf after the CSV change" "9,13"

# 4. --force renders all
"$BRIEFMAKE" -j 2 -o "$OUT" --force --manifest "$TMP/m4.json" "$BRIEFS" || fail "--force run failed"
manifest_check "$TMP/m4.json" all=rendered

# 5. a broken brief (sorted first) fails, the others go on: data.csv changes again so its readers
#    must render after the failure; exit status 1; the manifest has the located error.
printf 'brief: 1\ntitle: [not, a, title]\n' >"$BRIEFS/a-broken.yaml"
sed -i 's/9.13/9.27/' "$BRIEFS/data.csv"
set +e
"$BRIEFMAKE" -j 2 -o "$OUT" --manifest "$TMP/m5.json" "$BRIEFS" 2>"$TMP/err5"
status=$?
set -e
[ "$status" -eq 1 ] || fail "a run with a broken brief exited $status, expected 1"
grep -q "a-broken.yaml:2:[0-9]*: error:" "$TMP/err5" || fail "the error is not reported with its location: $(cat "$TMP/err5")"
manifest_check "$TMP/m5.json" "data=rendered,rest=skipped,a-broken.yaml=failed"
python3 "$LIB/batch_manifest_error_located.py" "$TMP/m5.json" || fail "the manifest's error text for a-broken.yaml is not located"
[ ! -e "$OUT/a-broken.pdf" ] || fail "a failed brief wrote a PDF"
rm "$BRIEFS/a-broken.yaml"

# 6. several arguments (a file and a folder) and two briefs with the same stem
mkdir -p "$TMP/more"
cp "$BRIEFS/b001.yaml" "$TMP/more/b001.yaml"
cp "$BRIEFS/other.csv" "$TMP/more/"
set +e
"$BRIEFMAKE" -o "$OUT" "$BRIEFS/b002.yaml" "$TMP/more" "$BRIEFS/b001.yaml" 2>"$TMP/err6"
status=$?
set -e
[ "$status" -eq 1 ] || fail "two briefs writing the same outputs: exit $status, expected 1"
grep -q "writes the same outputs" "$TMP/err6" || fail "no message about the clash: $(cat "$TMP/err6")"

# 7. the folder lock: a second run waits (and says so), or fails with --no-wait
flock "$OUT/.briefmake.lock" sleep 3 &
holder=$!
sleep 0.5
set +e
"$BRIEFMAKE" -o "$OUT" --no-wait "$BRIEFS/b002.yaml" 2>"$TMP/err7"
status=$?
set -e
[ "$status" -eq 1 ] || fail "--no-wait on a locked folder exited $status, expected 1"
grep -q "another briefmake run" "$TMP/err7" || fail "--no-wait says: $(cat "$TMP/err7")"
start=$(date +%s%N)
"$BRIEFMAKE" -o "$OUT" "$BRIEFS/b002.yaml" 2>"$TMP/err8" || fail "the waiting run failed: $(cat "$TMP/err8")"
waited_ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -q "waiting for another briefmake run" "$TMP/err8" || fail "the waiting run did not say so: $(cat "$TMP/err8")"
[ "$waited_ms" -ge 1500 ] || fail "the second run did not wait for the lock (${waited_ms} ms)"
wait "$holder"

# 8. templates are read once per run and shared, but by folder: two folders' own "t.yaml" stay
#    apart, and a brief naming a template that does not exist gets the error at its own line.
mkdir -p "$TMP/ta" "$TMP/tb"
printf 'extends: default\nname: t\npage: {size: A5}\n' > "$TMP/ta/t.yaml"
printf 'extends: default\nname: t\npage: {size: Letter}\n' > "$TMP/tb/t.yaml"
for d in ta tb; do
  sed '/^brief: /a template: t.yaml' "$SOURCE_DIR/briefs/ospg-8.yaml" > "$TMP/$d/$d.yaml"
  grep -q '^template: t.yaml' "$TMP/$d/$d.yaml" || die "could not name the template in $d.yaml"
  sed '/^brief: /a template: nosuch' "$SOURCE_DIR/briefs/ospg-8.yaml" > "$TMP/$d/bad-$d.yaml"
done
set +e
"$BRIEFMAKE" -j 2 -q -o "$TMP/tout" "$TMP/ta" "$TMP/tb" 2>"$TMP/err9"
status=$?
set -e
[ "$status" -eq 1 ] || fail "two briefs naming a missing template: exit $status, expected 1"
line=$(grep -n '^template: nosuch' "$TMP/ta/bad-ta.yaml" | cut -d: -f1)
for d in ta tb; do
  grep -q "bad-$d.yaml:$line:[0-9]*: error: .*nosuch" "$TMP/err9" || fail "no located error for bad-$d.yaml: $(cat "$TMP/err9")"
done
[ "$(pdfinfo "$TMP/tout/ta.pdf" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p')" = "419.528 x 595.276" ] ||
  fail "ta.pdf is not A5: $(pdfinfo "$TMP/tout/ta.pdf" | grep 'Page size')"
[ "$(pdfinfo "$TMP/tout/tb.pdf" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p')" = "612 x 792" ] ||
  fail "tb.pdf is not Letter: $(pdfinfo "$TMP/tout/tb.pdf" | grep 'Page size')"

# 9. warnings reach the manifest even when nothing is printed (not a terminal, no -v), also for a
#    brief that a rerun skips
mkdir -p "$TMP/warn"
sed 's/^title: "\(.*\)"$/title: "\1 \xE0\xBC\x80"/' "$SOURCE_DIR/briefs/ospg-8.yaml" > "$TMP/warn/w.yaml"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/warn/plain.yaml"
"$BRIEFMAKE" -o "$TMP/wout" --manifest "$TMP/m9.json" "$TMP/warn" 2>"$TMP/err10" || fail "the run with a warning failed: $(cat "$TMP/err10")"
[ ! -s "$TMP/err10" ] || fail "a run that is not on a terminal printed: $(head -3 "$TMP/err10")"
python3 "$LIB/batch_manifest_warnings.py" "$TMP/m9.json" || fail "the manifest's warnings are not as expected: $(head -c 600 "$TMP/m9.json")"
# ... and a rerun that skips the brief still reports the warnings of its last render (kept in its
# state file): the nightly workflow reads only the manifest of the night's run.
"$BRIEFMAKE" -o "$TMP/wout" --manifest "$TMP/m9b.json" "$TMP/warn" 2>"$TMP/err10b" || fail "the rerun failed: $(cat "$TMP/err10b")"
python3 "$LIB/batch_skipped_keep_warnings.py" "$TMP/m9.json" "$TMP/m9b.json" || fail "a skipped brief's warnings differ from its last render's: $(head -c 600 "$TMP/m9b.json")"

finish
