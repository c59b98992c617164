#!/usr/bin/env bash
# Delivery and S/MIME together: briefmake --smtp with --sign-cert/--sign-key and
# --recipient-certs, a policy that says GİZLİ is encrypted, to a real SMTP server (aiosmtpd,
# lib/smtpd.py) on 127.0.0.1 with STARTTLS required and AUTH. Read back with programs nobody here
# wrote: what the server received is the .eml byte for byte; `openssl cms -decrypt` with each
# recipient's key and the sender's gives a message `openssl cms -verify -CAfile` accepts, and
# Python's email package finds in the verified content the rendered PDF and DOCX byte for byte;
# someone else's key decrypts nothing. A rerun sends nothing (exactly once although encryption
# is random per run); a changed brief is sent once more. An unclassified brief is only signed,
# and its received message verifies.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/mail.bash"
need cmp

# --- A test CA (also the SMTP server's), the signer and the people, S/MIME certificates. ---
CA=$TMP/ca
make_ca "$CA"
CERTS=$TMP/certs  # --recipient-certs: DIR/ADDRESS.pem
mkdir -p "$CERTS"
printf '%s\n' basicConstraints=CA:FALSE keyUsage=critical,digitalSignature,keyEncipherment \
  extendedKeyUsage=emailProtection subjectAltName=email:copy >"$CA/smime.ext"
leaf() {  # leaf NAME EMAIL: $CA/NAME.pem + NAME.key, an S/MIME certificate of the test CA
  openssl req -new -newkey rsa:2048 -nodes -keyout "$CA/$1.key" -out "$CA/$1.csr" -subj "/CN=$1/emailAddress=$2" \
    2>"$TMP/openssl.err" || die "openssl req: $(cat "$TMP/openssl.err")"
  openssl x509 -req -in "$CA/$1.csr" -CA "$CA/ca.pem" -CAkey "$CA/ca.key" -CAcreateserial -days 2 \
    -extfile "$CA/smime.ext" -out "$CA/$1.pem" 2>"$TMP/openssl.err" || die "openssl x509 -req: $(cat "$TMP/openssl.err")"
}
FROM=brief@example.gov.tr
leaf signer "$FROM"
PEOPLE=(ali veli ayse)
for who in "${PEOPLE[@]}"; do
  leaf "$who" "$who@example.gov.tr"
  cp "$CA/$who.pem" "$CERTS/$who@example.gov.tr.pem"
done
leaf carol carol@example.gov.tr  # has a certificate, but is not a recipient

PASS='s3cret-Pässword'
credentials "$TMP/cred" robot "$PASS"
start_smtpd main "$TMP/inbox" --cert "$CA/server.pem" --key "$CA/server.key" --auth "robot:$PASS"
PORT=$SMTPD_PORT

cat >"$TMP/policy.yaml" <<'YAML'
policy: 1
classifications:
  "":     {allow: ["*"]}
  GİZLİ:  {allow: [example.gov.tr], encrypt: true}
YAML

# OSPG-8, classified GİZLİ, to three people at example.gov.tr; and unclassified, to one.
mkdir -p "$TMP/secret" "$TMP/open"
"$PY" "$LIB/deliver_smime_brief.py" "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/secret/ospg-8.yaml" "GİZLİ" \
  ali@example.gov.tr,veli@example.gov.tr ayse@example.gov.tr
"$PY" "$LIB/deliver_smime_brief.py" "$SOURCE_DIR/briefs/ospg-8.yaml" "$TMP/open/ospg-8.yaml" - ali@example.gov.tr

bm() {  # bm OUT BRIEF [extra args]: the README's command against the test server; stderr to $TMP/err
  local out=$1 brief=$2
  shift 2
  "$BRIEFMAKE" --smtp "smtp://127.0.0.1:$PORT" --smtp-ca "$CA/ca.pem" --smtp-credentials "$TMP/cred" \
    --from "Brief Robotu <$FROM>" --policy "$TMP/policy.yaml" \
    --sign-cert "$CA/signer.pem" --sign-key "$CA/signer.key" --recipient-certs "$CERTS" \
    -o "$out" "$@" "$brief" 2>"$TMP/err"
}

# read_back MSG OUT NAME KEY...: MSG decrypted with each KEY (a name under $CA) is a message that
# openssl cms -verify accepts against the test CA, whose attachments are OUT's PDF and DOCX.
read_back() {
  local msg=$1 out=$2 name=$3 who
  shift 3
  for who in "$@"; do
    if ! openssl cms -decrypt -in "$msg" -recip "$CA/$who.pem" -inkey "$CA/$who.key" -out "$TMP/$name-$who.dec" 2>"$TMP/dec.err"; then
      fail "$name: $who cannot decrypt: $(cat "$TMP/dec.err")"
      continue
    fi
    if openssl cms -verify -CAfile "$CA/ca.pem" -in "$TMP/$name-$who.dec" -out "$TMP/$name-$who.verified" 2>"$TMP/verify.err"; then
      "$PY" "$LIB/smime_check.py" attachments "$TMP/$name-$who.verified" "$out" ||
        fail "$name: the content $who decrypted and verified does not carry $out's PDF and DOCX"
    else
      fail "$name: what $who decrypted does not verify: $(cat "$TMP/verify.err")"
    fi
  done
}

