#!/usr/bin/env bash
# typesetting: the PDF reads like a careful typesetter's. From the layout dump of the long brief
# (10 pages, 100-row table, nested lists, long words): no line wider than its measure, no
# heading last on a page, no widows or orphans, the table header on every page it spans. A table
# row taller than a page (tests/briefs/tall-row-tr.yaml) splits inside its cells: the header on
# every page, no line below the bottom margin, the row's text once and in order.
# Hyphenated Turkish words (the hyphenation oracle, on a narrow measure) are found whole by a
# viewer's search. Bookmarks and TOC links point at the pages that show their headings.
# pdftotext and pdffonts do not warn; qpdf --check passes with and without --pdfa; the PDF/A
# parts are there; OSPG-8 is no larger than WeasyPrint's 29,440 bytes.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdffonts qpdf python3

DATA=$SOURCE_DIR/tests/data/typesetting
export SOURCE_DATE_EPOCH=1769983200
bottom=771.02  # the default template's bottom margin: A4, 25 mm

# ---- the long brief, from its layout dump ----
"$BRIEFMAKE" -q -f pdf -o "$TMP/long" --dump-layout "$TMP/long.dump" "$SOURCE_DIR/tests/briefs/long-tr.yaml" \
  || die "briefmake failed on long-tr.yaml"
[ -s "$TMP/long.dump" ] || die "--dump-layout wrote nothing"
python3 "$LIB/check_layout.py" "$TMP/long.dump" --min-pages 5 --table --bottom "$bottom" >"$TMP/layout.out" \
  || fail "long-tr layout: $(head -20 "$TMP/layout.out")"

# The checker itself finds each kind of defect (a checker that cannot fail proves nothing).
mutate() {  # mutate NAME PYTHON-EXPRESSION-ON-LINES: writes $TMP/NAME.dump
  python3 "$LIB/dump_mutate.py" "$TMP/long.dump" "$TMP/$1.dump" "$2"
}
# a line 5 pt wider than its measure
mutate wide 'i = next(i for i, l in enumerate(lines) if " line " in l and "style=body" in l)
lines[i] = re.sub(r" w=[0-9.]+", lambda m: " w=999", lines[i], count=1)'
# the header row of page 6 gone
mutate header 'lines = [l for l in lines if not (l.startswith("page 6 ") and "table-header" in l)]'
# a heading moved to the bottom of the page before: its bookmark on a page without its text
mutate heading 'i = next(i for i, l in enumerate(lines) if l.startswith("bookmark") and " page=5 " in l)
lines[i] = re.sub(r" page=5 y=[0-9.]+", " page=4 y=800", lines[i])'
# the last line of a paragraph alone at the top of a page (a widow)
mutate widow 'p = [l for l in lines if re.match(r"page \d+ line .*style=(body|list)( |$)", l)]
for a, b in zip(p, p[1:]):
    if a.split()[1] != b.split()[1]:
        j = lines.index(a); lines[j] = lines[j].replace(" [last]", "")
        k = lines.index(b); lines[k] = lines[k] if "[last]" in b else lines[k] + " [last]"
        break'
for m in wide header heading widow; do
  if python3 "$LIB/check_layout.py" "$TMP/$m.dump" --min-pages 5 --table >"$TMP/$m.out" 2>/dev/null; then
    fail "check_layout.py misses a planted defect ($m)"
  fi
done

# ---- a table row taller than a page: split inside its cells, under the header on every page ----
"$BRIEFMAKE" -q -f pdf -o "$TMP/tall" --dump-layout "$TMP/tall.dump" "$SOURCE_DIR/tests/briefs/tall-row-tr.yaml" \
  || die "briefmake failed on tall-row-tr.yaml"
python3 "$LIB/check_layout.py" "$TMP/tall.dump" --min-pages 4 --table --bottom "$bottom" >"$TMP/tall.out" \
  || fail "tall-row-tr layout: $(head -20 "$TMP/tall.out")"
# The checker sees a line below the margin (page 2's last table line moved 20 pt down).
python3 "$LIB/dump_line_below_margin.py" "$TMP/tall.dump" "$TMP/tall-low.dump"
if python3 "$LIB/check_layout.py" "$TMP/tall-low.dump" --min-pages 4 --table --bottom "$bottom" >/dev/null 2>&1; then
  fail "check_layout.py misses a line below the bottom margin"
fi
# The split cells' numbered sentences, (1)..(62) and (D1)..(D14): each once, in order.
python3 "$LIB/tall_row_text_in_order.py" "$TMP/tall.dump" || fail "tall-row-tr: the split row's text is not all there in order"
# The DOCX lets that row, and only that row, break across pages (w:cantSplit elsewhere): Word
# cuts off a row taller than a page that may not break.
"$BRIEFMAKE" -q -f docx -o "$TMP/tall" "$SOURCE_DIR/tests/briefs/tall-row-tr.yaml" || die "briefmake -f docx failed on tall-row-tr.yaml"
unzip -p "$TMP/tall/tall-row-tr.docx" word/document.xml >"$TMP/tall-document.xml"
python3 "$LIB/tall_row_cant_split.py" "$TMP/tall-document.xml" || fail "tall-row-tr.docx: the split row's w:cantSplit is not as expected"

