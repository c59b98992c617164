#!/usr/bin/env bash
# The delivery policy (--policy FILE) against the test SMTP server: unclassified, HİZMETE ÖZEL,
# GİZLİ and an unknown classification, each to allowed and disallowed domains and subdomains, in
# Turkish case variants; the default without a policy. A refused brief is still rendered, nothing
# of it is sent to anyone, it gets "FILE:LINE:COL: error: ... may not be e-mailed to ..." at the
# offending address (or the classification), and the run exits 1.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"

make_ca "$TMP/ca"
start_smtpd main "$TMP/inbox" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key"
PORT=$SMTPD_PORT
cat >"$TMP/policy.yaml" <<'YAML'
policy: 1
classifications:
  "":            {allow: ["*"]}                        # unclassified
  HİZMETE ÖZEL:  {allow: [example.gov.tr, tccb.gov.tr]}
  GİZLİ:         {allow: [example.gov.tr, "*.example.gov.tr"]}
  ÇOK GİZLİ:     {allow: []}                           # never by e-mail
YAML
cat >"$TMP/encrypt.yaml" <<'YAML'
policy: 1
classifications:
  GİZLİ:         {allow: [example.gov.tr], encrypt: true}
YAML

# case NAME CLASSIFICATION TO EXPECT(sent|refused) [OFFENDING]: one brief per case.
B=$TMP/briefs
mkdir -p "$B"
EXPECT=()
case_() {
  "$PY" "$LIB/mail_briefs.py" "$B/$1.yaml" "Dava $1" "$2" "$3"
  EXPECT+=("$1:$4:${5:-}")
}
case_ u_any        -               "a@example.org,b@x.example.net"      sent
case_ h_allowed    "HİZMETE ÖZEL"  "a@example.gov.tr,b@tccb.gov.tr"     sent
case_ h_lower      "hizmete özel"  "a@EXAMPLE.gov.tr"                   sent
case_ h_mixed      " Hizmete   Özel " "b@tccb.gov.tr"                   sent
case_ h_sub        "HİZMETE ÖZEL"  "a@example.gov.tr,c@sub.example.gov.tr" refused c@sub.example.gov.tr
case_ h_other      "Hizmete Özel"  "d@example.org"                      refused d@example.org
case_ g_allowed    "GİZLİ"         "a@example.gov.tr"                   sent
case_ g_sub        "gizli"         "e@ankara.example.gov.tr"            sent
case_ g_title      "Gizli"         "a@example.gov.tr,f@tccb.gov.tr"     refused f@tccb.gov.tr
case_ g_dotless    "GIZLI"         "a@example.gov.tr"                   refused classification
case_ cg_never     "ÇOK GİZLİ"     "a@example.gov.tr"                   refused classification
case_ cg_lower     "çok gizli"     "a@example.gov.tr"                   refused classification
case_ unknown      "KİŞİYE ÖZEL"   "a@example.gov.tr"                   refused classification

run_bm() {  # run_bm POLICY_ARGS...: everything under $B; status to $rc, stderr to $TMP/err
  rc=0
  "$BRIEFMAKE" --smtp "smtp://127.0.0.1:$PORT" --smtp-ca "$TMP/ca/ca.pem" --from 'Robot <robot@example.gov.tr>' \
    --manifest "$TMP/out/manifest.json" -o "$TMP/out" "$@" "$B" 2>"$TMP/err" || rc=$?
}
# verify: statuses, errors (located, at the right line) and the server's inbox match EXPECT.
verify() {
  "$PY" "$LIB/deliver_policy_verdicts.py" "$TMP/out/manifest.json" "$TMP/err" "$TMP/inbox" "$B" "${EXPECT[@]}" || fail "$1: the policy was not applied as expected"
}

run_bm --policy "$TMP/policy.yaml"
[ $rc = 1 ] || fail "a run with refused briefs exits $rc, expected 1"
verify "policy"
# Every brief rendered, refused or not: its PDF is there.
for c in "${EXPECT[@]}"; do [ -s "$TMP/out/${c%%:*}.pdf" ] || fail "${c%%:*}.pdf was not rendered"; done
# The refusal is reported again on the next run (nothing sent meanwhile), and still exits 1.
n=$(received "$TMP/inbox")
run_bm --policy "$TMP/policy.yaml"
[ $rc = 1 ] || fail "the rerun with refused briefs exits $rc, expected 1"
[ "$(received "$TMP/inbox")" = "$n" ] || fail "the rerun sent something"
grep -q "unknown.yaml:.*may not be e-mailed to anyone" "$TMP/err" || fail "the rerun does not report the refusal again"

# Without a policy: unclassified briefs go anywhere, classified ones nowhere (secure by default).
rm -rf "$B" "$TMP/out" "$TMP/inbox"/*
mkdir -p "$B"
EXPECT=()
case_ np_plain  -              "a@example.org"    sent
case_ np_h      "HİZMETE ÖZEL" "a@example.gov.tr" refused classification
case_ np_g      "gizli"        "a@example.gov.tr" refused classification
run_bm
[ $rc = 1 ] || fail "without a policy: exit $rc, expected 1"
verify "no policy"
grep -q "np_h.yaml:.*without a delivery policy" "$TMP/err" || fail "the default refusal does not say why: $(cat "$TMP/err")"

# A class that must be encrypted, where a recipient has no certificate: nothing to anyone, and an
# error naming the address.
rm -rf "$B" "$TMP/out" "$TMP/inbox"/*
mkdir -p "$B" "$TMP/certs"
cp "$TMP/ca/server.pem" "$TMP/certs/var@example.gov.tr.pem"
EXPECT=()
case_ enc_missing "GİZLİ" "var@example.gov.tr,yok@example.gov.tr" refused yok@example.gov.tr
run_bm --policy "$TMP/encrypt.yaml" --recipient-certs "$TMP/certs"
if [ $rc = 2 ] && grep -q "built without S/MIME" "$TMP/err"; then
  echo "(this build has no S/MIME: the missing-certificate case runs without --recipient-certs)"
  run_bm --policy "$TMP/encrypt.yaml"
fi
[ $rc = 1 ] || fail "encryption with a missing certificate: exit $rc, expected 1"
verify "encrypt"
grep -q "yok@example.gov.tr.*no certificate\|no certificate.*yok@example.gov.tr\|yok@example.gov.tr: no certificate" "$TMP/err" ||
  fail "the missing certificate is not named: $(cat "$TMP/err")"

# A bad policy is a located usage error.
printf 'policy: 1\nclassifications:\n  GİZLİ: {allow: [example.gov.tr]}\n  gizli: {allow: []}\n' >"$TMP/dup.yaml"
run_bm --policy "$TMP/dup.yaml"
[ $rc = 2 ] || fail "a policy naming one class twice: exit $rc, expected 2"
grep -q "dup.yaml:4:3: error: classification \"gizli\" is the same as \"GİZLİ\"" "$TMP/err" || fail "no located policy error: $(cat "$TMP/err")"
finish
