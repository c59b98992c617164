#!/usr/bin/env bash
# S/MIME (batch::smime, through the test driver tests/tools/smime_tool) on the .eml briefmake writes
# for OSPG-8, read back by programs nobody here wrote: a CA and certificates made with the openssl
# command; `openssl cms -verify -CAfile` accepts the signature, and rejects a message changed by
# one base64 letter or checked against another CA; `openssl cms -decrypt` with each recipient's
# key gives the message's entity byte for byte, and Python's email package finds in it the
# rendered PDF and DOCX; a non-recipient cannot decrypt; sign-then-encrypt decrypts to a message
# that verifies. GnuPG's gpgsm, when installed, verifies the signature too (a reader that is not
# OpenSSL). Signing the same message twice gives the same bytes; encrypting it does not.
source "$(dirname "$0")/lib/common.bash"
need openssl python3 cmp
TOOL=$BIN_DIR/tests/smime_tool
CHECK=$(dirname "$0")/lib/smime_check.py
[ -x "$TOOL" ] || die "$TOOL is missing (build first: scripts/build)"

# --- A throwaway PKI: two CAs, a signer and three people, S/MIME end-entity certificates. ---
PKI=$TMP/pki
mkdir -p "$PKI"
cat >"$PKI/leaf.cnf" <<'EOF'
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = emailProtection
subjectAltName = email:copy
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
make_ca() {  # make_ca NAME
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$PKI/$1.key" -out "$PKI/$1.pem" -days 30 \
    -subj "/CN=$1 Test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>"$TMP/openssl.err" || die "openssl req (CA): $(cat "$TMP/openssl.err")"
}
make_leaf() {  # make_leaf NAME CA EMAIL
  openssl req -new -newkey rsa:2048 -nodes -keyout "$PKI/$1.key" -out "$PKI/$1.csr" \
    -subj "/CN=$1/emailAddress=$3" 2>"$TMP/openssl.err" || die "openssl req: $(cat "$TMP/openssl.err")"
  openssl x509 -req -in "$PKI/$1.csr" -CA "$PKI/$2.pem" -CAkey "$PKI/$2.key" -CAcreateserial -days 30 \
    -extfile "$PKI/leaf.cnf" -extensions leaf -out "$PKI/$1.pem" 2>"$TMP/openssl.err" ||
    die "openssl x509 -req: $(cat "$TMP/openssl.err")"
}
make_ca ca
make_ca other-ca
make_leaf signer ca brief@example.org
make_leaf alice ca alice@example.gov.tr
make_leaf bob ca bob@example.gov.tr
make_leaf carol ca carol@example.gov.tr

# --- briefmake's own message for OSPG-8, with its PDF and DOCX. ---
OUT=$TMP/out
SOURCE_DATE_EPOCH=1767225600 "$BRIEFMAKE" -o "$OUT" --eml --from 'Brief Robotu <brief@example.org>' \
  "$SOURCE_DIR/briefs/ospg-8.yaml" 2>"$TMP/err" || die "briefmake --eml failed: $(cat "$TMP/err")"
PLAIN=$OUT/ospg-8.eml
[ -s "$PLAIN" ] || die "no $PLAIN"
python3 "$CHECK" entity "$PLAIN" "$TMP/entity.bin" || die "cannot cut the entity out of $PLAIN"

# --- Signed. ---
"$TOOL" sign "$PKI/signer.pem" "$PKI/signer.key" <"$PLAIN" >"$TMP/signed.eml" 2>"$TMP/err" ||
  die "smime_tool sign failed: $(cat "$TMP/err")"
"$TOOL" sign "$PKI/signer.pem" "$PKI/signer.key" <"$PLAIN" >"$TMP/signed2.eml" || die "second sign failed"
cmp -s "$TMP/signed.eml" "$TMP/signed2.eml" || fail "two signatures of the same message differ"

if openssl cms -verify -CAfile "$PKI/ca.pem" -in "$TMP/signed.eml" -out "$TMP/verified.bin" 2>"$TMP/verify.err"; then
  cmp -s "$TMP/verified.bin" "$TMP/entity.bin" || fail "openssl cms -verify gives other content than the message's entity"
else
  fail "openssl cms -verify rejects the signed message: $(cat "$TMP/verify.err")"
