#!/usr/bin/env bash
# Crash safety: 20 runs of a folder of 20 briefs (the long test brief among them) with -j 2,
# --force, --eml and a manifest, each killed with SIGKILL at a random fraction of the time an
# unkilled run takes. Every run writes a new version (the titles change), so a kill interrupts
# real replacements. The test counts the runs that really died of SIGKILL (wait status 137) and
# fails when fewer than 15 did. After every kill each output is either as it was before that run
# (byte for byte) or a complete, valid new file (qpdf --check for PDFs, unzip -tq for DOCX,
# Python's email for .eml, Python's json for the manifest and the state files); none is lost;
# every other file is a hidden temporary of one of ours (.NAME.XXXXXX), which no one can take for
# an output. A normal run then removes the temporaries and leaves exactly what an unkilled run of
# the last version writes, and the run after that skips every brief.
source "$(dirname "$0")/lib/common.bash"
need python3 qpdf unzip cmp

BRIEFS=$TMP/briefs OUT=$TMP/out REF=$TMP/ref
mkdir -p "$BRIEFS"
RUNS=20 MIN_KILLED=15

make_briefs() {  # make_briefs VERSION: the 20 briefs, every title marked with VERSION
  python3 "$LIB/kill_make_briefs.py" "$SOURCE_DIR" "$BRIEFS" "$1"
}

# Every run writes PDF, DOCX, .eml, state files and the manifest; their names (and nothing else
# but temporaries and the lock) may be in $OUT.
# --changes off: the final outputs are compared with a fresh render of the last version, which
# is a first edition; with change marks, OUT's would show the changes since the version before.
OPTS=(-j 2 --eml --from 'Brief Robotu <brief@example.org>' --changes off)
run() {  # run DIR [OPTION...]
  local dir=$1
  shift
  "$BRIEFMAKE" "${OPTS[@]}" -o "$dir" --manifest "$dir/manifest.json" "$@" "$BRIEFS"
}

# lib/kill_outputs_intact.py snapshot DIR FILE: records every file's SHA-256.
# lib/kill_outputs_intact.py check DIR FILE WHEN BRIEFS: every output is as in the snapshot or
# complete and valid; none is lost; everything else is a hidden temporary of an output. Prints
# the number of outputs replaced, 1 when old and new outputs are side by side (else 0), and the
# number of temporaries.

# Version 1, complete; an unkilled --force run of version 2 gives the time the kills are drawn
# from (the shorter of the two, so kills land inside a run even when the machine gets faster; a
# run that ends before its kill shortens it further).
make_briefs 1
t0=$(date +%s%N)
run "$OUT" --force 2>"$TMP/err" || die "rendering version 1 failed: $(tail -5 "$TMP/err")"
t1=$(date +%s%N)
make_briefs 2
run "$OUT" --force 2>"$TMP/err" || die "rendering version 2 failed: $(tail -5 "$TMP/err")"
t2=$(date +%s%N)
ms=$(( (t1 - t0) < (t2 - t1) ? (t1 - t0) / 1000000 : (t2 - t1) / 1000000 ))
pdfs=("$OUT"/*.pdf)
[ "${#pdfs[@]}" -eq 20 ] || die "version 2 did not write 20 PDFs"
echo "kill: an unkilled run of 20 briefs takes $ms ms"

killed=0 replaced=0 mixed=0 temps=0
for i in $(seq 1 $RUNS); do
  version=$((i + 2))
  make_briefs "$version"
  python3 "$LIB/kill_outputs_intact.py" snapshot "$OUT" "$TMP/snap.json"
  delay=$(( ms * (2 + RANDOM % 84) / 100 ))
  # briefmake itself in the background, not a subshell running it: the kill must reach it.
  "$BRIEFMAKE" "${OPTS[@]}" -o "$OUT" --manifest "$OUT/manifest.json" --force "$BRIEFS" 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  status=0
  wait "$pid" 2>/dev/null || status=$?
  result=$(python3 "$LIB/kill_outputs_intact.py" check "$OUT" "$TMP/snap.json" "kill $i (status $status, after $delay ms)" "$BRIEFS") ||
    failures=$((failures + 1))
  read -r r_replaced r_mixed r_temps <<<"${result:-0 0 0}"
  if [ "$status" -eq 137 ]; then
    killed=$((killed + 1)) replaced=$((replaced + r_replaced)) mixed=$((mixed + r_mixed)) temps=$((temps + r_temps))
  else  # this run took less than $delay ms: kill the next ones within that (the machine got faster)
    ms=$((delay > 20 ? delay : 20))
  fi
done
echo "kill: $killed of $RUNS runs died of SIGKILL; killed runs replaced $replaced outputs," \
  "$mixed left old and new outputs side by side, $temps temporaries were left"
[ "$killed" -ge "$MIN_KILLED" ] || fail "only $killed of $RUNS runs were killed (at least $MIN_KILLED must be): the kills came too late"
[ "$mixed" -gt 0 ] || fail "no kill landed while outputs were being replaced (old and new side by side): the test proved nothing"

# A normal run completes, removes the temporaries, and leaves what an unkilled run writes. (One
# more temporary is planted, so the clean-up is tested even when the last kill left none.)
cp "$OUT/long-tr.pdf" "$OUT/.long-tr.pdf.k1LLed"
run "$OUT" --verbose 2>"$TMP/final.err" || fail "the run after the kills failed: $(tail -5 "$TMP/final.err")"
grep -q "removed .*/\.long-tr\.pdf\.k1LLed (left by a killed run)" "$TMP/final.err" ||
  fail "the final run does not say it removed the temporaries: $(head -5 "$TMP/final.err")"
run "$REF" 2>/dev/null || fail "the reference run failed"
left=$(find "$OUT" -maxdepth 1 -regextype posix-extended -regex '.*/\..+\.[A-Za-z0-9]{6}' -printf '%f ')
[ -z "$left" ] || fail "temporaries left after the final run: $left"
for f in "$REF"/*.pdf "$REF"/*.docx "$REF"/*.eml; do
  cmp -s "$OUT/${f##*/}" "$f" || fail "after the final run ${f##*/} differs from an unkilled run's"
done
python3 "$LIB/kill_final_manifest.py" "$OUT/manifest.json" || fail "the final run's manifest does not list 20 briefs with their outputs"
run "$OUT" 2>/dev/null || fail "the last run failed"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; sys.exit(c["skipped"] != 20)' "$OUT/manifest.json" ||
  fail "after the final run not every brief is up to date: $(head -c 200 "$OUT/manifest.json")"

finish
