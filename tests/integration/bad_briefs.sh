#!/usr/bin/env bash
# bad_briefs: every brief in tests/bad/ is rejected with exit 1, a GNU-style message
# "FILE:LINE:COL: error: ..." holding the expected text, and nothing written: the output
# folder, which already holds files (one named like the brief's output), is left as it was.
# Also: a usage error exits 2 and writes nothing; --check on a good brief exits 0, writes nothing.
#
# Each tests/bad/*.yaml starts with
#   # expect: LINE:COL FRAGMENT        (1-based; FRAGMENT must occur in stderr)
# and may go on with further lines
#   # also: FRAGMENT                   (must occur in stderr as well)
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"

cd "$SOURCE_DIR" || exit 1   # briefs are passed as relative paths: messages name them as given
bad=(tests/bad/*.yaml)
[ -e "${bad[0]}" ] || die "no briefs in tests/bad/"

out=$TMP/out
mkdir -p "$out"

# A fresh output folder with files that must survive untouched.
prepare_out() {
  local stem=$1
  rm -rf "$out" && mkdir -p "$out"
  printf '%%PDF-1.4 old\n' >"$out/old.pdf"
  printf 'x\n' >"$out/x.pdf"
  printf 'an earlier rendering\n' >"$out/$stem.pdf"
  printf 'an earlier rendering\n' >"$out/$stem.docx"
  tree_sum "$out" >"$TMP/before"
}
unchanged() {
  tree_sum "$out" >"$TMP/after"
  diff -u "$TMP/before" "$TMP/after" >"$TMP/tree.diff" || fail "$1: the output folder changed: $(cat "$TMP/tree.diff")"
}

for f in "${bad[@]}"; do
  first=$(head -n 1 "$f")
  case $first in
    "# expect: "*) ;;
    *) fail "$f: first line is not '# expect: LINE:COL FRAGMENT'"; continue ;;
  esac
  spec=${first#"# expect: "}
  loc=${spec%% *}
  fragments=("${spec#* }")
  while IFS= read -r line; do fragments+=("${line#"# also: "}"); done < <(grep '^# also: ' "$f" || true)

  stem=$(basename "${f%.*}")
  failed_before=$failures
  prepare_out "$stem"
  rc=0
  "$BRIEFMAKE" -o "$out" "$f" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 1 ] || fail "$f: exit status $rc, expected 1"
  grep -qF -- "$f:$loc: error:" "$TMP/stderr" || fail "$f: stderr lacks \"$f:$loc: error:\""
  for frag in "${fragments[@]}"; do
    grep -qF -- "$frag" "$TMP/stderr" || fail "$f: stderr lacks \"$frag\""
  done
  unchanged "$f"
  if [ "$failures" -gt "$failed_before" ]; then echo "--- stderr for $f:"; cat "$TMP/stderr"; fi >&2
done

# Usage errors: exit 2, nothing written.
for args in "--no-such-option briefs/ospg-8.yaml" "-f pdf,xls briefs/ospg-8.yaml" ""; do
  prepare_out ospg-8
  rc=0
  # shellcheck disable=SC2086  # word splitting wanted
  "$BRIEFMAKE" -o "$out" $args >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 2 ] || fail "briefmake -o OUT $args: exit status $rc, expected 2"
  [ -s "$TMP/stderr" ] || fail "briefmake -o OUT $args: nothing on stderr"
  unchanged "briefmake -o OUT $args"
done

# --check on a good brief: exit 0, nothing written.
prepare_out ospg-8
rc=0
"$BRIEFMAKE" --check -o "$out" briefs/ospg-8.yaml >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -eq 0 ] || fail "briefmake --check briefs/ospg-8.yaml: exit status $rc, expected 0: $(cat "$TMP/stderr")"
unchanged "briefmake --check"

finish
