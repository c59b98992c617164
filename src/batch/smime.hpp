// S/MIME (RFC 8551) for the message that carries a brief: a detached signature
// (multipart/signed, RFC 1847) and encryption (application/pkcs7-mime, CMS EnvelopedData),
// through OpenSSL's CMS API. OpenSSL makes the CMS objects (DER); the MIME around them is ours,
// as in mime.cpp: CRLF line ends, header lines within 78 characters, boundaries derived from the
// content, so that signing stays reproducible (OpenSSL's SMIME_write_CMS picks a random boundary).
//
// Reproducibility:
//  - sign() gives the same bytes for the same message, certificate and key, when the key is RSA
//    (PKCS#1 v1.5 signatures are deterministic; ECDSA in OpenSSL 3.0 is not). The SignerInfo has
//    no signed attributes, so no signingTime from the clock: see sign().
//  - encrypt() differs on every call, by design: the content key and IV are fresh random bytes
//    (reusing them would break the cipher). What is reproducible is what goes in: the same brief
//    gives the same plain (or signed) message, and the .eml outbox copy is the exact bytes sent.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::batch::smime {

struct SignerFiles {
    std::filesystem::path cert;  // PEM: the signer's certificate first, then any intermediates
    std::filesystem::path key;   // PEM: its private key, not encrypted with a passphrase
};

// mime_message: a complete RFC 5322 message with CRLF line ends as built by mime::build
// (headers + MIME body). Returns the whole message again: the same top-level headers (From, To,
// Cc, Subject, Date, Message-ID, MIME-Version, ...) in the same order, with the Content-* fields
// and the body replaced by multipart/signed (protocol="application/pkcs7-signature";
// micalg=sha-256) holding the original entity byte for byte and a detached SHA-256 signature
// (application/pkcs7-signature, smime.p7s) that also carries the certificates of cert_file.
//
// The signature covers exactly the bytes of the inner entity (its Content-* fields, a blank line,
// the body), CRLF as they are (CMS_BINARY). It has no signed attributes (CMS_NOATTR): OpenSSL 3.0
// would otherwise always add a signingTime from the clock, and a signingTime taken from the
// message's Date (the brief's date, not the moment of signing) would make Thunderbird (NSS)
// check the certificate's validity on that date. RFC 5652 §5.3 allows a SignerInfo without
// signed attributes for id-data content; RFC 8551 §2.5 requires receivers to handle it.
//
// Throws core::Error naming the file for a certificate or key that cannot be read or is not PEM,
// a certificate not for S/MIME signing (keyUsage, extendedKeyUsage) or not valid now (expired,
// not yet valid), a key protected by a passphrase or one that does not belong to the
// certificate; and for a message that is not in CRLF form or has no header/body separator.
std::string sign(std::string_view mime_message, const SignerFiles& signer);

// Encrypts to every certificate (PEM text) given, the caller passes each recipient's and the
// sender's own (identical certificates count once): AES-256-CBC in CMS EnvelopedData, one
// RecipientInfo per certificate in the order given. Returns the whole message again with the same
// header treatment as sign(): the top-level headers stay (note they travel in clear, Subject
// included), the Content-* fields and the body become the encrypted entity, sent as
// Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m", base64.
// Sign-then-encrypt is encrypt(sign(m, s), certs).
// Never the same bytes twice (random content key and IV); see the file comment.
// Throws core::Error for an empty list, a text that holds no certificate, or one not valid now or
// whose extendedKeyUsage excludes S/MIME (the message names it by its position and address).
std::string encrypt(std::string_view mime_message, const std::vector<std::string>& recipient_cert_pems);

// The PEM text of a certificate file (e.g. a recipient's ADDRESS.pem), checked to hold at least one
// X.509 certificate, the first valid now and not excluded from S/MIME by its extendedKeyUsage.
// Throws core::Error naming the file when it cannot be read, holds none, or that one is unusable.
std::string read_certificate(const std::filesystem::path& file);

// The e-mail addresses a certificate (PEM text, the first one) is issued to: its subject's
// emailAddress and its subjectAltName rfc822Name entries, as written in the certificate.
// Throws core::Error when the text holds no certificate.
std::vector<std::string> certificate_emails(std::string_view cert_pem);

}  // namespace briefmake::batch::smime
