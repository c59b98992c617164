#!/usr/bin/env bash
# cli: the command-line conventions. --help (usage, examples, value names such as DIR, FILE, N)
# and --version print on stdout and exit 0; a failing brief prints FILE:LINE:COL: error: on
# stderr, nothing on stdout, exit 1; --quiet on a terminal prints errors only; with NO_COLOR no
# ANSI escape sequence appears in any output, on a terminal (the progress line) or not;
# SOURCE_DATE_EPOCH that is not a number of seconds is a usage error (exit 2), never ignored;
# a folder named like a subcommand (init) is rendered when written ./init or after --, and the
# subcommand's error says so.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need script

# run NAME CMD...: runs CMD, keeping stdout in $TMP/NAME.out, stderr in $TMP/NAME.err, the exit
# status in $rc.
run() {
  local name=$1
  shift
  rc=0
  "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null || rc=$?
}
# on_tty NAME CMD...: runs CMD on a pseudo-terminal (script), all its output in $TMP/NAME.tty.
on_tty() {
  local name=$1
  shift
  rc=0
  script -q -e -c "$(printf '%q ' "$@")" /dev/null </dev/null >"$TMP/$name.tty" 2>&1 || rc=$?
}
expect_empty() {  # expect_empty FILE WHAT
  [ ! -s "$1" ] || fail "$2 is not empty: $(head -c 300 "$1")"
}

mkdir -p "$TMP/b"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/b/ok.yaml"
# A character in neither shipped font: a warning (printed on a terminal), no error.
sed '/^summary: |$/{n;s/^\(  *\)/\1漢 /}' "$SOURCE_DIR/briefs/ospg-8.yaml" >"$TMP/b/warn.yaml"
grep -q '漢' "$TMP/b/warn.yaml" || die "could not plant the warning in warn.yaml"
sed 's/^title: .*/titel: bozuk/' "$SOURCE_DIR/briefs/ospg-8.yaml" >"$TMP/bad.yaml"
bad_line=$(grep -n '^titel:' "$TMP/bad.yaml" | cut -d: -f1)

# --help
run help "$BRIEFMAKE" --help
[ $rc -eq 0 ] || fail "--help: exit status $rc"
expect_empty "$TMP/help.err" "--help's stderr"
expect_words "$TMP/help.out" "--help" "Usage: briefmake" "Examples:" "briefmake --watch" "Exit status" \
  SOURCE_DATE_EPOCH NO_COLOR "./init"
for want in 'BRIEF FILE|DIR' '-o,--output DIR' '--allow-path DIR' '-j,--jobs N' '--manifest FILE' \
            '--dump-layout FILE' '--template NAME|FILE'; do
  grep -qF -- "$want" "$TMP/help.out" || fail "--help does not show '$want': $(grep -F -- "${want%% *}" "$TMP/help.out")"
done
grep -q ' TEXT' "$TMP/help.out" && fail "--help still names a value TEXT: $(grep ' TEXT' "$TMP/help.out")"
run inithelp "$BRIEFMAKE" init --help
{ [ $rc -eq 0 ] && grep -qF 'FILE' "$TMP/inithelp.out" && ! grep -q ' TEXT' "$TMP/inithelp.out"; } ||
  fail "init --help: exit status $rc: $(cat "$TMP/inithelp.out")"

# --version
run version "$BRIEFMAKE" --version
[ $rc -eq 0 ] || fail "--version: exit status $rc"
grep -qxE 'briefmake [0-9]+\.[0-9]+\.[0-9]+' "$TMP/version.out" || fail "--version prints: $(cat "$TMP/version.out")"
expect_empty "$TMP/version.err" "--version's stderr"

# A failing brief: the located error on stderr, nothing on stdout, exit 1, nothing written.
run bad "$BRIEFMAKE" "$TMP/bad.yaml"
[ $rc -eq 1 ] || fail "a failing brief: exit status $rc, expected 1"
expect_empty "$TMP/bad.out" "a failing brief's stdout"
grep -qE "^$TMP/bad.yaml:$bad_line:1: error: unknown key \"titel\"" "$TMP/bad.err" ||
  fail "a failing brief: no FILE:LINE:COL: error: line on stderr: $(cat "$TMP/bad.err")"
[ ! -e "$TMP/bad.pdf" ] || fail "a failing brief wrote a PDF"

# A good brief off a terminal: nothing on stdout or stderr.
run ok "$BRIEFMAKE" -f pdf "$TMP/b/ok.yaml"
[ $rc -eq 0 ] || fail "ok.yaml: exit status $rc: $(cat "$TMP/ok.err")"
expect_empty "$TMP/ok.out" "a good brief's stdout"
expect_empty "$TMP/ok.err" "a good brief's stderr"

# --quiet on a terminal: the warning and the progress line are gone, an error stays.
on_tty tty-loud "$BRIEFMAKE" --force -f pdf "$TMP/b/warn.yaml"
[ $rc -eq 0 ] || fail "warn.yaml on a terminal: exit status $rc: $(cat "$TMP/tty-loud.tty")"
grep -q 'warn.yaml:[0-9]*:[0-9]*: warning: character U+6F22' "$TMP/tty-loud.tty" ||
  die "warn.yaml prints no warning on a terminal (the --quiet check needs one): $(cat "$TMP/tty-loud.tty")"
