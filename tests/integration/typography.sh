#!/usr/bin/env bash
# typography: both outputs print typographic punctuation and CLDR date ranges.
#  - a meeting over several days prints ICU's date interval (12–13 Mart 2026, 30 Mart –
#    2 Nisan 2026, 30 Aralık 2025 – 2 Ocak 2026) in tr, en, ru and kk, as Babel's CLDR data
#    has it (python3-babel);
#  - Grubu'nun prints Grubu’nun, "…" prints “…” (tr, en) or «…» (ru, kk), 2019-2025 prints
#    2019–2025, and a code span (`dosya'adı "x".txt`) keeps its straight characters;
# in pdftotext's text of the PDF and in the DOCX's text (typography_check.py).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext python3

# Babel: the Debian package's Python when the first python3 on PATH lacks it.
babel_py=
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c "import babel.dates" 2>/dev/null; then babel_py=$py; break; fi
done
[ -n "$babel_py" ] || die "no python3 with Babel (install python3-babel: scripts/setup --test)"

python3 "$LIB/typography_briefs.py" "$SOURCE_DIR" "$TMP/briefs" || die "cannot write the test briefs"
"$BRIEFMAKE" -o "$TMP/out" "$TMP"/briefs/*.yaml 2>"$TMP/err" || die "briefmake failed: $(head -5 "$TMP/err")"
for lang in tr en ru kk; do
  for range in month months years; do
    stem=$lang-$range
    pdftotext -enc UTF-8 "$TMP/out/$stem.pdf" "$TMP/$stem.txt" || { fail "pdftotext cannot read $stem.pdf"; continue; }
    if out=$("$babel_py" "$LIB/typography_check.py" "$lang" "$range" "$TMP/$stem.txt" "$TMP/out/$stem.docx"); then
      echo "$out"
    else
      fail "$stem: $out"
    fi
  done
done
finish
