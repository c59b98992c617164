#!/usr/bin/env bash
# What briefmake --smtp refuses, against real servers on 127.0.0.1: a credentials file that group
# or others can read; a server that offers no STARTTLS (never a plain-text fallback); a server
# certificate of an unknown CA, one for another name, and the test CA not given (--smtp-ca adds
# to the system's CAs, which do not know it). Each: nothing received, the message pending, exit
# non-zero. And smtps:// (TLS from the first byte) delivers.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"

make_ca "$TMP/ca"
B=$TMP/briefs
mkdir -p "$B"
"$PY" "$LIB/mail_briefs.py" "$B/note.yaml" "TLS Bilgi Notu" - "ali@example.gov.tr"
credentials "$TMP/cred" robot pw

bm() {  # bm URL [args]: status in $rc, stderr in $TMP/err
  local url=$1
  shift
  rc=0
  "$BRIEFMAKE" --smtp "$url" --from 'Robot <robot@example.gov.tr>' --manifest "$TMP/out/manifest.json" \
    -o "$TMP/out" "$@" "$B" 2>"$TMP/err" || rc=$?
}
status() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["briefs"][0]["delivery"]["status"])' "$TMP/out/manifest.json"; }

# 1. A credentials file others can read is refused before anything is sent.
start_smtpd auth "$TMP/inbox-auth" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key" --auth robot:pw
chmod 644 "$TMP/cred"
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred"
[ $rc = 2 ] || fail "a world-readable credentials file: exit $rc, expected 2"
grep -q "can be read by others (mode 0644)" "$TMP/err" || fail "no reason given: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox-auth")" = 0 ] || fail "a message was sent with a world-readable credentials file"
chmod 640 "$TMP/cred"
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred"
[ $rc = 2 ] || fail "a group-readable credentials file: exit $rc, expected 2"
chmod 600 "$TMP/cred"
# A wrong password: pending, the server's 535 reported, the password not.
printf 'machine 127.0.0.1 login robot password WrongPw9\n' >"$TMP/cred-bad"; chmod 600 "$TMP/cred-bad"
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred-bad"
[ $rc = 1 ] && [ "$(status)" = pending ] || fail "a wrong password: exit $rc, status $(status)"
grep -q "535" "$TMP/err" || fail "the server's refusal of the login is not reported: $(cat "$TMP/err")"
if grep -rqaF WrongPw9 "$TMP/err" "$TMP/out"; then fail "the password appears in an output"; fi
# ... and the right one delivers the pending message.
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem" --smtp-credentials "$TMP/cred"
[ $rc = 0 ] && [ "$(status)" = sent ] || fail "with the right login: exit $rc, status $(status): $(cat "$TMP/err")"
"$PY" "$LIB/check_received.py" "$TMP/inbox-auth" "$TMP/out" note=1:ali@example.gov.tr || fail "the message received is not the .eml"
stop_smtpd auth

# The same brief again, changed, for each refusal below.
sed -i 's/TLS Bilgi Notu/TLS Bilgi Notu 2/' "$B/note.yaml"
refused() {  # refused WHAT INBOX PATTERN: exit 1, pending, nothing received, PATTERN in stderr
  [ $rc = 1 ] || fail "$1: exit $rc, expected 1"
  [ "$(status)" = pending ] || fail "$1: status $(status), expected pending"
  [ "$(received "$2")" = 0 ] || fail "$1: the server received a message"
  grep -qiE "$3" "$TMP/err" || fail "$1: the error does not say why: $(cat "$TMP/err")"
}

# 2. A server without STARTTLS.
start_smtpd plain "$TMP/inbox-plain" --no-starttls
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem"
refused "no STARTTLS" "$TMP/inbox-plain" "STARTTLS|SSL|TLS"
stop_smtpd plain

# 3. A certificate of another CA.
start_smtpd stranger "$TMP/inbox-stranger" --cert "$TMP/ca/stranger.pem" --key "$TMP/ca/stranger.key"
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem"
refused "a certificate of an unknown CA" "$TMP/inbox-stranger" "certificate"
stop_smtpd stranger

# 4. A certificate of the right CA for another name.
start_smtpd wrongname "$TMP/inbox-wrongname" --cert "$TMP/ca/wrong.pem" --key "$TMP/ca/wrong.key"
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem"
refused "a certificate for another name" "$TMP/inbox-wrongname" "certificate|name|match"
# 5. The right certificate, but its CA not given: the system's CAs do not know it.
stop_smtpd wrongname
start_smtpd noca "$TMP/inbox-noca" --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key"
bm "smtp://127.0.0.1:$SMTPD_PORT"
refused "the test CA not given" "$TMP/inbox-noca" "certificate"
# ... with it, the pending message goes.
bm "smtp://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem"
[ $rc = 0 ] && [ "$(status)" = sent ] || fail "with --smtp-ca: exit $rc, status $(status): $(cat "$TMP/err")"
stop_smtpd noca

# 6. smtps://: TLS from the first byte.
sed -i 's/TLS Bilgi Notu 2/TLS Bilgi Notu 3/' "$B/note.yaml"
start_smtpd smtps "$TMP/inbox-smtps" --smtps --cert "$TMP/ca/server.pem" --key "$TMP/ca/server.key"
bm "smtps://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/ca.pem"
[ $rc = 0 ] && [ "$(status)" = sent ] || fail "smtps://: exit $rc, status $(status): $(cat "$TMP/err")"
"$PY" "$LIB/check_received.py" "$TMP/inbox-smtps" "$TMP/out" note=1:ali@example.gov.tr || fail "smtps://: not the .eml"

# 7. --smtp-ca adds to the system's CAs, it does not replace them: with the test CA standing in for
#    a system CA (appended to a copy of the system bundle, bind-mounted over it in a private mount
#    namespace), its server is trusted while --smtp-ca names another CA.
if unshare -m true 2>/dev/null; then
  sed -i 's/TLS Bilgi Notu 3/TLS Bilgi Notu 4/' "$B/note.yaml"
  cat /etc/ssl/certs/ca-certificates.crt "$TMP/ca/ca.pem" >"$TMP/system-bundle.pem"
  rc=0
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  unshare -m bash -c 'mount --bind "$1" /etc/ssl/certs/ca-certificates.crt && shift && exec "$@"' _ "$TMP/system-bundle.pem" \
    "$BRIEFMAKE" --smtp "smtps://127.0.0.1:$SMTPD_PORT" --smtp-ca "$TMP/ca/other-ca.pem" --from 'Robot <robot@example.gov.tr>' \
    --manifest "$TMP/out/manifest.json" -o "$TMP/out" "$B" 2>"$TMP/err" || rc=$?
  [ $rc = 0 ] && [ "$(status)" = sent ] || fail "a system CA with --smtp-ca of another: exit $rc, status $(status): $(cat "$TMP/err")"
else
  echo "(no private mount namespace: --smtp-ca beside a system CA not checked)"
fi

# Usage errors.
rc=0; "$BRIEFMAKE" --smtp "http://127.0.0.1:1" --from r@example.org -o "$TMP/out" "$B" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "an http:// URL: exit $rc, expected 2"
rc=0; "$BRIEFMAKE" --smtp "smtp://127.0.0.1:1" --sendmail -o "$TMP/out" --from r@example.org "$B" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "--smtp with --sendmail: exit $rc, expected 2"
rc=0; "$BRIEFMAKE" --smtp "smtp://127.0.0.1:1" -o "$TMP/out" "$B" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] && grep -q -- "--from" "$TMP/err" || fail "--smtp without --from: exit $rc: $(cat "$TMP/err")"
finish
