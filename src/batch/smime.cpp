#include "batch/smime.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include "batch/mime.hpp"
#include "batch/sha256.hpp"
#include "core/diag.hpp"
#include "core/i18n.hpp"

namespace briefmake::batch::smime {

namespace {

namespace fs = std::filesystem;

struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
struct X509Free { void operator()(X509* x) const { X509_free(x); } };
struct KeyFree { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
struct CmsFree { void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); } };
struct StackFree { void operator()(STACK_OF(X509)* s) const { sk_X509_pop_free(s, X509_free); } };
using Bio = std::unique_ptr<BIO, BioFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cms = std::unique_ptr<CMS_ContentInfo, CmsFree>;
using CertStack = std::unique_ptr<STACK_OF(X509), StackFree>;

// The reason of the last error OpenSSL queued (e.g. "no start line"), and the queue cleared.
std::string openssl_reason() {
    unsigned long last = 0;
    while (unsigned long e = ERR_get_error()) last = e;
    const char* r = last ? ERR_reason_error_string(last) : nullptr;
    return r ? std::string("OpenSSL: ") + r : std::string();
}

[[noreturn]] void fail(const fs::path& file, std::string message, std::string hint = {}) {
    std::string reason = openssl_reason();
    if (hint.empty()) hint = std::move(reason);
    throw core::Error(core::SourceLoc{file.string()}, std::move(message), std::move(hint));
}

std::string read_file(const fs::path& file, const std::string& what) {
    std::error_code ec;
    if (fs::is_directory(file, ec)) fail(file, core::trf("the {} is a folder; expected a PEM file", {core::tr(what)}));
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, core::trf("cannot read the {}: {}", {core::tr(what), std::strerror(errno)}));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) fail(file, core::trf("cannot read the {}: {}", {core::tr(what), std::strerror(errno)}));
    return s.str();
}

Bio memory_bio(std::string_view bytes) {
    Bio b(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    if (!b) throw core::Error({}, "OpenSSL: out of memory");
    return b;
}

// Every certificate in a PEM text, in order (none: an empty stack).
CertStack pem_certificates(std::string_view pem) {
    CertStack certs(sk_X509_new_null());
    if (!certs) throw core::Error({}, "OpenSSL: out of memory");
    Bio b = memory_bio(pem);
    while (X509* x = PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr)) {
        if (!sk_X509_push(certs.get(), x)) {
            X509_free(x);
            throw core::Error({}, "OpenSSL: out of memory");
        }
    }
    // The loop ends on "no start line" (the end of the text): an expected error, not a failure,
    // unless nothing was read at all (the caller reports that with the reason).
    if (sk_X509_num(certs.get()) > 0) ERR_clear_error();
    return certs;
}