on_tty tty-quiet "$BRIEFMAKE" -q --force -f pdf "$TMP/b/warn.yaml"
[ $rc -eq 0 ] || fail "-q on a terminal: exit status $rc"
expect_empty "$TMP/tty-quiet.tty" "-q's output on a terminal"
on_tty tty-quiet-bad "$BRIEFMAKE" -q "$TMP/bad.yaml"
[ $rc -eq 1 ] || fail "-q with a failing brief: exit status $rc, expected 1"
grep -q 'bad.yaml:[0-9]*:1: error: unknown key "titel"' "$TMP/tty-quiet-bad.tty" ||
  fail "-q hides the error: $(cat "$TMP/tty-quiet-bad.tty")"

# NO_COLOR: no escape sequence anywhere, on a terminal (progress line, warnings, errors,
# summary) and off it.
on_tty tty-nocolor env NO_COLOR=1 "$BRIEFMAKE" --force -f pdf "$TMP/b/ok.yaml" "$TMP/b/warn.yaml" "$TMP/bad.yaml"
[ $rc -eq 1 ] || fail "NO_COLOR on a terminal: exit status $rc, expected 1"
grep -q '\[[0-9]/3\]' "$TMP/tty-nocolor.tty" || fail "no progress line on a terminal: $(head -c 300 "$TMP/tty-nocolor.tty")"
grep -q 'warning: character U+6F22' "$TMP/tty-nocolor.tty" || fail "no warning on a terminal"
run nocolor env NO_COLOR=1 "$BRIEFMAKE" --verbose --force -f pdf "$TMP/b/ok.yaml" "$TMP/b/warn.yaml" "$TMP/bad.yaml"
on_tty tty-nocolor-help env NO_COLOR=1 "$BRIEFMAKE" --help
on_tty tty-nocolor-usage env NO_COLOR=1 "$BRIEFMAKE" --no-such-option
expect_empty "$TMP/nocolor.out" "stdout with NO_COLOR"
for f in tty-nocolor.tty nocolor.err tty-nocolor-help.tty tty-nocolor-usage.tty; do
  [ -s "$TMP/$f" ] || fail "NO_COLOR: $f is empty (nothing to check)"
  ! grep -q $'\e' "$TMP/$f" || fail "NO_COLOR: $f holds an escape sequence: $(grep -a $'\e' "$TMP/$f" | head -2 | od -c | head -3)"
done

# SOURCE_DATE_EPOCH: digits, else a usage error that names it; empty counts as unset.
for bad in abc -5 12x 99999999999999999999999; do
  run sde env SOURCE_DATE_EPOCH="$bad" "$BRIEFMAKE" --force -o "$TMP/sde" "$TMP/b/ok.yaml"
  [ $rc -eq 2 ] || fail "SOURCE_DATE_EPOCH=$bad: exit status $rc, expected 2"
  grep -q "SOURCE_DATE_EPOCH" "$TMP/sde.err" || fail "SOURCE_DATE_EPOCH=$bad: the error does not name it: $(cat "$TMP/sde.err")"
  [ ! -e "$TMP/sde/ok.pdf" ] || fail "SOURCE_DATE_EPOCH=$bad: wrote outputs anyway"
done
run sde-ok env SOURCE_DATE_EPOCH=1767225600 "$BRIEFMAKE" --force -f pdf -o "$TMP/sde" "$TMP/b/ok.yaml"
[ $rc -eq 0 ] || fail "SOURCE_DATE_EPOCH=1767225600: exit status $rc: $(cat "$TMP/sde-ok.err")"
run sde-empty env SOURCE_DATE_EPOCH= "$BRIEFMAKE" --force -f pdf -o "$TMP/sde" "$TMP/b/ok.yaml"
[ $rc -eq 0 ] || fail "SOURCE_DATE_EPOCH empty: exit status $rc: $(cat "$TMP/sde-empty.err")"

# A folder named init: ./init and -- init render it; plain init is the subcommand, whose error
# tells how to mean the folder.
mkdir -p "$TMP/cwd/init"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/cwd/init/"
run dot env -C "$TMP/cwd" "$BRIEFMAKE" -j 2 --check ./init
[ $rc -eq 0 ] || fail "--check ./init: exit status $rc: $(cat "$TMP/dot.err")"
run dashdash env -C "$TMP/cwd" "$BRIEFMAKE" -j 2 --check -- init
[ $rc -eq 0 ] || fail "--check -- init: exit status $rc: $(cat "$TMP/dashdash.err")"
run sub env -C "$TMP/cwd" "$BRIEFMAKE" -j 2 --check init
[ $rc -eq 2 ] || fail "-j 2 --check init: exit status $rc, expected 2 (init is the subcommand)"
grep -qF "./init" "$TMP/sub.err" || fail "-j 2 --check init: the error does not point at ./init: $(cat "$TMP/sub.err")"

finish
