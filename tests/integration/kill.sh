#!/usr/bin/env bash
# Crash safety: 24 runs, each killed with SIGKILL after a random 0-300 ms, while rendering a
# folder of briefs into an output folder that holds a previous complete version. After every
# kill each output must be the previous version, the new version (both known byte for byte), or
# absent; any other file must be a temporary (.NAME.XXXXXX) of ours. The next run then completes,
# removes the temporaries and leaves exactly the new version.
source "$(dirname "$0")/lib/common.bash"
need python3 qpdf unzip cmp

BRIEFS=$TMP/briefs OUT=$TMP/out PREV=$TMP/prev NEXT=$TMP/next
mkdir -p "$BRIEFS" "$PREV" "$NEXT"
# Small briefs render in milliseconds, so kills land while files are being written; two full
# copies of ospg-8 keep some renders long.
make_briefs() {  # make_briefs VERSION
  python3 - "$SOURCE_DIR/briefs/ospg-8.yaml" "$BRIEFS" "$1" <<'PY'
import sys, re
src, out, version = sys.argv[1:]
full = open(src, encoding="utf-8").read()
for i in range(2):
    t = re.sub(r'^title: .*$', f'title: "OSPG {i} sürüm {version}"', full, count=1, flags=re.M)
    open(f"{out}/full{i}.yaml", "w", encoding="utf-8").write(t)
for i in range(10):
    open(f"{out}/small{i:02d}.yaml", "w", encoding="utf-8").write(f"""brief: 1
title: "Kısa not {i}, sürüm {version}"
language: tr
meeting:
  name: Çalışma Grubu Toplantısı
  date: 2026-03-{i + 1:02d}
summary: Sürüm {version} için kısa bir özet; **{i}. toplantı**.
agenda:
  - Açılış
  - Gündem maddesi {i}
""")
PY
}

make_briefs 1
"$BRIEFMAKE" -j 2 -o "$OUT" "$BRIEFS" || die "rendering version 1 failed"
cp "$OUT"/*.pdf "$OUT"/*.docx "$PREV"/
make_briefs 2
"$BRIEFMAKE" -j 2 -o "$NEXT" "$BRIEFS" || die "rendering version 2 failed"
names=$(cd "$NEXT" && ls ./*.pdf ./*.docx | sed 's#^\./##')
for f in $names; do
  cmp -s "$PREV/$f" "$NEXT/$f" && die "$f is the same in both versions: the test would prove nothing"
  case $f in
    *.pdf) qpdf --check "$NEXT/$f" >/dev/null 2>&1 || fail "version 2 $f fails qpdf --check" ;;
    *.docx) unzip -tq "$NEXT/$f" >/dev/null 2>&1 || fail "version 2 $f fails unzip -t" ;;
  esac
done

# check_outputs WHEN: every output is old, new or absent; nothing else but our temporaries.
mixed=0 temps=0
check_outputs() {
  local f old=0 new=0
  for f in $names; do
    if [ ! -e "$OUT/$f" ]; then continue
    elif cmp -s "$OUT/$f" "$PREV/$f"; then old=$((old + 1))
    elif cmp -s "$OUT/$f" "$NEXT/$f"; then new=$((new + 1))
    else
      fail "$1: $OUT/$f is neither the old nor the new version"
      case $f in
        *.pdf) qpdf --check "$OUT/$f" >/dev/null 2>&1 || fail "$1: $f fails qpdf --check" ;;
        *.docx) unzip -tq "$OUT/$f" >/dev/null 2>&1 || fail "$1: $f fails unzip -t" ;;
      esac
    fi
  done
  [ "$old" -gt 0 ] && [ "$new" -gt 0 ] && mixed=$((mixed + 1))
  local other
  other=$(cd "$OUT" && ls -A | python3 -c '
import re, sys
names = set(sys.argv[1].split())
ours = names | {".briefmake.lock"} | {"." + n.rsplit(".", 1)[0] + ".briefmake-state" for n in names}
for f in sys.stdin.read().split("\n"):
    if not f or f in ours: continue
    m = re.fullmatch(r"\.(.+)\.[A-Za-z0-9]{6}", f)
    if m and m.group(1) in ours: print("temp", f)
    else: print("stray", f)
' "$names")
  if grep -q '^temp' <<<"$other"; then temps=$((temps + 1)); fi
  if grep -q '^stray' <<<"$other"; then fail "$1: unexpected files: $(grep '^stray' <<<"$other" | tr '\n' ' ')"; fi
}

runs=24
for i in $(seq 1 $runs); do
  # Half the runs force every brief; the others render only what is stale (incremental state).
  force=()
  [ $((i % 2)) -eq 1 ] && force=(--force)
  "$BRIEFMAKE" -j 2 -o "$OUT" "${force[@]}" "$BRIEFS" 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' $((RANDOM % 301)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check_outputs "after kill $i"
  # Every few kills, go back to the old version so later kills interrupt real replacements.
  if [ $((i % 6)) -eq 0 ]; then
    "$BRIEFMAKE" -j 2 -o "$OUT" --force "$BRIEFS" 2>/dev/null || fail "run after kill $i failed"
    cp "$PREV"/* "$OUT"/
  fi
done
echo "kill: $runs kills; $mixed left a mix of old and new outputs, $temps left temporaries behind"

# The next run completes, cleans the temporaries, and leaves exactly version 2.
"$BRIEFMAKE" -j 2 -o "$OUT" --verbose "$BRIEFS" 2>"$TMP/final.err" || fail "the run after the kills failed: $(tail -5 "$TMP/final.err")"
for f in $names; do cmp -s "$OUT/$f" "$NEXT/$f" || fail "after the final run $f is not version 2"; done
left=$(cd "$OUT" && ls -A | grep -E '^\..+\.[A-Za-z0-9]{6}$' || true)
[ -z "$left" ] || fail "temporaries left after the final run: $left"
"$BRIEFMAKE" -j 2 -o "$OUT" --manifest "$TMP/m.json" "$BRIEFS" || fail "the last run failed"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; sys.exit(c["skipped"] != 12)' "$TMP/m.json" ||
  fail "after the final run not every brief is up to date: $(head -c 200 "$TMP/m.json")"

finish
