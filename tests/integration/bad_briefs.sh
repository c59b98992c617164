#!/usr/bin/env bash
# bad_briefs: every brief in tests/bad/ is rejected with exit 1, a GNU-style message
# "FILE:LINE:COL: error: ..." holding the expected text, and nothing written: the output
# folder, which already holds files (one named like the brief's output), is left as it was.
# Each case runs three ways, since a broken input is broken whatever is asked of it: both
# formats, `-f docx` (no PDF writer, which is where images are decoded) and `--check`.
# Also: a usage error exits 2 and writes nothing; --check on a good brief exits 0, writes nothing.
#
# A case is either a file tests/bad/NAME.yaml, or a folder tests/bad/NAME/ holding brief.yaml and
# the files it names (CSV, template, logo, font). Each brief starts with
#   # expect: LOC FRAGMENT             (FRAGMENT must occur in stderr)
# where LOC is LINE:COL (1-based, in the brief), or FILE:LINE:COL or FILE (no position: images,
# fonts) for an error in another file of the case's folder. It may go on with lines
#   # also: FRAGMENT                   (must occur in stderr as well)
#   # link: NAME -> TARGET             (folder cases: a symlink the test makes before the run)
# Folder cases run on a copy of tests/bad/ (symlinks are made there, not in the source tree).
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

# check_case BRIEF: runs briefmake on BRIEF (a path relative to the working folder) and checks
# its exit status, message and the output folder.
check_case() {
  local f=$1 first spec loc fragments line stem failed_before rc where
  first=$(head -n 1 "$f")
  case $first in
    "# expect: "*) ;;
    *) fail "$f: first line is not '# expect: LOC FRAGMENT'"; return ;;
  esac
  spec=${first#"# expect: "}
  loc=${spec%% *}
  fragments=("${spec#* }")
  while IFS= read -r line; do fragments+=("${line#"# also: "}"); done < <(grep -a '^# also: ' "$f" || true)

  # Where the error must be reported: "BRIEF:LINE:COL", or a file beside the brief ("DIR/FILE:
  # LINE:COL" or "DIR/FILE" without a position; such files may be named by an absolute path).
  if [[ $loc =~ ^[0-9]+:[0-9]+$ ]]; then
    where="$f:$loc: error:"
  else
    where="$(dirname "$f")/$loc: error:"
  fi
  stem=$(basename "${f%.*}")
  local mode
  for mode in "" "-f docx" "--check"; do
    failed_before=$failures
    prepare_out "$stem"
    rc=0
    # shellcheck disable=SC2086  # $mode is a list of options
    "$BRIEFMAKE" $mode -o "$out" "$f" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
    [ $rc -eq 1 ] || fail "$f ${mode:-(PDF and DOCX)}: exit status $rc, expected 1"
    grep -qF -- "$where" "$TMP/stderr" || fail "$f ${mode:-(PDF and DOCX)}: stderr lacks \"$where\""
    for frag in "${fragments[@]}"; do
      grep -qF -- "$frag" "$TMP/stderr" || fail "$f ${mode:-(PDF and DOCX)}: stderr lacks \"$frag\""
    done
    grep -q 'expected\|did you mean' "$TMP/stderr" || [[ $loc != *:* ]] ||
      fail "$f: the message does not say what was expected"
    unchanged "$f ${mode:-(PDF and DOCX)}"
    if [ "$failures" -gt "$failed_before" ]; then echo "--- stderr for $f ${mode}:"; cat "$TMP/stderr"; fi >&2
  done
}

for f in "${bad[@]}"; do check_case "$f"; done

# Folder cases, on a copy (their symlinks are made there).
mkdir -p "$TMP/work"
cp -R tests/bad "$TMP/work/bad"
folders=0
for d in tests/bad/*/; do
  name=$(basename "$d")
  [ -f "$d/brief.yaml" ] || { fail "$d: no brief.yaml"; continue; }
  while IFS= read -r line; do
    link=${line#"# link: "}
    ln -s "${link#* -> }" "$TMP/work/bad/$name/${link%% -> *}"
  done < <(grep -a '^# link: ' "$d/brief.yaml" || true)
  cd "$TMP/work" && check_case "bad/$name/brief.yaml"
  cd "$SOURCE_DIR"
  folders=$((folders + 1))
done
echo "bad_briefs: ${#bad[@]} brief files, $folders folder cases"
[ $((${#bad[@]} + folders)) -ge 40 ] || fail "tests/bad/ holds fewer than 40 cases"

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