fi
# The same, on the parts cut at the boundary: the DER signature over the exact bytes (-binary).
python3 "$CHECK" cut-signed "$TMP/signed.eml" "$TMP/content.bin" "$TMP/sig.der" || fail "cannot cut the signed message"
cmp -s "$TMP/content.bin" "$TMP/entity.bin" || fail "the signed part is not the message's entity byte for byte"
openssl cms -verify -binary -inform DER -in "$TMP/sig.der" -content "$TMP/content.bin" -CAfile "$PKI/ca.pem" \
  -out /dev/null 2>"$TMP/verify.err" || fail "the detached DER signature does not verify: $(cat "$TMP/verify.err")"
openssl cms -cmsout -print -inform DER -in "$TMP/sig.der" >"$TMP/sig.txt" || fail "openssl cannot print the signature"
grep -A1 "^ *digestAlgorithm:" "$TMP/sig.txt" | grep -q "algorithm: sha256 " || fail "the signature's digest is not SHA-256"
grep -q "signingTime" "$TMP/sig.txt" && fail "the signature has a signingTime (from the clock: not reproducible)"
python3 "$CHECK" signed "$PLAIN" "$TMP/signed.eml" "$OUT" || fail "Python's email package does not read the signed message as expected"

# Tampered: one base64 letter of the PDF changed. Still a valid message, but no longer the signed one.
python3 "$CHECK" tamper "$TMP/signed.eml" "$TMP/tampered.eml" || die "cannot tamper"
cmp -s "$TMP/signed.eml" "$TMP/tampered.eml" && die "tampering changed nothing"
if openssl cms -verify -CAfile "$PKI/ca.pem" -in "$TMP/tampered.eml" -out /dev/null 2>"$TMP/verify.err"; then
  fail "openssl cms -verify accepts a tampered message"
else
  grep -qi "digest failure\|content verify error" "$TMP/verify.err" ||
    fail "the tampered message fails for another reason than its digest: $(cat "$TMP/verify.err")"
fi
# A second reader that is not OpenSSL: GnuPG's gpgsm (libksba), the test CA in its trust list, on
# the detached signature and the part it covers, as cut at the boundary; then on the tampered part.
if command -v gpgsm >/dev/null && command -v gpgconf >/dev/null; then
  GH=$TMP/gnupg
  mkdir -m 700 "$GH"
  gpgsm --homedir "$GH" --batch --import "$PKI/ca.pem" 2>"$TMP/gpgsm.err" || fail "gpgsm cannot import the CA: $(cat "$TMP/gpgsm.err")"
  echo "$(openssl x509 -in "$PKI/ca.pem" -noout -fingerprint -sha1 | cut -d= -f2) S" >"$GH/trustlist.txt"
  gpg_verify() { gpgsm --homedir "$GH" --batch --disable-crl-checks --disable-policy-checks --verify "$@" 2>"$TMP/gpgsm.err"; }
  if gpg_verify "$TMP/sig.der" "$TMP/content.bin"; then
    grep -q 'Good signature from "/CN=signer/EMail=brief@example.org"' "$TMP/gpgsm.err" ||
      fail "gpgsm: no good signature from the signer: $(cat "$TMP/gpgsm.err")"
  else
    fail "gpgsm rejects the signature: $(cat "$TMP/gpgsm.err")"
  fi
  python3 "$CHECK" cut-signed "$TMP/tampered.eml" "$TMP/tampered-content.bin" "$TMP/tampered-sig.der" || fail "cannot cut the tampered message"
  gpg_verify "$TMP/tampered-sig.der" "$TMP/tampered-content.bin" && fail "gpgsm accepts the tampered part"
  grep -q "Bad signature" "$TMP/gpgsm.err" || fail "gpgsm rejects the tampered part for another reason: $(cat "$TMP/gpgsm.err")"
  gpgconf --homedir "$GH" --kill gpg-agent 2>/dev/null || true  # the agent gpgsm started
else
  echo "smime: gpgsm is not installed; the second reader (GnuPG) is left out"
fi
# Another CA: the signature is sound, the signer not trusted.
openssl cms -verify -CAfile "$PKI/other-ca.pem" -in "$TMP/signed.eml" -out /dev/null 2>/dev/null &&
  fail "openssl cms -verify trusts a signer under another CA"

# --- Encrypted, to Alice, Bob and the sender. ---
"$TOOL" encrypt "$PKI/alice.pem" "$PKI/bob.pem" "$PKI/signer.pem" <"$PLAIN" >"$TMP/enc.eml" 2>"$TMP/err" ||
  die "smime_tool encrypt failed: $(cat "$TMP/err")"
