#!/usr/bin/env bash
# schema: schema/brief-v1.schema.json is a correct JSON Schema for BRIEF-FORMAT v1, checked with
# a real validator (ajv-cli + ajv-formats, strict mode) on YAML turned into JSON the way
# briefmake reads it (YAML 1.2 core scalars: no dates, no yes/no, no sexagesimal numbers):
#  - the schema compiles in strict mode, and `briefmake schema` prints exactly this file;
#  - every brief in briefs/ and tests/briefs/ and every starter from `briefmake init` validates;
#  - every tests/bad/*.yaml marked `# schema: invalid` (on line 1 or 2) fails validation;
#  - schema and briefmake agree: a brief that uses every key (x- keys, CSV figures, pie, line,
#    nested agenda items and sections) is accepted by both, and each of its mutations below
#    is either accepted by both or rejected by both (`briefmake --check`).
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need python3 node
python3 -c 'import yaml' 2>/dev/null || die "python3 cannot import yaml (run scripts/setup --test: python3-yaml)"
AJV=$SOURCE_DIR/tools/node/ajv/node_modules/.bin/ajv
[ -x "$AJV" ] || die "$AJV is missing (run scripts/setup --test)"
SCHEMA=$SOURCE_DIR/schema/brief-v1.schema.json
ajv_opts=(-c ajv-formats --spec=draft7 --strict=true --allow-union-types)

# validate_all YAML...: converts them all, validates them in one ajv run (node starts once), and
# sets verdict[YAML] to valid or invalid, and why[YAML] to ajv's message for an invalid one.
declare -A verdict why
n=0
validate_all() {
  local conv=() data=() y json
  for y in "$@"; do
    n=$((n + 1)); json=$TMP/json/$n.json
    conv+=("$y" "$json"); data+=(-d "$json"); verdict[$y]=$json
  done
  mkdir -p "$TMP/json"
  # lib/y2j.py: YAML -> JSON as briefmake reads plain scalars (YAML 1.2 core: no dates, no yes/no)
  python3 "$LIB/y2j.py" "${conv[@]}" >"$TMP/y2j.out" 2>&1 || die "cannot convert YAML to JSON: $(cat "$TMP/y2j.out")"
  "$AJV" validate -s "$SCHEMA" "${data[@]}" "${ajv_opts[@]}" --errors=text >"$TMP/ajv.out" 2>&1 || true
  for y in "$@"; do
    json=${verdict[$y]}
    if grep -qxF "$json valid" "$TMP/ajv.out"; then
      verdict[$y]=valid
    elif grep -qxF "$json invalid" "$TMP/ajv.out"; then
      verdict[$y]=invalid; why[$y]=$(grep -A1 -xF "$json invalid" "$TMP/ajv.out" | tail -n 1)
    else
      die "ajv said nothing about $y ($json): $(head -20 "$TMP/ajv.out")"
    fi
  done
}
# check_brief YAML: briefmake --check's exit status.
check_brief() { local rc=0; "$BRIEFMAKE" --check -q "$1" >"$TMP/check.out" 2>&1 || rc=$?; return $rc; }

# The schema itself, in strict mode; and the copy inside the binary.
"$AJV" compile -s "$SCHEMA" "${ajv_opts[@]}" >"$TMP/compile.out" 2>&1 ||
  fail "the schema does not compile in strict mode: $(cat "$TMP/compile.out")"
"$BRIEFMAKE" schema >"$TMP/printed.json" || fail "briefmake schema: exit status $?"
cmp -s "$SCHEMA" "$TMP/printed.json" || fail "briefmake schema does not print schema/brief-v1.schema.json"

