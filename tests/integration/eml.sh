#!/usr/bin/env bash
# briefmake --eml: every STEM.eml is parsed with Python's email package (policy.default):
# headers decode (the Turkish subject with İ, ş, ğ), To/Cc match the brief, the text part says
# what the brief is, both attachments are there, byte for byte the PDF and DOCX, with the
# expected UTF-8 (or, with --ascii-names, ASCII: Turkish, Russian and Kazakh letters as letters)
# file names. Also: same input, same .eml; usage errors; a bad address fails the brief.
source "$(dirname "$0")/lib/common.bash"
need python3

BRIEFS=$TMP/briefs
mkdir -p "$BRIEFS"
SUBJECT='İş birliği: Türkiye-Kazakistan OSPG 8. Toplantısı (2 Şubat 2026, Ankara) hk. Bilgi Notu — ğüşıöç ĞÜŞİÖÇ'
python3 "$LIB/eml_make_briefs.py" "$SOURCE_DIR/briefs/ospg-8.yaml" "$BRIEFS" "$SUBJECT"
# Kazakh: --ascii-names keeps every Kazakh letter (ә ғ қ ң ө ұ ү һ і) as a letter.
cp "$SOURCE_DIR/tests/briefs/lang-kk.yaml" "$BRIEFS/kk.yaml"

FROM='Brief Robotu <brief@example.org>'
# --verbose: without a terminal, warnings are shown only when asked for (cron gets errors only).
"$BRIEFMAKE" -o "$TMP/utf8" --verbose --eml --from "$FROM" --name '{reference} {meeting.name}' "$BRIEFS" 2>"$TMP/err" ||
  die "rendering with --eml failed: $(cat "$TMP/err")"
grep -q "no-dist.yaml: warning: distribution has no e-mail address" "$TMP/err" ||
  fail "no warning for a brief without addresses: $(cat "$TMP/err")"
"$BRIEFMAKE" -o "$TMP/ascii" --eml --from "$FROM" --name '{reference} {meeting.name}' --ascii-names "$BRIEFS" 2>/dev/null ||
  die "rendering with --ascii-names failed"

check_eml() {  # check_eml DIR MODE(utf8|ascii)
  python3 "$LIB/eml_messages.py" "$1" "$2" "$SUBJECT" || fail "$1: the .eml files are not as expected"
}
check_eml "$TMP/utf8" utf8
check_eml "$TMP/ascii" ascii

# Headers decode to exactly the brief's text, read from the brief itself: both OSPG-8 briefs as
# shipped (Python's parser read "Embassy of Türkiye in Astana" as "Türkiy e" when an encoded
# word ended mid-word), and long Turkish display names and subject that do not fit in one
# encoded word. Python 3.11 keeps the white space between two encoded words of a display name
# (RFC 2047 says drop it), so only a text no encoding can fit otherwise may be cut there: RFC
# 2047's own reading (email.header.decode_header) must give the exact names as well.
mkdir -p "$TMP/long"
python3 "$LIB/eml_make_long_names.py" "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/long/long-names.yaml"
"$BRIEFMAKE" -o "$TMP/long" --eml --from "$FROM" --name '{title}' \
  "$SOURCE_DIR/briefs/ospg-8.yaml" "$SOURCE_DIR/briefs/ospg-8-en.yaml" "$TMP/long/long-names.yaml" 2>"$TMP/long.err" ||
  fail "rendering the OSPG-8 briefs and long names with --eml failed: $(cat "$TMP/long.err")"
python3 "$LIB/eml_headers_decode.py" "$TMP/long" "$SOURCE_DIR/briefs/ospg-8.yaml" "$SOURCE_DIR/briefs/ospg-8-en.yaml" "$TMP/long/long-names.yaml" ||
  fail "the OSPG-8 and long-name .eml headers do not decode to the briefs' text"

# Deterministic: a second run into another folder gives the same bytes; SOURCE_DATE_EPOCH sets Date.
"$BRIEFMAKE" -o "$TMP/again" --eml --from "$FROM" --name '{reference} {meeting.name}' "$BRIEFS" 2>/dev/null || fail "second run failed"
for f in ospg-8.eml no-dist.eml ru.eml kk.eml; do cmp -s "$TMP/utf8/$f" "$TMP/again/$f" || fail "$f differs between two runs"; done
SOURCE_DATE_EPOCH=1770000000 "$BRIEFMAKE" -o "$TMP/sde" --eml --from "$FROM" "$BRIEFS/ospg-8.yaml" || fail "run with SOURCE_DATE_EPOCH failed"
grep -q '^Date: Mon, 02 Feb 2026 02:40:00 +0000' "$TMP/sde/ospg-8.eml" || fail "Date with SOURCE_DATE_EPOCH: $(grep '^Date' "$TMP/sde/ospg-8.eml")"

# Usage errors (exit 2): --eml without --from, an unknown --name field, a bad --from.
expect_status() {  # expect_status STATUS WHAT COMMAND...
  local want=$1 what=$2 got=0
  shift 2
  "$@" >/dev/null 2>"$TMP/st.err" || got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -2 "$TMP/st.err"))"
}
expect_status 2 "--eml without --from" "$BRIEFMAKE" -o "$TMP/x" --eml "$BRIEFS/ospg-8.yaml"
expect_status 2 "unknown --name field" "$BRIEFMAKE" -o "$TMP/x" --eml --from "$FROM" --name '{referense}' "$BRIEFS/ospg-8.yaml"
grep -q "unknown field {referense}" "$TMP/st.err" || fail "no message naming the unknown field: $(cat "$TMP/st.err")"
expect_status 2 "--from without an address" "$BRIEFMAKE" -o "$TMP/x" --eml --from 'Robot' "$BRIEFS/ospg-8.yaml"
# A distribution entry that looks like an address but is not one fails that brief (exit 1).
sed 's/plain@example.org/plain@@example/' "$BRIEFS/ospg-8.yaml" >"$TMP/badaddr.yaml"
expect_status 1 "a bad address in the distribution" "$BRIEFMAKE" -o "$TMP/x" --eml --from "$FROM" "$TMP/badaddr.yaml"
grep -q "badaddr.yaml: error: distribution: \"plain@@example\" is not an e-mail address" "$TMP/st.err" ||
  fail "bad address message: $(cat "$TMP/st.err")"

finish
