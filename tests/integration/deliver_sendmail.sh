#!/usr/bin/env bash
# briefmake --sendmail=PATH through a real sendmail-compatible client, Debian's msmtp, pointed at
# the test SMTP server (STARTTLS, the test CA, AUTH): each message reaches the server byte for
# byte as its .eml, once; a rerun sends nothing; msmtp failing (the server down) leaves the
# message pending (exit 1) and the next run sends it once.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"
need msmtp
MSMTP=$(command -v msmtp)

make_ca "$TMP/ca"
start_smtpd main "$TMP/inbox" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key" --auth robot:pw
PORT=$SMTPD_PORT
mkdir -p "$TMP/home"
cat >"$TMP/home/.msmtprc" <<EOF2
defaults
tls on
tls_starttls on
tls_trust_file $TMP/ca/ca.pem
account default
host 127.0.0.1
port $PORT
auth on
user robot
password pw
from robot@example.gov.tr
EOF2
chmod 600 "$TMP/home/.msmtprc"

B=$TMP/briefs
mkdir -p "$B"
"$PY" "$LIB/mail_briefs.py" "$B/one.yaml" "Bir Bilgi Notu" - "ali@example.gov.tr" "veli@example.org"
"$PY" "$LIB/mail_briefs.py" "$B/two.yaml" "İki Bilgi Notu" - "ayse@example.gov.tr"
bm() {  # msmtp reads its configuration from $HOME/.msmtprc
  rc=0
  HOME=$TMP/home "$BRIEFMAKE" --sendmail="$MSMTP" --from 'Robot <robot@example.gov.tr>' \
    --manifest "$TMP/out/manifest.json" -o "$TMP/out" "$B" 2>"$TMP/err" || rc=$?
}
status() { "$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); print(" ".join(b["delivery"]["status"] for b in m["briefs"]))' "$TMP/out/manifest.json"; }

bm
[ $rc = 0 ] || fail "--sendmail: exit $rc: $(cat "$TMP/err")"
[ "$(status)" = "sent sent" ] || fail "--sendmail: statuses $(status)"
"$PY" "$LIB/check_received.py" "$TMP/inbox" "$TMP/out" one=1:ali@example.gov.tr,veli@example.org two=1:ayse@example.gov.tr ||
  fail "msmtp did not hand over the .eml files as they are"
bm
[ $rc = 0 ] && [ "$(status)" = "unchanged unchanged" ] || fail "rerun: exit $rc, statuses $(status)"
[ "$(received "$TMP/inbox")" = 2 ] || fail "the rerun sent again"

# The server down: msmtp fails, the message stays pending; back up: sent once.
stop_smtpd main
sed -i 's/İki Bilgi Notu/İki Bilgi Notu (yeni)/' "$B/two.yaml"
bm
[ $rc = 1 ] || fail "msmtp failing: exit $rc, expected 1"
[ "$(status)" = "unchanged pending" ] || fail "msmtp failing: statuses $(status)"
grep -q "two.yaml: error: two.eml not yet delivered to ayse@example.gov.tr (.*msmtp exited with " "$TMP/err" ||
  fail "msmtp's failure is not reported: $(cat "$TMP/err")"
start_smtpd main "$TMP/inbox" --port "$PORT" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key" --auth robot:pw
bm
[ $rc = 0 ] && [ "$(status)" = "unchanged sent" ] || fail "after the outage: exit $rc, statuses $(status): $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 3 ] || fail "after the outage: $(received "$TMP/inbox") messages, expected 3"
finish