# Good briefs: the samples and the starter briefs.
good=("$SOURCE_DIR"/briefs/*.yaml)
[ -e "${good[0]}" ] || die "no briefs in briefs/"
for f in "$SOURCE_DIR"/tests/briefs/*.yaml; do   # the test briefs, where there are any
  if [ -e "$f" ]; then good+=("$f"); fi
done
for lang in tr en ru kk; do
  "$BRIEFMAKE" init "$TMP/starter-$lang.yaml" --lang "$lang" || fail "briefmake init --lang $lang: exit status $?"
  good+=("$TMP/starter-$lang.yaml")
done

# Bad briefs marked as wrong for a schema reason.
marked=()
for f in "$SOURCE_DIR"/tests/bad/*.yaml; do
  if head -n 2 "$f" | grep -qx '# schema: invalid'; then marked+=("$f"); fi
done
[ ${#marked[@]} -gt 0 ] || fail "no brief in tests/bad/ is marked '# schema: invalid'"

validate_all "${good[@]}" "${marked[@]}"
for f in "${good[@]}"; do
  [ "${verdict[$f]}" = valid ] || fail "$f does not validate: ${why[$f]}"
done
for f in "${marked[@]}"; do
  [ "${verdict[$f]}" = invalid ] || fail "$f is marked '# schema: invalid' but validates"
done

# Agreement between the schema and briefmake on one brief that uses every key, and mutations.
mkdir -p "$TMP/mut"
printf 'Indicator,Value\nTrade,8.95\nCompanies,3000\n' >"$TMP/mut/table.csv"
printf 'Year,Exports,Imports\n2024,2.5,5.5\n2025,2.91,6.04\n' >"$TMP/mut/chart.csv"
printf 'Part,Share\nA,60\nB,40\n' >"$TMP/mut/pie.csv"
cat >"$TMP/mut/full.yaml" <<'YAML'
brief: 1
title: Every key
subtitle: Briefing Note
language: en-US
template: default
classification: RESTRICTED
reference: X-1/2026
edition: 2026-02-01
author: Unit
x-top: {anything: [1, two, {three: 3}]}
meeting:
  name: Meeting
  number: 8
  date: 2026-02-16
  end_date: 2026-02-17
  time: "09:30"
  location: Ankara
  format: Ministers
  chairs:
    - Plain Name
    - {name: Full Name, role: Minister, country: KZ, x-note: n}
  delegations:
    - {country: Türkiye, members: [A Person, {name: B Person, role: Adviser}], x-d: 1}
    - {country: Kazakhstan}
  x-m: 1
summary: |
  A **summary** with a [link](https://example.org).
agenda:
  - A plain item
  - title: An item
    presenter: Someone
    notes: Some *notes*.
    points: ["A point", "Another **point**"]
    items:
      - title: Nested
        items: [{title: Deeper, x-i: 1}, A string item]
    x-a: 1
sections:
  - heading: Background
    body: Text.
    figures: [t-inline]
    sections:
      - {heading: Sub, body: More., figures: [t-csv, pie-one], x-s: 1}
      - heading: Another
figures:
  - {id: t-inline, title: Table, kind: table, columns: [Name, Value], rows: [[x, 1.5], ["", -2], [2026, 3000]],
     unit: USD, source: Source, note: Note, decimals: 2, x-f: 1}
  - {id: t-csv, title: Table from CSV, kind: table, csv: table.csv}
  - id: bar-1
    title: Bars
    kind: bar
    categories: [a, b]
    series: [{name: s1, values: [1, 2.5]}, {name: s2, values: [3, -4], x-s: 1}]
  - {id: line-csv, title: Lines, kind: line, csv: chart.csv}
  - {id: line-1, title: Lines, kind: line, categories: ["2024", "2025"], series: [{name: s, values: [1e3, 2]}]}
  - {id: pie-one, title: Pie, kind: pie, categories: [a, b], series: [{name: s, values: [1, 2]}]}
  - {id: pie-csv, title: Pie from CSV, kind: pie, csv: pie.csv}
sources: [A source, 2026]
distribution: {to: [someone@example.org], cc: [], subject: Subject, x-d: 1}
YAML
# Each mutation of full.yaml: NAME, accept|reject, Python statements on the document `d`.
cat >"$TMP/mutations.txt" <<'EOF_MUT'
minimal|accept|d = {"brief": 1, "title": "T", "meeting": {"name": "M", "date": "2026-02-02"}, "agenda": []}
title-number|accept|d["title"] = 2026
no-optional-lists|accept|del d["sections"], d["figures"], d["sources"], d["distribution"]
no-agenda|reject|del d["agenda"]
no-meeting-date|reject|del d["meeting"]["date"]
brief-2|reject|d["brief"] = 2
brief-quoted|reject|d["brief"] = "1"
unknown-key|reject|d["titel"] = d.pop("title")
y-key|reject|d["y-note"] = 1
unknown-meeting-key|reject|d["meeting"]["venue"] = "Ankara"
language|reject|d["language"] = "de"
date-format|reject|d["meeting"]["date"] = "16.02.2026"
date-impossible|reject|d["edition"] = "2026-02-29"
time|reject|d["meeting"]["time"] = "24:00"
number-zero|reject|d["meeting"]["number"] = 0
country|reject|d["meeting"]["chairs"][1]["country"] = "XX"
person-null|reject|d["meeting"]["chairs"].append(None)
person-no-name|reject|d["meeting"]["chairs"][1].pop("name")
delegation-key|reject|d["meeting"]["delegations"][0]["leader"] = "A"
agenda-deep-no-title|reject|d["agenda"][1]["items"][0]["items"][0] = {"presenter": "P"}
agenda-deep-key|reject|d["agenda"][1]["items"][0]["items"][0]["note"] = "n"
agenda-empty-title|reject|d["agenda"][0] = " "
agenda-not-list|reject|d["agenda"] = 5
section-no-heading|reject|d["sections"][0]["sections"][1] = {"body": "b"}
section-figure-id|reject|d["sections"][0]["figures"] = ["T-Inline"]
figure-id|reject|d["figures"][1]["id"] = "t_csv"
figure-kind|reject|d["figures"][0]["kind"] = "scatter"
figure-no-title|reject|del d["figures"][0]["title"]
figure-decimals|reject|d["figures"][0]["decimals"] = 7
figure-decimals-fraction|reject|d["figures"][0]["decimals"] = 1.5
table-csv-and-columns|reject|d["figures"][0]["csv"] = "table.csv"
table-series|reject|d["figures"][0]["series"] = [{"name": "s", "values": [1, 2]}]
table-no-rows|reject|del d["figures"][0]["rows"]
table-no-columns|reject|d["figures"][0]["columns"] = []
table-no-data|reject|del d["figures"][1]["csv"]
bar-columns|reject|d["figures"][2]["columns"] = ["a"]
bar-no-series|reject|del d["figures"][2]["series"]
bar-value-text|reject|d["figures"][2]["series"][0]["values"] = ["1", 2]
bar-series-key|reject|d["figures"][2]["series"][0]["colour"] = "red"
line-csv-and-categories|reject|d["figures"][3]["categories"] = ["a"]
pie-two-series|reject|d["figures"][5]["series"].append({"name": "t", "values": [3, 4]})
pie-rows|reject|d["figures"][5]["rows"] = [[1]]
distribution-empty|reject|d["distribution"]["to"] = [""]
sources-null|reject|d["sources"].append(None)
EOF_MUT
python3 "$LIB/schema_write_mutations.py" "$TMP/mut" "$TMP/mutations.txt" || die "cannot write the mutations"

check_brief "$TMP/mut/full.yaml" || fail "briefmake --check rejects full.yaml: $(cat "$TMP/check.out")"
mutants=()
for f in "$TMP"/mut/accept-*.yaml "$TMP"/mut/reject-*.yaml; do
  if [ -e "$f" ]; then mutants+=("$f"); fi
done
[ ${#mutants[@]} -ge 40 ] || fail "only ${#mutants[@]} mutations were written"
validate_all "$TMP/mut/full.yaml" "${mutants[@]}"
[ "${verdict[$TMP/mut/full.yaml]}" = valid ] || fail "full.yaml does not validate: ${why[$TMP/mut/full.yaml]}"
for f in "${mutants[@]}"; do
  name=$(basename "$f" .yaml)
  rc_check=0; check_brief "$f" || rc_check=$?
  case $name in
    accept-*)
      [ "${verdict[$f]}" = valid ] || fail "$name: the schema rejects it: ${why[$f]}"
      [ $rc_check -eq 0 ] || fail "$name: briefmake --check rejects it (exit $rc_check): $(cat "$TMP/check.out")" ;;
    reject-*)
      [ "${verdict[$f]}" = invalid ] || fail "$name: the schema accepts it"
      [ $rc_check -eq 1 ] || fail "$name: briefmake --check exit $rc_check, expected 1 (it must reject it too)" ;;
  esac
done

finish
