# shellcheck shell=bash disable=SC2034  # (variables are used by the tests that source this)
# Shared helpers for tests/integration/*.sh. Each test is run by ctest as
#   bash SCRIPT BIN_DIR SOURCE_DIR
# where BIN_DIR holds the briefmake binary. Source this file first thing.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: bash $0 BIN_DIR SOURCE_DIR" >&2; exit 2; }
BIN_DIR=$(cd "$1" && pwd)
SOURCE_DIR=$(cd "$2" && pwd)
BRIEFMAKE=$BIN_DIR/briefmake
TEST_NAME=$(basename "$0" .sh)
# The Python checks the tests call: tests/integration/lib/*.py, each saying what it checks.
LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree (y2j.py is also imported)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/briefmake-$TEST_NAME.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
# Ends the test: non-zero when any fail was recorded.
finish() {
  if [ "$failures" -gt 0 ]; then echo "$TEST_NAME: $failures check(s) failed" >&2; exit 1; fi
  echo "$TEST_NAME: all checks passed"
}
# skip WHY: ends the test as skipped (exit 77, which ctest reports as skipped: SKIP_RETURN_CODE
# in tests/CMakeLists.txt), or as failed when a check made so far failed.
skip() {
  if [ "$failures" -gt 0 ]; then echo "$TEST_NAME: $failures check(s) failed" >&2; exit 1; fi
  echo "$TEST_NAME: SKIPPED: $*"
  exit 77
}

# without_source DIR CMD...: runs CMD in DIR with BRIEFMAKE_RESOURCES unset and an empty tmpfs
# mounted over SOURCE_DIR (and so over a build tree inside it) in a private mount namespace
# (unshare -m as root, unshare -rm otherwise), so CMD cannot read the source tree. Exit status
# 125 when no namespace can be had or the tmpfs does not hide the tree.
without_source() {
  local dir=$1 how
  shift
  if unshare -m true 2>/dev/null; then how=-m
  elif unshare -rm true 2>/dev/null; then how=-rm
  else echo "$TEST_NAME: no private mount namespace (unshare -m and unshare -rm fail)" >&2; return 125
  fi
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  unshare "$how" bash -c 'mount -t tmpfs briefmake-test "$1" || exit 125
    [ ! -e "$1/templates/default.yaml" ] || exit 125
    cd "$2" && shift 2 && exec env -u BRIEFMAKE_RESOURCES "$@"' _ "$SOURCE_DIR" "$dir" "$@"
}

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed (run scripts/setup --test)"
  done
}
[ -x "$BRIEFMAKE" ] || die "$BRIEFMAKE is missing (build first: scripts/build)"

# pdf_text PDF OUT: the PDF's text (pdftotext -enc UTF-8), normalised for searching: soft
# hyphens (U+00AD) removed, words hyphenated at a line end joined again, all white space
# (incl. no-break and thin spaces) turned into one space. Fails when pdftotext warns.
pdf_text() {
  local pdf=$1 out=$2
  if ! pdftotext -enc UTF-8 "$pdf" "$TMP/raw.txt" 2>"$TMP/pdftotext.err"; then
    fail "pdftotext cannot read $pdf: $(cat "$TMP/pdftotext.err")"; : >"$out"; return
  fi
  [ ! -s "$TMP/pdftotext.err" ] || fail "pdftotext warns about $pdf: $(head -5 "$TMP/pdftotext.err")"
  python3 "$LIB/normalise_pdf_text.py" "$TMP/raw.txt" "$out"
}

# expect_words FILE WHAT WORD...: every WORD occurs in FILE (fixed strings).
expect_words() {
  local file=$1 what=$2 w missing=()
  shift 2
  for w in "$@"; do grep -qF -- "$w" "$file" || missing+=("$w"); done
  [ ${#missing[@]} -eq 0 ] || fail "$what lacks: $(printf '"%s" ' "${missing[@]}")"
}

# tree_sum DIR: one line per file (name and checksum), sorted: compares a folder before/after.
tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum; find . -mindepth 1 | sort); }

# lo_to_pdf DOCX OUTDIR: LibreOffice's own conversion of DOCX to PDF (private profile).
lo_to_pdf() {
  local docx=$1 outdir=$2
  mkdir -p "$outdir"
  timeout 300 soffice --headless --norestore --nologo -env:UserInstallation="file://$TMP/lo-profile" \
    --convert-to pdf --outdir "$outdir" "$docx" >"$TMP/lo.log" 2>&1 || true
  local pdf
  pdf=$outdir/$(basename "${docx%.*}").pdf
  [ -s "$pdf" ] || { fail "LibreOffice could not convert $docx: $(tail -5 "$TMP/lo.log")"; return 1; }
}