# 1. The GİZLİ brief: one message, encrypted to its three recipients and the sender, signed.
S=$TMP/out-secret
bm "$S" "$TMP/secret" || fail "the GİZLİ run failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 1 ] || die "the GİZLİ run: $(received "$TMP/inbox") messages received, expected 1: $(cat "$TMP/err")"
cmp -s "$TMP/inbox/0001.eml" "$S/ospg-8.eml" || fail "the received message is not $S/ospg-8.eml byte for byte"
"$PY" "$LIB/deliver_smime_envelope.py" "$TMP/inbox/0001.json" "$FROM" ali@example.gov.tr,veli@example.gov.tr,ayse@example.gov.tr ||
  fail "the GİZLİ message's envelope is not as expected"
grep -q "smime-type=enveloped-data" "$TMP/inbox/0001.eml" || fail "the GİZLİ message is not S/MIME enveloped data"
if grep -qa "JVBERi" "$TMP/inbox/0001.eml"; then fail "the GİZLİ message carries the PDF in clear (base64 of %PDF)"; fi
read_back "$TMP/inbox/0001.eml" "$S" first ali veli ayse signer
openssl cms -decrypt -in "$TMP/inbox/0001.eml" -recip "$CA/carol.pem" -inkey "$CA/carol.key" -out /dev/null 2>/dev/null &&
  fail "carol, not a recipient, can decrypt the GİZLİ message"

# 2. A rerun sends nothing, although encrypting again would give other bytes.
cp "$S/ospg-8.eml" "$TMP/first.eml"
bm "$S" "$TMP/secret" || fail "the rerun failed: $(cat "$TMP/err")"
bm "$S" "$TMP/secret" --force || fail "the rerun with --force failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 1 ] || fail "a rerun delivered again ($(received "$TMP/inbox") messages)"
cmp -s "$TMP/first.eml" "$S/ospg-8.eml" || fail "a rerun changed the outbox copy $S/ospg-8.eml, though nothing was sent"

# 3. A changed brief: exactly one new message, the new .eml, readable by everyone again.
sed -i 's/^subtitle: Bilgi Notu$/subtitle: Bilgi Notu (güncellendi)/' "$TMP/secret/ospg-8.yaml"
grep -q "güncellendi" "$TMP/secret/ospg-8.yaml" || die "the brief was not changed"
bm "$S" "$TMP/secret" || fail "the run after a change failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 2 ] || fail "after a change: $(received "$TMP/inbox") messages, expected 2"
if [ -f "$TMP/inbox/0002.eml" ]; then
  cmp -s "$TMP/inbox/0002.eml" "$S/ospg-8.eml" || fail "the changed brief's message is not its new .eml"
  read_back "$TMP/inbox/0002.eml" "$S" changed ali signer
fi
bm "$S" "$TMP/secret" || fail "the rerun after a change failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 2 ] || fail "the rerun after a change delivered again"

# 4. Unclassified: only signed, not encrypted; the received message verifies as it is.
O=$TMP/out-open
bm "$O" "$TMP/open" || fail "the unclassified run failed: $(cat "$TMP/err")"
[ "$(received "$TMP/inbox")" = 3 ] || die "the unclassified run: $(received "$TMP/inbox") messages, expected 3"
cmp -s "$TMP/inbox/0003.eml" "$O/ospg-8.eml" || fail "the signed message received is not $O/ospg-8.eml byte for byte"
"$PY" "$LIB/deliver_smime_envelope.py" "$TMP/inbox/0003.json" "$FROM" ali@example.gov.tr || fail "the signed message's envelope"
grep -q "smime-type=enveloped-data" "$TMP/inbox/0003.eml" && fail "the unclassified message is encrypted"
if openssl cms -verify -CAfile "$CA/ca.pem" -in "$TMP/inbox/0003.eml" -out "$TMP/open.verified" 2>"$TMP/verify.err"; then
  "$PY" "$LIB/smime_check.py" attachments "$TMP/open.verified" "$O" || fail "the signed content does not carry $O's PDF and DOCX"
  "$PY" "$LIB/smime_check.py" attachments "$TMP/inbox/0003.eml" "$O" || fail "the signed message does not carry $O's PDF and DOCX"
else
  fail "the signed message does not verify: $(cat "$TMP/verify.err")"
fi
openssl cms -verify -CAfile "$CA/other-ca.pem" -in "$TMP/inbox/0003.eml" -out /dev/null 2>/dev/null &&
  fail "the signed message verifies against another CA"

if grep -rqaF "$PASS" "$S" "$O" "$TMP/err"; then fail "the password appears in an output"; fi
finish