python3 "$CHECK" encrypted "$PLAIN" "$TMP/enc.eml" || fail "the encrypted message is not as expected"
openssl cms -cmsout -print -in "$TMP/enc.eml" >"$TMP/enc.txt" || fail "openssl cannot read the encrypted message"
grep -q "aes-256-cbc" "$TMP/enc.txt" || fail "the content is not encrypted with AES-256-CBC: $(grep -i algorithm "$TMP/enc.txt")"
for who in alice bob signer; do
  if openssl cms -decrypt -in "$TMP/enc.eml" -recip "$PKI/$who.pem" -inkey "$PKI/$who.key" \
      -out "$TMP/dec-$who.bin" 2>"$TMP/dec.err"; then
    cmp -s "$TMP/dec-$who.bin" "$TMP/entity.bin" || fail "$who decrypts other bytes than the message's entity"
    python3 "$CHECK" attachments "$TMP/dec-$who.bin" "$OUT" || fail "$who's decrypted message lacks the outputs"
  else
    fail "$who cannot decrypt: $(cat "$TMP/dec.err")"
  fi
done
openssl cms -decrypt -in "$TMP/enc.eml" -recip "$PKI/carol.pem" -inkey "$PKI/carol.key" -out /dev/null 2>/dev/null &&
  fail "carol, not a recipient, can decrypt"
"$TOOL" encrypt "$PKI/alice.pem" "$PKI/bob.pem" "$PKI/signer.pem" <"$PLAIN" >"$TMP/enc2.eml" || fail "second encrypt failed"
cmp -s "$TMP/enc.eml" "$TMP/enc2.eml" && fail "two encryptions gave the same bytes (the content key must be random)"

# --- Signed, then encrypted: decrypted, it is the signed message's entity, and it verifies. ---
"$TOOL" encrypt "$PKI/alice.pem" "$PKI/signer.pem" <"$TMP/signed.eml" >"$TMP/signed-enc.eml" 2>"$TMP/err" ||
  die "smime_tool encrypt of the signed message failed: $(cat "$TMP/err")"
python3 "$CHECK" encrypted "$PLAIN" "$TMP/signed-enc.eml" || fail "the signed-then-encrypted message is not as expected"
python3 "$CHECK" entity "$TMP/signed.eml" "$TMP/signed-entity.bin" || die "cannot cut the signed entity"
if openssl cms -decrypt -in "$TMP/signed-enc.eml" -recip "$PKI/alice.pem" -inkey "$PKI/alice.key" \
    -out "$TMP/dec-signed.bin" 2>"$TMP/dec.err"; then
  cmp -s "$TMP/dec-signed.bin" "$TMP/signed-entity.bin" || fail "the decrypted entity is not the signed message's"
  openssl cms -verify -CAfile "$PKI/ca.pem" -in "$TMP/dec-signed.bin" -out "$TMP/dec-verified.bin" 2>"$TMP/verify.err" ||
    fail "the decrypted signed message does not verify: $(cat "$TMP/verify.err")"
  cmp -s "$TMP/dec-verified.bin" "$TMP/entity.bin" || fail "the decrypted, verified content is not the message's entity"
  python3 "$CHECK" attachments "$TMP/dec-signed.bin" "$OUT" || fail "the decrypted signed message lacks the outputs"
else
  fail "alice cannot decrypt the signed-then-encrypted message: $(cat "$TMP/dec.err")"
fi

# --- Errors name the file. ---
expect_error() {  # expect_error WHAT PATTERN COMMAND...
  local what=$1 pattern=$2 got=0
  shift 2
  "$@" <"$PLAIN" >/dev/null 2>"$TMP/st.err" || got=$?
  [ "$got" -eq 1 ] || fail "$what: exit $got, expected 1"
  grep -q -- "$pattern" "$TMP/st.err" || fail "$what: $(cat "$TMP/st.err")"
}
expect_error "a key of another certificate" "^$PKI/alice.key: error: this key does not belong to the signing certificate" \
  "$TOOL" sign "$PKI/signer.pem" "$PKI/alice.key"
expect_error "a missing recipient certificate" "^$PKI/dave@example.gov.tr.pem: error: cannot read the certificate file" \
  "$TOOL" encrypt "$PKI/alice.pem" "$PKI/dave@example.gov.tr.pem"
expect_error "a key as the certificate" "^$PKI/alice.key: error: no certificate" \
  "$TOOL" sign "$PKI/alice.key" "$PKI/alice.key"

finish
