#!/usr/bin/env bash
# briefmake --smtp against a real SMTP server (aiosmtpd, lib/smtpd.py) on 127.0.0.1 with STARTTLS
# required, a test CA (--smtp-ca) and AUTH (--smtp-credentials): each brief is delivered once,
# byte for byte its .eml, attachments equal to the outputs; a rerun delivers nothing; a changed
# brief is delivered again, alone; a server outage leaves the message pending (exit 1) and the
# next run delivers it exactly once without --force; a 4xx to one message is retried; a 5xx to
# one recipient is reported and not retried; --check sends nothing; no password in any output.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"

make_ca "$TMP/ca"
PASS='s3cret-Pässword'
credentials "$TMP/cred" robot "$PASS"
SERVER_ARGS=(--cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key" --auth "robot:$PASS")
start_smtpd main "$TMP/inbox" "${SERVER_ARGS[@]}"
PORT=$SMTPD_PORT

B=$TMP/briefs
mkdir -p "$B"
"$PY" "$LIB/mail_briefs.py" "$B/alpha.yaml" "Alfa Bilgi Notu" - "ali@example.gov.tr,veli@tccb.gov.tr" "arsiv@example.org"
"$PY" "$LIB/mail_briefs.py" "$B/beta.yaml" "Beta Bilgi Notu" "HİZMETE ÖZEL" "ayse@example.gov.tr"
cat >"$TMP/policy.yaml" <<'YAML'
policy: 1
classifications:
  "":            {allow: ["*"]}
  HİZMETE ÖZEL:  {allow: [example.gov.tr, tccb.gov.tr]}
YAML

bm() {  # bm [extra args]: the README's command against the test server; stderr to $TMP/err
  "$BRIEFMAKE" --smtp "smtp://127.0.0.1:$PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred" \
    --from 'Brief Robotu <brief@example.gov.tr>' --policy "$TMP/policy.yaml" --manifest "$TMP/out/manifest.json" \
    -o "$TMP/out" "$@" "$B" 2>"$TMP/err"
}
# status STEM: the manifest's delivery status of a brief
status() { "$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); print([b["delivery"]["status"] for b in m["briefs"] if b["source"].endswith("/"+sys.argv[2]+".yaml")][0])' "$TMP/out/manifest.json" "$1"; }
check() { "$PY" "$LIB/check_received.py" "$TMP/inbox" "$TMP/out" "$@"; }

# 1. First run: both delivered once, byte for byte, to exactly their recipients.
bm || fail "first run failed: $(cat "$TMP/err")"
check alpha=1:ali@example.gov.tr,veli@tccb.gov.tr,arsiv@example.org beta=1:ayse@example.gov.tr ||
  fail "first run: the server did not receive what was expected"
[ "$(status alpha)/$(status beta)" = sent/sent ] || fail "first run: statuses $(status alpha)/$(status beta), expected sent/sent"
"$PY" "$LIB/deliver_first_run_manifest.py" "$TMP/out/manifest.json" || fail "the manifest's delivery entry is not as expected"

# 2. A rerun delivers nothing.
bm || fail "second run failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 2 ] || fail "the rerun delivered again ($(received "$TMP/inbox") messages)"
[ "$(status alpha)/$(status beta)" = unchanged/unchanged ] || fail "rerun: statuses $(status alpha)/$(status beta)"

# 3. A changed brief is delivered again, alone.
sed -i 's/Beta Bilgi Notu/Beta Bilgi Notu (değişti)/' "$B/beta.yaml"
bm || fail "run after a change failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 3 ] || fail "after a change: $(received "$TMP/inbox") messages, expected 3"
[ "$(status alpha)/$(status beta)" = unchanged/sent ] || fail "after a change: statuses $(status alpha)/$(status beta)"
mkdir -p "$TMP/inbox3" && cp "$TMP/inbox/0003."* "$TMP/inbox3/"
"$PY" "$LIB/check_received.py" "$TMP/inbox3" "$TMP/out" beta=1:ayse@example.gov.tr || fail "the changed brief's message is not its new .eml"

# 4. The server is down: pending, exit 1; it comes back: delivered exactly once, no --force.
stop_smtpd main
sed -i 's/Alfa Bilgi Notu/Alfa Bilgi Notu (değişti)/' "$B/alpha.yaml"
rc=0; bm || rc=$?
[ $rc = 1 ] || fail "with the server down: exit $rc, expected 1"
[ "$(status alpha)" = pending ] || fail "with the server down: status $(status alpha), expected pending"
grep -q "alpha.yaml: error: alpha.eml not yet delivered to ali@example.gov.tr" "$TMP/err" || fail "no error for the pending delivery: $(cat "$TMP/err")"
start_smtpd main "$TMP/inbox" --port "$PORT" "${SERVER_ARGS[@]}"
bm || fail "run after the outage failed: $(cat "$TMP/err")"
[ "$(status alpha)" = sent ] || fail "after the outage: status $(status alpha), expected sent"
[ "$(received "$TMP/inbox")" = 4 ] || fail "after the outage: $(received "$TMP/inbox") messages, expected 4"
bm || fail "run after the retry failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 4 ] || fail "the retried message was delivered again"
"$PY" "$LIB/deliver_retried_manifest.py" "$TMP/out/manifest.json" || fail "the retried delivery does not list both attempts"

# 5. A 4xx reply to one message: that one pending and retried; the others delivered.
stop_smtpd main
"$PY" "$LIB/mail_briefs.py" "$B/gamma.yaml" "Gama Geçici Hata" - "gul@example.gov.tr"
"$PY" "$LIB/mail_briefs.py" "$B/delta.yaml" "Delta Bilgi Notu" - "deniz@example.gov.tr"
start_smtpd main "$TMP/inbox" --port "$PORT" "${SERVER_ARGS[@]}" --tempfail-match "Gama Ge"
rc=0; bm || rc=$?
[ $rc = 1 ] || fail "with a 451 to one message: exit $rc, expected 1"
[ "$(status gamma)/$(status delta)" = pending/sent ] || fail "with a 451: statuses $(status gamma)/$(status delta)"
grep -q "gamma.yaml: error: gamma.eml not yet delivered to gul@example.gov.tr (451 " "$TMP/err" || fail "no 451 error: $(cat "$TMP/err")"
stop_smtpd main
start_smtpd main "$TMP/inbox" --port "$PORT" "${SERVER_ARGS[@]}"
bm || fail "the retry of the 451 message failed: $(cat "$TMP/err")"
[ "$(status gamma)/$(status delta)" = sent/unchanged ] || fail "retry of a 451: statuses $(status gamma)/$(status delta)"

# 6. A 5xx to one recipient: the others get it; reported; not retried.
stop_smtpd main
"$PY" "$LIB/mail_briefs.py" "$B/eps.yaml" "Epsilon Bilgi Notu" - "bir@example.gov.tr,yok@example.gov.tr" "iki@example.gov.tr"
start_smtpd main "$TMP/inbox" --port "$PORT" "${SERVER_ARGS[@]}" --refuse-rcpt yok@example.gov.tr
rc=0; bm || rc=$?
[ $rc = 1 ] || fail "with a 550 to one recipient: exit $rc, expected 1"
grep -q "eps.yaml: error: yok@example.gov.tr refused eps.eml: 550 " "$TMP/err" || fail "no 550 error: $(cat "$TMP/err")"
"$PY" "$LIB/deliver_refused_recipient_manifest.py" "$TMP/out/manifest.json" || fail "the manifest does not report the refused recipient"
n=$(received "$TMP/inbox")
bm || fail "the run after a 550 failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = "$n" ] || fail "the refused recipient was tried again"
# Every current .eml once, byte for byte (the earlier versions of alpha and beta are there too).
check alpha=1 beta=1 gamma=1:gul@example.gov.tr delta=1 eps=1:bir@example.gov.tr,iki@example.gov.tr 2>"$TMP/check.err" || true
if grep -v "unexpected message" "$TMP/check.err" | grep -q .; then fail "received: $(cat "$TMP/check.err")"; fi

# 7. --check with a transport says who would receive what, and sends nothing.
sed -i 's/Delta Bilgi Notu/Delta Bilgi Notu (yeni)/' "$B/delta.yaml"
"$BRIEFMAKE" --check --smtp "smtp://127.0.0.1:$PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred" \
  --from 'Brief Robotu <brief@example.gov.tr>' --policy "$TMP/policy.yaml" -o "$TMP/out" "$B" 2>"$TMP/err" ||
  fail "--check failed: $(cat "$TMP/err")"
grep -q "delta.yaml: would send delta.eml to deniz@example.gov.tr through smtp://127.0.0.1:$PORT" "$TMP/err" ||
  fail "--check does not say who would receive what: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = "$n" ] || fail "--check sent a message"

# 8. The password appears nowhere.
if grep -rqaF "$PASS" "$TMP/out" "$TMP/err"; then fail "the password appears in an output"; fi
bm -v || true
if grep -qaF "$PASS" "$TMP/err"; then fail "the password appears in the verbose log"; fi
finish
