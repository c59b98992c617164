#!/usr/bin/env bash
# install: `cmake --install` of the build tree gives a relocatable installation: moved to another
# folder and run with BRIEFMAKE_RESOURCES unset and the source tree out of reach (a tmpfs mounted
# over it in a private mount namespace: unshare -m as root, unshare -rm otherwise), the installed
# briefmake renders the sample brief from share/briefmake beside it (proved by a marker put into
# the moved copy's template, which the source tree's template lacks). Without share/briefmake, or
# with its templates/ gone, it fails naming the folder it looked for, never falling back on the
# source tree. Its man page reads with man, and its bash completion completes subcommands,
# options, languages and the installed template names.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need cmake man pdftotext python3
[ -f "$BIN_DIR/cmake_install.cmake" ] || die "$BIN_DIR is not a CMake build tree (no cmake_install.cmake)"

prefix=$TMP/prefix
cmake --install "$BIN_DIR" --prefix "$prefix" >"$TMP/install.log" 2>&1 ||
  die "cmake --install failed: $(tail -5 "$TMP/install.log")"

for f in bin/briefmake share/briefmake/templates/default.yaml share/briefmake/fonts/LiberationSerif-Regular.ttf \
         share/briefmake/fonts/DejaVuSans.ttf share/briefmake/fonts/LICENSE-Liberation.txt \
         share/briefmake/schema/brief-v1.schema.json share/man/man1/briefmake.1.gz share/doc/briefmake/copyright \
         share/bash-completion/completions/briefmake share/doc/briefmake/README.md \
         share/man/tr/man1/briefmake.1.gz share/locale/tr/LC_MESSAGES/briefmake.mo \
         share/locale/ru/LC_MESSAGES/briefmake.mo share/locale/kk/LC_MESSAGES/briefmake.mo; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
cmp -s "$prefix/share/briefmake/schema/brief-v1.schema.json" "$SOURCE_DIR/schema/brief-v1.schema.json" ||
  fail "the installed schema differs from schema/brief-v1.schema.json"
[ -x "$prefix/bin/briefmake" ] || die "the installed briefmake is not executable"

# Move the installation: nothing may depend on where it was installed.
moved=$TMP/elsewhere/opt/briefmake
mkdir -p "$(dirname "$moved")"
mv "$prefix" "$moved"
bin=$moved/bin/briefmake
# A marker in the moved copy's template: it shows in the PDF only if that template is used.
marker="RELOCATED PREFIX $RANDOM$RANDOM"
grep -q '^  - "T.C."$' "$moved/share/briefmake/templates/default.yaml" || die "the default template's letterhead changed: update this test"
sed -i "s|^  - \"T.C.\"\$|  - \"$marker\"|" "$moved/share/briefmake/templates/default.yaml"

work=$TMP/work
mkdir -p "$work"
cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$work/"
rc=0
without_source "$work" "$bin" ospg-8.yaml >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -ne 125 ] || die "could not hide the source tree $SOURCE_DIR: $(cat "$TMP/stderr")"
[ $rc -eq 0 ] || die "the moved installation cannot render ospg-8.yaml with the source tree out of reach: exit status $rc: $(cat "$TMP/stderr")"
[ -s "$work/ospg-8.pdf" ] || fail "no ospg-8.pdf"
[ -s "$work/ospg-8.docx" ] || fail "no ospg-8.docx"
pdf_text "$work/ospg-8.pdf" "$TMP/pdf.txt"
expect_words "$TMP/pdf.txt" "the PDF from the moved installation" "$marker" Koşerbayev "2 Şubat 2026"

# schema and init from the moved installation: the starter points at the installed schema.
env -u BRIEFMAKE_RESOURCES "$bin" schema | cmp -s - "$SOURCE_DIR/schema/brief-v1.schema.json" ||
  fail "the installed briefmake schema differs from schema/brief-v1.schema.json"
without_source "$work" "$bin" init "$work/new.yaml" --lang en 2>"$TMP/stderr" || fail "init: exit status $?: $(cat "$TMP/stderr")"
rm "$work/new.yaml"
env -u BRIEFMAKE_RESOURCES "$bin" init "$work/new.yaml" --lang en 2>"$TMP/stderr" || fail "init: exit status $?: $(cat "$TMP/stderr")"
[ "$(head -n 1 "$work/new.yaml")" = "# yaml-language-server: \$schema=$moved/share/briefmake/schema/brief-v1.schema.json" ] ||
  fail "init's schema line does not name the installed schema: $(head -n 1 "$work/new.yaml")"