// "2026-12-04 17:00 UTC" for a certificate's notBefore/notAfter.
std::string time_text(const ASN1_TIME* t) {
    std::tm tm{};
    if (ASN1_TIME_to_tm(t, &tm) != 1) return _("an unreadable date");
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// Why S/MIME cannot use a certificate ("" when it can): refused here, with its file, rather than
// found out by each recipient's mail reader. Only whether to go on depends on the clock, never the
// bytes. `what` names it ("the signing certificate").
struct Problem {
    std::string message, hint;
};
Problem unusable(X509* x, bool for_signing, const std::string& what) {
    if (for_signing) {
        // keyUsage digitalSignature or nonRepudiation (if present), extendedKeyUsage emailProtection
        // (if present): what `openssl cms -verify` and mail readers ask of a signer.
        if (X509_check_purpose(x, X509_PURPOSE_SMIME_SIGN, 0) != 1)
            return {core::trf("{} is not for S/MIME signing", {what}),
                    _("its keyUsage must allow digitalSignature and its extendedKeyUsage emailProtection")};
    } else if ((X509_get_extension_flags(x) & EXFLAG_XKUSAGE) && !(X509_get_extended_key_usage(x) & XKU_SMIME)) {
        // keyUsage is left to OpenSSL's CMS_encrypt: RSA needs keyEncipherment, EC keyAgreement.
        return {core::trf("{} is not for S/MIME", {what}), _("its extendedKeyUsage lacks emailProtection")};
    }
    ERR_clear_error();
    if (X509_cmp_current_time(X509_get0_notAfter(x)) < 0)
        return {core::trf("{} expired on {}", {what, time_text(X509_get0_notAfter(x))}), ""};
    if (X509_cmp_current_time(X509_get0_notBefore(x)) > 0)
        return {core::trf("{} is not valid before {}", {what, time_text(X509_get0_notBefore(x))}), ""};
    return {};
}

// A PEM passphrase callback that has none: an encrypted key fails instead of prompting on the
// terminal (briefmake runs from cron).
int no_passphrase(char*, int, int, void*) { return 0; }

// The message in parts: the top-level header fields (each with its CRLF, in order), whether one of
// them is MIME-Version, and the entity the MIME body forms with its Content-* fields.
struct Split {
    std::string top;
    bool has_mime_version = false;
    std::string entity;  // Content-* fields, CRLF, body: the bytes signed or encrypted
};

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

Split split_message(std::string_view m) {
    // The signature covers the entity's bytes as they are (CMS_BINARY); a reader canonicalises
    // line ends to CRLF before checking it, so anything but CRLF would not verify.
    for (size_t i = 0; i < m.size(); ++i) {
        if ((m[i] == '\n' && (i == 0 || m[i - 1] != '\r')) || (m[i] == '\r' && (i + 1 == m.size() || m[i + 1] != '\n')))
            throw core::Error({}, "S/MIME: the message has a line end other than CRLF at byte " + std::to_string(i),
                              "expected RFC 5322 form, as mime::build writes it");
    }
    size_t header_end;  // one past the CRLF of the last header line
    size_t body_start;
    if (m.substr(0, 2) == "\r\n") {
        header_end = 0;
        body_start = 2;
    } else {
        size_t blank = m.find("\r\n\r\n");
        if (blank == std::string_view::npos)
            throw core::Error({}, "S/MIME: the message has no blank line between its header and its body");
        header_end = blank + 2;
        body_start = blank + 4;
    }
    Split s;
    std::string content_fields;
    size_t pos = 0;
    while (pos < header_end) {
        size_t end = m.find("\r\n", pos) + 2;
        while (end < header_end && (m[end] == ' ' || m[end] == '\t')) end = m.find("\r\n", end) + 2;
        std::string_view field = m.substr(pos, end - pos);
        size_t colon = field.find(':');
        if (colon == std::string_view::npos || colon == 0 || field.front() == ' ' || field.front() == '\t')
            throw core::Error({}, "S/MIME: a header line is not a field: \"" + std::string(field.substr(0, field.size() - 2)) + "\"");
        if (starts_with_nocase(field, "content-")) {
            content_fields += field;
        } else {
            s.top += field;
            if (starts_with_nocase(field, "mime-version:")) s.has_mime_version = true;
        }
        pos = end;
    }
    s.entity = content_fields + "\r\n" + std::string(m.substr(body_start));
    return s;
}

std::string top_headers(const Split& s) { return s.has_mime_version ? s.top : s.top + "MIME-Version: 1.0\r\n"; }

std::string der(CMS_ContentInfo* cms) {
    int len = i2d_CMS_ContentInfo(cms, nullptr);
    if (len <= 0) throw core::Error({}, "S/MIME: OpenSSL cannot encode the CMS structure", openssl_reason());
    std::string out(static_cast<size_t>(len), '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    if (i2d_CMS_ContentInfo(cms, &p) != len)
        throw core::Error({}, "S/MIME: OpenSSL cannot encode the CMS structure", openssl_reason());
    return out;
}

}  // namespace

std::string read_certificate(const fs::path& file) {
    ERR_clear_error();
    std::string pem = read_file(file, N_("certificate file"));
    CertStack certs = pem_certificates(pem);
    if (sk_X509_num(certs.get()) == 0)
        fail(file, _("no certificate in this file; expected a PEM certificate (-----BEGIN CERTIFICATE-----)"));
    if (Problem p = unusable(sk_X509_value(certs.get(), 0), false, _("the certificate")); !p.message.empty())
        fail(file, p.message, p.hint);
    return pem;
}

std::vector<std::string> certificate_emails(std::string_view cert_pem) {
    ERR_clear_error();
    CertStack certs = pem_certificates(cert_pem);
    if (sk_X509_num(certs.get()) == 0)
        throw core::Error({}, "S/MIME: the text holds no PEM certificate", openssl_reason());
    std::vector<std::string> out;
    STACK_OF(OPENSSL_STRING)* emails = X509_get1_email(sk_X509_value(certs.get(), 0));
    for (int i = 0; i < sk_OPENSSL_STRING_num(emails); ++i) out.emplace_back(sk_OPENSSL_STRING_value(emails, i));
    X509_email_free(emails);
    return out;
}

std::string sign(std::string_view mime_message, const SignerFiles& signer) {
    ERR_clear_error();
    Split s = split_message(mime_message);

    std::string cert_pem = read_file(signer.cert, N_("signing certificate"));
    CertStack certs = pem_certificates(cert_pem);
    if (sk_X509_num(certs.get()) == 0)
        fail(signer.cert, _("no certificate in the signing certificate file; expected a PEM certificate"));
    Cert cert(sk_X509_shift(certs.get()));  // the signer; the rest are intermediates to send along
    if (Problem p = unusable(cert.get(), true, _("the signing certificate")); !p.message.empty())
        fail(signer.cert, p.message, p.hint);

    std::string key_pem = read_file(signer.key, N_("signing key"));
    Bio key_bio = memory_bio(key_pem);
    Key key(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, no_passphrase, nullptr));
    if (!key) {
        if (key_pem.find("ENCRYPTED") != std::string::npos)
            fail(signer.key, _("the signing key is protected by a passphrase"),
                 _("briefmake runs unattended: give it an unencrypted key file that only its user can read"));
        fail(signer.key, _("no private key in the signing key file; expected a PEM private key"));
    }
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        fail(signer.key, core::trf("this key does not belong to the signing certificate {}", {signer.cert.string()}),
             _("expected the private key of the first certificate in that file"));

    // Detached (the content travels beside the signature), binary (the entity's bytes are signed
    // as they are, already CRLF), no signed attributes (no clock-based signingTime: see the header).
    const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_NOATTR | CMS_PARTIAL;
    Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms) throw core::Error({}, "S/MIME: OpenSSL cannot start a signature", openssl_reason());
    if (!CMS_add1_signer(cms.get(), cert.get(), key.get(), EVP_sha256(), flags))
        fail(signer.cert, "OpenSSL cannot sign with this certificate and key");
    for (int i = 0; i < sk_X509_num(certs.get()); ++i)
        if (!CMS_add1_cert(cms.get(), sk_X509_value(certs.get(), i)))
            fail(signer.cert, "OpenSSL cannot add the intermediate certificate " + std::to_string(i + 2) + " of this file");
    Bio content = memory_bio(s.entity);
    if (!CMS_final(cms.get(), content.get(), nullptr, flags))
        throw core::Error({}, "S/MIME: OpenSSL cannot sign the message", openssl_reason());
    std::string signature = der(cms.get());

    // A boundary from the content, so the same message gives the same bytes; it must not occur
    // in the entity (mime::build's own boundaries are "=_briefmake_" + hex, never followed by 's').
    std::string boundary = "=_briefmake_signed_" + sha256_hex(s.entity).substr(0, 32);
    for (int n = 1; s.entity.find("--" + boundary) != std::string::npos; ++n)
        boundary = "=_briefmake_signed_" + sha256_hex(s.entity).substr(0, 32) + "_" + std::to_string(n);

    std::string out = top_headers(s);
    out += "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n";
    out += " micalg=sha-256;\r\n";
    out += " boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is an S/MIME signed message: the message, then its signature (smime.p7s).\r\n";
    // The CRLF before each delimiter belongs to the delimiter (RFC 2046 §5.1.1): the first part is
    // exactly the signed entity.
    out += "\r\n--" + boundary + "\r\n";
    out += s.entity;
    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n";
    out += "Content-Description: S/MIME Cryptographic Signature\r\n";
    out += "\r\n";
    out += mime::base64(signature, 76) + "\r\n";
    out += "--" + boundary + "--\r\n";
    return out;
}

