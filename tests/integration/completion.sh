#!/usr/bin/env bash
# completion: the bash completion script (scripts/briefmake.bash-completion) stays in step with
# the CLI. Every option `briefmake --help` lists (and `briefmake init --help`) is offered when
# completing `-`, every long one when completing `--`, and the script offers no option the CLI
# does not have. Options that take a value complete that value (a folder, a file, nothing),
# not a brief.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
script=$SOURCE_DIR/scripts/briefmake.bash-completion
[ -f "$script" ] || die "no $script"

# help_options ARGS...: the options in the Options: section of `briefmake ARGS --help`, one a line.
help_options() {
  "$BRIEFMAKE" "$@" --help | awk '
    /^Options:/ { on = 1; next }
    /^[^ ]/ { on = 0 }
    on && /^ +-/ { n = split($1, o, ","); for (i = 1; i <= n; i++) print o[i] }' | sort -u
}
# complete_words WORD...: what completing the last WORD offers, one a line, sorted.
complete_words() {
  (cd "$TMP/cwd" && bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _briefmake
    printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$@") | sed '/^$/d' | sort -u
}
mkdir -p "$TMP/cwd/sub"
touch "$TMP/cwd/a.yaml" "$TMP/cwd/notes.txt"

help_options >"$TMP/help.txt"
[ "$(wc -l <"$TMP/help.txt")" -ge 20 ] || die "found only $(wc -l <"$TMP/help.txt") options in --help: $(tr '\n' ' ' <"$TMP/help.txt")"
{ grep -qx -- '-j' "$TMP/help.txt" && grep -qx -- '--watch' "$TMP/help.txt"; } ||
  die "the option list read from --help lacks -j or --watch: $(tr '\n' ' ' <"$TMP/help.txt")"

complete_words briefmake - >"$TMP/dash.txt"
lacking=$(comm -23 "$TMP/help.txt" "$TMP/dash.txt" | tr '\n' ' ')
[ -z "$lacking" ] || fail "completing 'briefmake -' lacks options --help lists: $lacking"
extra=$(comm -13 "$TMP/help.txt" "$TMP/dash.txt" | tr '\n' ' ')
[ -z "$extra" ] || fail "completing 'briefmake -' offers options --help does not list: $extra"

grep -- '^--' "$TMP/help.txt" >"$TMP/long.txt"
complete_words briefmake -- >"$TMP/dashdash.txt"
cmp -s "$TMP/long.txt" "$TMP/dashdash.txt" ||
  fail "completing 'briefmake --' differs from the long options of --help: $(diff "$TMP/long.txt" "$TMP/dashdash.txt" | grep '^[<>]' | tr '\n' ' ')"

help_options init >"$TMP/init-help.txt"
complete_words briefmake init x.yaml - >"$TMP/init-dash.txt"
cmp -s "$TMP/init-help.txt" "$TMP/init-dash.txt" ||
  fail "completing 'briefmake init x.yaml -' differs from init --help: $(diff "$TMP/init-help.txt" "$TMP/init-dash.txt" | grep '^[<>]' | tr '\n' ' ')"

# Values: -j N and --from/--name text complete nothing; --manifest and --dump-layout any file.
for opt in -j --jobs --from --name; do
  [ -z "$(complete_words briefmake "$opt" "")" ] || fail "completing 'briefmake $opt ' offers: $(complete_words briefmake "$opt" "" | tr '\n' ' ')"
done
for opt in --manifest --dump-layout; do
  complete_words briefmake "$opt" "" >"$TMP/v.txt"
  expect_words "$TMP/v.txt" "completing 'briefmake $opt '" notes.txt sub
  grep -qx init "$TMP/v.txt" && fail "completing 'briefmake $opt ' offers the subcommand init"
done
complete_words briefmake -o "" >"$TMP/v.txt"
[ "$(tr '\n' ' ' <"$TMP/v.txt")" = "sub " ] || fail "completing 'briefmake -o ' should offer folders only: $(tr '\n' ' ' <"$TMP/v.txt")"
# A flag takes no value: after it come briefs and subcommands again.
complete_words briefmake --force "" >"$TMP/v.txt"
expect_words "$TMP/v.txt" "completing 'briefmake --force '" a.yaml init schema

finish
