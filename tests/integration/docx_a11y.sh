#!/usr/bin/env bash
# docx_a11y: the DOCX to the rules of Word's Accessibility Checker (issue 16), in tr, en, ru, kk:
# alternative text on every chart and picture (wp:docPr/@descr) and table (w:tblCaption,
# w:tblDescription), header rows marked, the title in docProps/core.xml, the language on the
# styles, headings without skipped levels, no empty paragraphs for spacing
# (lib/docx_a11y.py). The charts' alternative texts say what the data says, in the brief's
# language and number format. Each check is shown failing on a planted defect
# (lib/docx_a11y_plant.py). The files still pass the OOXML validator (LibreOffice opens them in
# logo.sh, parity.sh and the other DOCX tests).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need unzip python3

validator=$SOURCE_DIR/tools/node/node_modules/.bin/ooxml-validator
[ -x "$validator" ] || die "the OOXML validator is missing (run scripts/setup --test)"

# brief|expected docDefaults language
cases=(
  "briefs/ospg-8.yaml|tr-TR" "briefs/ospg-8-en.yaml|en-GB" "tests/briefs/figures-tr.yaml|tr-TR"
  "tests/briefs/figures-en.yaml|en-GB" "tests/briefs/lang-ru.yaml|ru-RU" "tests/briefs/lang-kk.yaml|kk-KZ"
  "tests/briefs/long-tr.yaml|tr-TR"
)
files=()
for c in "${cases[@]}"; do files+=("$SOURCE_DIR/${c%|*}"); done
"$BRIEFMAKE" -q -f docx -o "$TMP/out" "${files[@]}" || die "briefmake failed"
"$BRIEFMAKE" -q -f docx --template "$SOURCE_DIR/tests/data/tmpl/with-logo.yaml" -o "$TMP/logo" \
  "$SOURCE_DIR/briefs/ospg-8.yaml" || die "briefmake failed with the logo template"

# The briefs' titles, one a line (one Python start: they are slow on a busy machine).
mapfile -t titles < <(python3 -c 'import sys, yaml
for f in sys.argv[1:]: print(yaml.safe_load(open(f, encoding="utf-8"))["title"])' "${files[@]}")
[ "${#titles[@]}" = "${#files[@]}" ] || die "cannot read the briefs' titles"

# One checker run over every file (lib/docx_a11y.py prints "FILE: FAIL: ..." per problem).
args=()
for i in "${!cases[@]}"; do
  c=${cases[$i]}
  args+=("$TMP/out/$(basename "${files[$i]%.*}").docx" "${titles[$i]}" "${c#*|}")
done
args+=("$TMP/logo/ospg-8.docx" "${titles[0]}" tr-TR)
python3 "$LIB/docx_a11y.py" "${args[@]}" >"$TMP/report.txt" || die "docx_a11y.py failed: $(tail -3 "$TMP/report.txt")"
grep ': FAIL: ' "$TMP/report.txt" >&2 && fail "the DOCX files break the rules above"
grep ': descr: ' "$TMP/report.txt" >"$TMP/descr.txt" || true
# The logo is named by the letterhead (the template gives no alt).
unzip -p "$TMP/logo/ospg-8.docx" word/document.xml >"$TMP/logo.xml"
grep -q 'name="Logo" descr="T.C. DIŞİŞLERİ BAKANLIĞI' "$TMP/logo.xml" || fail "the logo's alternative text is not the letterhead's"

# Alternative texts in each language, numbers formatted as the language writes them.
expect() {  # expect FILE TEXT
  grep -qF -- "$2" "$1" || fail "no alternative text \"$2\" in $(basename "$1")"
}
expect "$TMP/descr.txt" 'Çizgi grafik: Aylık Yolcu Sayısı, Ocak–Haziran, bin kişi; 2024: 112,40’tan 152,35’e yükseliyor; 2025: 118,60’tan 163,85’e yükseliyor.'
expect "$TMP/descr.txt" 'Pasta grafik: Türk Yatırımlarının Sektörel Dağılımı; en büyük paylar: İnşaat %45,3, Enerji %25,8, Gıda ve tarım %20,0.'
expect "$TMP/descr.txt" 'Line chart: Monthly Passengers, January–June, thousand passengers; 2024: rising from 112.40 to 152.35; 2025: rising from 118.60 to 163.85.'
expect "$TMP/descr.txt" 'Bar chart: Monthly Exports, Jan–Dec, USD million; 2023: highest Dec (1,533.76), lowest Jan (1,100.56);'
expect "$TMP/descr.txt" 'Sütun grafik: Türkiye-Kazakistan Ticareti (2025, ilk 11 ay) (İhracat, İthalat, Toplam), milyar $; en yüksek Toplam (8,95), en düşük İhracat (2,91).'
for stem in lang-ru lang-kk; do unzip -p "$TMP/out/$stem.docx" word/document.xml >"$TMP/$stem.xml"; done
expect "$TMP/lang-ru.xml" 'w:tblDescription w:val="Таблица: Основные показатели; строк: 3; столбцы: Показатель, Значение."'
expect "$TMP/lang-kk.xml" 'w:tblDescription w:val="Кесте: Негізгі көрсеткіштер; жол саны: 3; бағандар: Көрсеткіш, Мәні."'

# Every check fails on its planted defect.
defects=(nodescr nocaption noheader notitle nolang skip empty)
mkdir "$TMP/planted"
python3 "$LIB/docx_a11y_plant.py" "$TMP/out/figures-tr.docx" "$TMP/planted" "${defects[@]}" || die "cannot plant the defects"
args=()
for d in "${defects[@]}"; do args+=("$TMP/planted/$d.docx" "${titles[2]}" tr-TR); done  # figures-tr
python3 "$LIB/docx_a11y.py" "${args[@]}" >"$TMP/planted.txt" || die "docx_a11y.py failed on the planted files"
for d in "${defects[@]}"; do
  grep -q "^$d.docx: FAIL: " "$TMP/planted.txt" || fail "the checker passes a DOCX with the defect '$d'"
done

# (docx_validate.sh validates every brief's DOCX; here the one with a chart, tables and a logo.)
"$validator" "$TMP/logo/ospg-8.docx" >"$TMP/validator.json" ||
  fail "the validator rejects ospg-8.docx with a logo: $(head -c 600 "$TMP/validator.json")"
finish