# ---- hyphenation: oracle words on a 60 mm measure, searched the way a viewer searches ----
words=$(cut -f1 "$SOURCE_DIR/tests/data/text/tr-hyphenation-oracle.tsv" | grep -v '^#' | tr '\n' ' ')
cat >"$TMP/hyph.yaml" <<YAML
brief: 1
title: Heceleme Denemesi
language: tr
reference: TEST-HECE/2026
edition: 2026-02-01
author: Test Birimi
meeting:
  name: Heceleme
  number: 1
  date: 2026-02-02
  location: Ankara
summary: |
  $words
agenda:
  - title: "Gündem"
YAML
"$BRIEFMAKE" -q -f pdf -o "$TMP/hyph" --template "$DATA/narrow.yaml" --dump-layout "$TMP/hyph.dump" "$TMP/hyph.yaml" \
  || die "briefmake failed on the hyphenation brief"
pdftotext -enc UTF-8 "$TMP/hyph/hyph.pdf" "$TMP/hyph.txt" 2>"$TMP/hyph.err" || fail "pdftotext failed on hyph.pdf"
[ ! -s "$TMP/hyph.err" ] || fail "pdftotext warns on hyph.pdf: $(head -3 "$TMP/hyph.err")"
python3 "$LIB/hyphenation_search.py" "$SOURCE_DIR/tests/data/text/tr-hyphenation-oracle.tsv" "$TMP/hyph.txt" "$TMP/hyph.dump" \
  || fail "hyphenated words are not found whole"

# ---- OSPG-8: no warnings, bookmarks, size; with and without PDF/A ----
"$BRIEFMAKE" -q -f pdf -o "$TMP/plain" "$SOURCE_DIR/briefs/ospg-8.yaml" || die "briefmake failed on ospg-8"
"$BRIEFMAKE" -q -f pdf --pdfa -o "$TMP/pdfa" "$SOURCE_DIR/briefs/ospg-8.yaml" || die "briefmake --pdfa failed on ospg-8"
for pdf in "$TMP/plain/ospg-8.pdf" "$TMP/pdfa/ospg-8.pdf"; do
  pdftotext -enc UTF-8 "$pdf" /dev/null 2>"$TMP/err" || fail "pdftotext failed on $pdf"
  [ ! -s "$TMP/err" ] || fail "pdftotext warns on $pdf: $(head -3 "$TMP/err")"
  pdffonts "$pdf" >"$TMP/fonts" 2>"$TMP/err" || fail "pdffonts failed on $pdf"
  [ ! -s "$TMP/err" ] || fail "pdffonts warns on $pdf: $(head -3 "$TMP/err")"
  if awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes")' "$TMP/fonts" | grep -q .; then
    fail "a font of $pdf is not an embedded subset with a ToUnicode map: $(cat "$TMP/fonts")"
  fi
  qpdf --check "$pdf" >"$TMP/qpdf" 2>&1 || fail "qpdf --check fails on $pdf: $(tail -3 "$TMP/qpdf")"
  if grep -qi warning "$TMP/qpdf"; then fail "qpdf --check warns on $pdf: $(grep -i warning "$TMP/qpdf" | head -3)"; fi
done
python3 "$LIB/pdf_checks.py" pdfa "$TMP/pdfa/ospg-8.pdf" >"$TMP/pdfa.out" || fail "PDF/A parts: $(cat "$TMP/pdfa.out")"
# Without --pdfa the same check must fail (no XMP, no output intent).
if python3 "$LIB/pdf_checks.py" pdfa "$TMP/plain/ospg-8.pdf" >/dev/null; then
  fail "pdf_checks.py pdfa accepts a PDF written without --pdfa"
fi
python3 "$LIB/pdf_checks.py" targets "$TMP/plain/ospg-8.pdf" >"$TMP/t.out" || fail "ospg-8 bookmarks: $(cat "$TMP/t.out")"
python3 "$LIB/pdf_checks.py" targets "$TMP/long/long-tr.pdf" >"$TMP/t.out" || fail "long-tr bookmarks: $(cat "$TMP/t.out")"
size=$(stat -c %s "$TMP/plain/ospg-8.pdf")
[ "$size" -le 29440 ] || fail "ospg-8.pdf is $size bytes; WeasyPrint writes 29,440"
echo "ospg-8.pdf: $size bytes"

# ---- a table of contents: its links and the bookmarks point at the headings' pages ----
"$BRIEFMAKE" -q -f pdf -o "$TMP/toc" --template "$SOURCE_DIR/tests/data/tmpl/with-toc.yaml" \
  "$SOURCE_DIR/tests/briefs/long-tr.yaml" || die "briefmake failed with the TOC template"
python3 "$LIB/pdf_checks.py" targets "$TMP/toc/long-tr.pdf" >"$TMP/toc.out" 2>"$TMP/toc.err" \
  || fail "TOC: $(cat "$TMP/toc.out")"
grep -q "[1-9][0-9]* internal links checked" "$TMP/toc.err" || fail "TOC: no internal links found ($(cat "$TMP/toc.err"))"

finish