std::string encrypt(std::string_view mime_message, const std::vector<std::string>& recipient_cert_pems) {
    ERR_clear_error();
    Split s = split_message(mime_message);
    if (recipient_cert_pems.empty()) throw core::Error({}, "S/MIME: no recipient certificate to encrypt to");

    CertStack recipients(sk_X509_new_null());
    if (!recipients) throw core::Error({}, "OpenSSL: out of memory");
    for (size_t i = 0; i < recipient_cert_pems.size(); ++i) {
        CertStack certs = pem_certificates(recipient_cert_pems[i]);
        if (sk_X509_num(certs.get()) == 0)
            throw core::Error({},
                              "S/MIME: " + core::trf("recipient certificate {} of {} holds no PEM certificate",
                                                     {std::to_string(i + 1), std::to_string(recipient_cert_pems.size())}),
                              openssl_reason());
        Cert cert(sk_X509_shift(certs.get()));  // the recipient's own; anything after it is its chain
        std::string name = core::trf("recipient certificate {} of {}",
                                     {std::to_string(i + 1), std::to_string(recipient_cert_pems.size())});
        if (Problem p = unusable(cert.get(), false, name); !p.message.empty()) {
            std::vector<std::string> emails = certificate_emails(recipient_cert_pems[i]);
            if (!emails.empty()) p = unusable(cert.get(), false, name + " (" + emails.front() + ")");
            throw core::Error({}, "S/MIME: " + p.message, p.hint);
        }
        bool seen = false;
        for (int j = 0; j < sk_X509_num(recipients.get()) && !seen; ++j)
            seen = X509_cmp(sk_X509_value(recipients.get(), j), cert.get()) == 0;
        if (seen) continue;
        if (!sk_X509_push(recipients.get(), cert.get())) throw core::Error({}, "OpenSSL: out of memory");
        cert.release();  // now owned by the stack
    }

    Bio content = memory_bio(s.entity);
    Cms cms(CMS_encrypt(recipients.get(), content.get(), EVP_aes_256_cbc(), CMS_BINARY));
    if (!cms)
        throw core::Error({}, "S/MIME: OpenSSL cannot encrypt to these certificates", openssl_reason());
    std::string enveloped = der(cms.get());

    std::string out = top_headers(s);
    out += "Content-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n";
    out += " name=\"smime.p7m\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n";
    out += "Content-Description: S/MIME Encrypted Message\r\n";
    out += "\r\n";
    out += mime::base64(enveloped, 76) + "\r\n";
    return out;
}

}  // namespace briefmake::batch::smime