# Without its resources the installed briefmake fails, naming the folder it looked for, even
# with the source tree in reach (it must not fall back on the build machine's sources).
broken=$TMP/broken
cp -a "$moved" "$broken"
rm -r "$broken/share/briefmake/templates"
check_missing() {  # check_missing WHAT FOLDER: the broken copy fails on ospg-8.yaml naming FOLDER
  local rc=0
  (cd "$work" && env -u BRIEFMAKE_RESOURCES "$broken/bin/briefmake" -o "$TMP/broken-out" ospg-8.yaml) \
    >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 1 ] || fail "$1: exit status $rc, expected 1 (stderr: $(cat "$TMP/stderr"))"
  grep -qF "$2: error: folder of briefmake's shipped templates not found" "$TMP/stderr" ||
    fail "$1: the error does not name $2: $(cat "$TMP/stderr")"
  [ -z "$(ls -A "$TMP/broken-out" 2>/dev/null)" ] || fail "$1: wrote outputs anyway"
}
check_missing "no share/briefmake/templates" "$broken/share/briefmake/templates"
rm -r "$broken/share/briefmake"
check_missing "no share/briefmake" "$broken/share/briefmake/templates"
rc=0
env -u BRIEFMAKE_RESOURCES "$broken/bin/briefmake" init "$TMP/broken.yaml" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
{ [ $rc -eq 1 ] && grep -qF "$broken/share/briefmake/templates" "$TMP/stderr"; } ||
  fail "init without share/briefmake: exit status $rc, stderr: $(cat "$TMP/stderr")"
rc=0
BRIEFMAKE_RESOURCES=$TMP/nowhere "$bin" --check "$work/ospg-8.yaml" >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
{ [ $rc -eq 1 ] && grep -qF "$TMP/nowhere/templates: error:" "$TMP/stderr"; } ||
  fail "BRIEFMAKE_RESOURCES naming a missing folder: exit status $rc, stderr: $(cat "$TMP/stderr")"

# The man page, read by man from the file and through MANPATH.
MANWIDTH=80 man -l "$moved/share/man/man1/briefmake.1.gz" >"$TMP/man.txt" 2>"$TMP/man.err" ||
  fail "man -l cannot show the man page: $(cat "$TMP/man.err")"
expect_words "$TMP/man.txt" "the man page" NAME briefmake "render meeting briefs" SYNOPSIS --template --check schema init EXAMPLES SOURCE_DATE_EPOCH
# The Turkish page, from the Turkish --help, read under a UTF-8 locale as a Turkish user reads it
# (under C, as on a clean root, man prints "toplanti" for "toplantı").
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$moved/share/man/tr/man1/briefmake.1.gz" >"$TMP/man-tr.txt" 2>"$TMP/man.err" ||
  fail "man -l cannot show the Turkish man page: $(cat "$TMP/man.err")"
expect_words "$TMP/man-tr.txt" "the Turkish man page" "toplantı bilgi notlarını" "Kullanım: briefmake" "Seçenekler:" \
  "Örnekler:" SOURCE_DATE_EPOCH
MANWIDTH=80 MANPATH=$moved/share/man man briefmake >"$TMP/man2.txt" 2>"$TMP/man.err" ||
  fail "man briefmake with MANPATH cannot find the man page: $(cat "$TMP/man.err")"

# Bash completion, with the moved briefmake on PATH.
complete_words() {  # complete_words WORD... : what completing the last WORD offers
  PATH="$moved/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _briefmake 2>/dev/null
    printf "%s\n" "${COMPREPLY[@]}"' _ "$moved/share/bash-completion/completions/briefmake" "$@" | sort
}
(cd "$work" && complete_words briefmake "") >"$TMP/c1"
expect_words "$TMP/c1" "completing 'briefmake '" schema init ospg-8.yaml
grep -qx 'ospg-8.pdf' "$TMP/c1" && fail "completing 'briefmake ' offers ospg-8.pdf (not a brief)"
[ "$(complete_words briefmake --tem)" = "--template" ] || fail "completing '--tem' does not give --template"
[ "$(complete_words briefmake --template de)" = "default" ] || fail "completing '--template de' does not give default: $(complete_words briefmake --template de)"
[ "$(complete_words briefmake init x.yaml --lang "" | tr '\n' ' ')" = "en kk ru tr " ] ||
  fail "completing 'init x.yaml --lang ' does not give the four languages"
[ "$(complete_words briefmake -f d)" = "docx" ] || fail "completing '-f d' does not give docx"

finish
