// Tests for S/MIME signing and encryption (batch/smime): a throwaway CA, signer and recipients made
// here with OpenSSL's API; what sign() and encrypt() write is read back with OpenSSL's CMS_verify
// and CMS_decrypt, part by part, as a mail reader would.
#include <doctest/doctest.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "batch/mime.hpp"
#include "batch/smime.hpp"
#include "core/diag.hpp"

using namespace briefmake::batch;
namespace core = briefmake::core;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "bm-smime-test.XXXXXX").string();
        path = mkdtemp(t.data());
    }
    ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string bio_text(BIO* b) {
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    return std::string(data, static_cast<size_t>(n));
}

std::string key_pem(EVP_PKEY* k) {
    BIO* b = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(b, k, nullptr, nullptr, 0, nullptr, nullptr);
    std::string s = bio_text(b);
    BIO_free(b);
    return s;
}

std::string cert_pem(X509* x) {
    BIO* b = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(b, x);
    std::string s = bio_text(b);
    BIO_free(b);
    return s;
}

void add_ext(X509* x, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, x, nullptr, nullptr, 0);
    X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    REQUIRE(e != nullptr);
    X509_add_ext(x, e, -1);
    X509_EXTENSION_free(e);
}

// A certificate for `key`, issued by issuer/issuer_key (itself when null): a CA, or an S/MIME
// end entity for `email`.
X509* make_cert(EVP_PKEY* key, const std::string& cn, X509* issuer, EVP_PKEY* issuer_key, bool ca,
                const std::string& email = {}, long from_days = -1, long to_days = 30,
                const char* eku = "emailProtection") {
    static long serial = 1;
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial++);
    X509_gmtime_adj(X509_getm_notBefore(x), 86400L * from_days);
    X509_gmtime_adj(X509_getm_notAfter(x), 86400L * to_days);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    if (!email.empty())
        X509_NAME_add_entry_by_NID(name, NID_pkcs9_emailAddress, MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(email.c_str()), -1, -1, 0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
    X509* iss = issuer ? issuer : x;
    add_ext(x, iss, NID_subject_key_identifier, "hash");
    add_ext(x, iss, NID_authority_key_identifier, "keyid:always");
    if (ca) {
        add_ext(x, iss, NID_basic_constraints, "critical,CA:TRUE");
        add_ext(x, iss, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        add_ext(x, iss, NID_basic_constraints, "CA:FALSE");
        add_ext(x, iss, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        add_ext(x, iss, NID_ext_key_usage, eku);
        add_ext(x, iss, NID_subject_alt_name, ("email:" + email).c_str());
    }
    REQUIRE(X509_sign(x, issuer_key ? issuer_key : key, EVP_sha256()) > 0);
    return x;
}

// A root CA, an intermediate CA, a signer under the root, a signer under the intermediate and two
// recipients, written as PEM files into a temporary folder. Made once: RSA keys take a while.
struct Pki {
    TempDir dir;
    EVP_PKEY *ca_key, *mid_key, *signer_key, *chained_key, *alice_key, *bob_key;
    X509 *ca, *mid, *signer, *chained, *alice, *bob;
    Pki() {
        ca_key = EVP_RSA_gen(2048);
        mid_key = EVP_RSA_gen(2048);
        signer_key = EVP_RSA_gen(2048);
        chained_key = EVP_RSA_gen(2048);
        alice_key = EVP_RSA_gen(2048);
        bob_key = EVP_RSA_gen(2048);
        ca = make_cert(ca_key, "Test Root CA", nullptr, nullptr, true);
        mid = make_cert(mid_key, "Test Intermediate CA", ca, ca_key, true);
        signer = make_cert(signer_key, "Brief Robotu", ca, ca_key, false, "brief@example.org");
        chained = make_cert(chained_key, "Chained Robot", mid, mid_key, false, "chained@example.org");
        alice = make_cert(alice_key, "Alice", ca, ca_key, false, "alice@example.gov.tr");
        bob = make_cert(bob_key, "Bob", ca, ca_key, false, "bob@example.gov.tr");
        write(dir.path / "ca.pem", cert_pem(ca));
        write(dir.path / "signer.pem", cert_pem(signer));
        write(dir.path / "signer.key", key_pem(signer_key));
        write(dir.path / "chained.pem", cert_pem(chained) + cert_pem(mid));
        write(dir.path / "chained.key", key_pem(chained_key));
        write(dir.path / "alice.pem", cert_pem(alice));
        write(dir.path / "alice.key", key_pem(alice_key));
    }
    smime::SignerFiles files() const { return {dir.path / "signer.pem", dir.path / "signer.key"}; }
};

const Pki& pki() {
    static Pki p;
    return p;
}

// A message as mime::build writes it, with a binary attachment.
std::string sample_message(const std::string& body = "Başlık\nGİZLİ\n") {
    mime::Message m;
    m.from = mime::parse_address("Brief Robotu <brief@example.org>");
    m.to = {mime::parse_address("Alice <alice@example.gov.tr>"), mime::parse_address("bob@example.gov.tr")};
    m.cc = {mime::parse_address("Özel Kalem Müdürlüğü <ozelkalem@example.gov.tr>")};
    m.subject = "İş birliği: Türkiye-Kazakistan OSPG 8. Toplantısı";
    m.date = 1769947200;
    m.message_id = "0123456789abcdef.briefmake@example.org";
    m.boundary = "=_briefmake_0123456789abcdef";
    m.body = body;
    std::string pdf = "%PDF-1.7\n";
    for (int i = 0; i < 3000; ++i) pdf += static_cast<char>((i * 37) & 0xFF);
    m.attachments.push_back({"Bilgi Notu.pdf", "Bilgi Notu.pdf", "application/pdf", pdf});
    return mime::build(m);
}

std::string header_of(const std::string& msg) { return msg.substr(0, msg.find("\r\n\r\n") + 2); }
std::string body_of(const std::string& msg) { return msg.substr(msg.find("\r\n\r\n") + 4); }

// The header fields whose name does not start with "Content-", each with its CRLF, in order.
std::vector<std::string> outer_fields(const std::string& msg) {
    std::vector<std::string> out;
    std::string h = header_of(msg);
    for (size_t pos = 0; pos < h.size();) {
        size_t end = h.find("\r\n", pos) + 2;
        while (end < h.size() && (h[end] == ' ' || h[end] == '\t')) end = h.find("\r\n", end) + 2;
        std::string f = h.substr(pos, end - pos);
        if (f.rfind("Content-", 0) != 0) out.push_back(f);
        pos = end;
    }
    return out;
}

// The entity the original message's MIME body forms: its Content-* fields, CRLF, the body.
std::string entity_of(const std::string& msg) {
    std::string h = header_of(msg), fields;
    size_t ct = h.find("Content-Type:");
    fields = h.substr(ct);
    return fields + "\r\n" + body_of(msg);
}

std::string unbase64(const std::string& text) {
    std::string clean;
    for (char c : text)
        if (c != '\r' && c != '\n') clean += c;
    std::string out(clean.size() / 4 * 3 + 3, '\0');
    int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                            reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
    REQUIRE(n >= 0);
    size_t pad = 0;
    if (!clean.empty() && clean.back() == '=') ++pad;
    if (clean.size() > 1 && clean[clean.size() - 2] == '=') ++pad;
    out.resize(static_cast<size_t>(n) - pad);
    return out;
}

struct SignedParts {
    std::string boundary, content, signature_headers, signature_der;
};

// A multipart/signed message cut at its boundary delimiters (RFC 2046: the CRLF before each
// delimiter belongs to it).
SignedParts cut_signed(const std::string& msg) {
    SignedParts p;
    std::string h = header_of(msg);
    size_t b = h.find("boundary=\"");
    REQUIRE(b != std::string::npos);
    p.boundary = h.substr(b + 10, h.find('"', b + 10) - b - 10);
    std::string body = body_of(msg), delim = "\r\n--" + p.boundary;
    size_t first = body.find(delim);
    REQUIRE(first != std::string::npos);
    size_t start = first + delim.size() + 2;
    size_t second = body.find(delim, start);
    REQUIRE(second != std::string::npos);
    p.content = body.substr(start, second - start);
    size_t sig_start = second + delim.size() + 2;
    size_t close = body.find(delim + "--", sig_start);
    REQUIRE(close != std::string::npos);
    std::string sig_part = body.substr(sig_start, close - sig_start);
    p.signature_headers = sig_part.substr(0, sig_part.find("\r\n\r\n") + 2);
    p.signature_der = unbase64(sig_part.substr(sig_part.find("\r\n\r\n") + 4));
    return p;
}

CMS_ContentInfo* parse_der(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    return d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size()));
}

// OpenSSL's verdict on a detached signature over `content`, trusting only the test root CA.
bool verifies(const std::string& der, const std::string& content) {
    CMS_ContentInfo* cms = parse_der(der);
    if (!cms) return false;
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, pki().ca);
    BIO* in = BIO_new_mem_buf(content.data(), static_cast<int>(content.size()));
    int ok = CMS_verify(cms, nullptr, store, in, nullptr, CMS_BINARY);
    BIO_free(in);
    X509_STORE_free(store);
    CMS_ContentInfo_free(cms);
    ERR_clear_error();
    return ok == 1;
}

// The plain entity of an application/pkcs7-mime message, decrypted with key/cert ("" on failure).
std::string decrypt(const std::string& msg, EVP_PKEY* key, X509* cert) {
    CMS_ContentInfo* cms = parse_der(unbase64(body_of(msg)));
    REQUIRE(cms != nullptr);
    BIO* out = BIO_new(BIO_s_mem());
    int ok = CMS_decrypt(cms, key, cert, nullptr, out, CMS_BINARY);
    std::string plain = ok == 1 ? bio_text(out) : std::string();
    BIO_free(out);
    CMS_ContentInfo_free(cms);
    ERR_clear_error();
    return plain;
}

void check_lines(const std::string& msg) {
    for (size_t i = 0; i < msg.size(); ++i)
        if (msg[i] == '\n') REQUIRE((i > 0 && msg[i - 1] == '\r'));
    std::string h = header_of(msg);
    for (size_t pos = 0; pos < h.size();) {
        size_t e = h.find("\r\n", pos);
        CHECK_MESSAGE(e - pos <= 78, h.substr(pos, e - pos));
        pos = e + 2;
    }
}

std::string error_text(const core::Error& e) { return core::format(e.diagnostic()); }

}  // namespace

TEST_CASE("sign: multipart/signed around the message's own entity, same top-level headers") {
    std::string msg = sample_message();
    std::string s = smime::sign(msg, pki().files());
    check_lines(s);
    CHECK(outer_fields(s) == outer_fields(msg));
    CHECK(header_of(s).find("\r\nContent-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n"
                            " micalg=sha-256;\r\n boundary=\"=_briefmake_signed_") != std::string::npos);
    // One Content-Type at the top, the multipart/mixed one moved inside.
    CHECK(header_of(s).find("multipart/mixed") == std::string::npos);
    SignedParts p = cut_signed(s);
    CHECK(p.content == entity_of(msg));
    CHECK(p.signature_headers.find("Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n") == 0);
    CHECK(p.signature_headers.find("Content-Transfer-Encoding: base64\r\n") != std::string::npos);
    CHECK(s.substr(s.size() - p.boundary.size() - 6) == "--" + p.boundary + "--\r\n");

    CHECK(verifies(p.signature_der, p.content));
    // One byte changed, or the line ends as LF: the signature no longer holds.
    std::string tampered = p.content;
    tampered[tampered.size() / 2] ^= 1;
    CHECK_FALSE(verifies(p.signature_der, tampered));
    std::string lf;
    for (char c : p.content)
        if (c != '\r') lf += c;
    CHECK_FALSE(verifies(p.signature_der, lf));

    // SHA-256, the signer's certificate inside, no signed attributes (no signingTime).
    CMS_ContentInfo* cms = parse_der(p.signature_der);
    REQUIRE(cms != nullptr);
    CHECK(CMS_is_detached(cms) == 1);
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    REQUIRE(sk_CMS_SignerInfo_num(infos) == 1);
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    X509_ALGOR *dig = nullptr, *sig = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &dig, &sig);
    const ASN1_OBJECT* oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, dig);
    CHECK(OBJ_obj2nid(oid) == NID_sha256);
    CHECK(CMS_signed_get_attr_count(si) < 0);
    CHECK(CMS_SignerInfo_cert_cmp(si, pki().signer) == 0);
    CMS_ContentInfo_free(cms);
}

TEST_CASE("sign: the same message gives the same bytes") {
    std::string msg = sample_message();
    std::string a = smime::sign(msg, pki().files());
    std::string b = smime::sign(msg, pki().files());
    CHECK(a == b);
    // And another message another signature.
    std::string other = sample_message("Başlık\nGİZLİ!\n");
    REQUIRE(other != msg);
    CHECK(smime::sign(other, pki().files()) != a);
}

TEST_CASE("sign: intermediates in the certificate file travel with the signature") {
    std::string s = smime::sign(sample_message(), {pki().dir.path / "chained.pem", pki().dir.path / "chained.key"});
    SignedParts p = cut_signed(s);
    CHECK(verifies(p.signature_der, p.content));  // only the root is trusted
}

TEST_CASE("sign: a boundary that does not occur in the content") {
    // Put the boundary sign() would choose into the content: it must choose another.
    std::string crafted = "From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx\r\n";
    std::string s1 = smime::sign(crafted, pki().files());
    std::string b1 = cut_signed(s1).boundary;
    REQUIRE(b1.find("=_briefmake_signed_") == 0);
    std::string with = crafted + "--" + b1 + "\r\n";
    std::string s2 = smime::sign(with, pki().files());
    SignedParts p2 = cut_signed(s2);
    CHECK(p2.content.find("--" + p2.boundary) == std::string::npos);
    CHECK(p2.content == "Content-Type: text/plain\r\n\r\nx\r\n--" + b1 + "\r\n");
    CHECK(verifies(p2.signature_der, p2.content));
}

TEST_CASE("encrypt: every recipient can decrypt the message's entity; AES-256-CBC; random each time") {
    std::string msg = sample_message();
    const Pki& k = pki();
    std::vector<std::string> certs = {cert_pem(k.alice), cert_pem(k.bob), cert_pem(k.signer)};
    std::string e = smime::encrypt(msg, certs);
    check_lines(e);
    CHECK(outer_fields(e) == outer_fields(msg));
    CHECK(header_of(e).find("\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data;\r\n"
                            " name=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n") != std::string::npos);
    CHECK(decrypt(e, k.alice_key, k.alice) == entity_of(msg));
    CHECK(decrypt(e, k.bob_key, k.bob) == entity_of(msg));
    CHECK(decrypt(e, k.signer_key, k.signer) == entity_of(msg));
    CHECK(decrypt(e, k.chained_key, k.chained).empty());  // not a recipient

    CMS_ContentInfo* cms = parse_der(unbase64(body_of(e)));
    REQUIRE(cms != nullptr);
    CHECK(OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_enveloped);
    CHECK(sk_CMS_RecipientInfo_num(CMS_get0_RecipientInfos(cms)) == 3);
    CMS_ContentInfo_free(cms);
    // aes256-CBC (2.16.840.1.101.3.4.1.42) as the content encryption algorithm.
    CHECK(unbase64(body_of(e)).find(std::string("\x06\x09\x60\x86\x48\x01\x65\x03\x04\x01\x2A", 11)) != std::string::npos);

    // A fresh content key and IV every time.
    CHECK(smime::encrypt(msg, certs) != e);
}

TEST_CASE("encrypt: a certificate given twice is one recipient") {
    const Pki& k = pki();
    std::string e = smime::encrypt(sample_message(), {cert_pem(k.alice), cert_pem(k.signer), cert_pem(k.alice)});
    CMS_ContentInfo* cms = parse_der(unbase64(body_of(e)));
    REQUIRE(cms != nullptr);
    CHECK(sk_CMS_RecipientInfo_num(CMS_get0_RecipientInfos(cms)) == 2);
    CMS_ContentInfo_free(cms);
}

TEST_CASE("sign then encrypt: the decrypted entity is the signed one and verifies") {
    const Pki& k = pki();
    std::string msg = sample_message();
    std::string s = smime::sign(msg, k.files());
    std::string e = smime::encrypt(s, {cert_pem(k.alice), cert_pem(k.signer)});
    CHECK(outer_fields(e) == outer_fields(msg));
    std::string plain = decrypt(e, k.alice_key, k.alice);
    REQUIRE(plain.rfind("Content-Type: multipart/signed;", 0) == 0);
    CHECK(plain == header_of(s).substr(header_of(s).find("Content-Type:")) + "\r\n" + body_of(s));
    // The decrypted entity as a message of its own: its signed part verifies and is the original.
    SignedParts p = cut_signed(plain);
    CHECK(p.content == entity_of(msg));
    CHECK(verifies(p.signature_der, p.content));
}

TEST_CASE("errors name the file: missing, not PEM, passphrase, key of another certificate") {
    const Pki& k = pki();
    std::string msg = sample_message();
    const fs::path& d = k.dir.path;
    auto error_of = [&](const smime::SignerFiles& f) {
        try {
            smime::sign(msg, f);
        } catch (const core::Error& e) {
            return error_text(e);
        }
        return std::string("no error");
    };
    std::string missing = error_of({d / "nope.pem", d / "signer.key"});
    CHECK(missing.find((d / "nope.pem").string() + ": error: cannot read the signing certificate") == 0);
    write(d / "garbage.pem", "not a certificate\n");
    CHECK(error_of({d / "garbage.pem", d / "signer.key"}).find((d / "garbage.pem").string() + ": error: no certificate") == 0);
    CHECK(error_of({d / "signer.pem", d / "garbage.pem"}).find((d / "garbage.pem").string() + ": error: no private key") == 0);
    CHECK(error_of({d / "signer.pem", d}).find(d.string() + ": error: the signing key is a folder") == 0);
    std::string mismatch = error_of({d / "signer.pem", d / "alice.key"});
    CHECK(mismatch.find((d / "alice.key").string() + ": error: this key does not belong to the signing certificate") == 0);

    // A key protected by a passphrase: refused, never a prompt.
    BIO* b = BIO_new(BIO_s_mem());
    PEM_write_bio_PKCS8PrivateKey(b, k.signer_key, EVP_aes_256_cbc(), nullptr, 0, nullptr, const_cast<char*>("secret"));
    write(d / "locked.key", bio_text(b));
    BIO_free(b);
    std::string locked = error_of({d / "signer.pem", d / "locked.key"});
    CHECK(locked.find((d / "locked.key").string() + ": error: the signing key is protected by a passphrase") == 0);

    CHECK_THROWS_AS(smime::encrypt(msg, {}), core::Error);
    CHECK_THROWS_WITH_AS(smime::encrypt(msg, {cert_pem(k.alice), "junk"}),
                         "S/MIME: recipient certificate 2 of 2 holds no PEM certificate", core::Error);
}

TEST_CASE("errors: a message not in CRLF form, or without a header") {
    std::string msg = sample_message();
    std::string lf = msg;
    lf.erase(lf.find("\r\n"), 1);
    CHECK_THROWS_AS(smime::sign(lf, pki().files()), core::Error);
    CHECK_THROWS_AS(smime::encrypt(lf, {cert_pem(pki().alice)}), core::Error);
    CHECK_THROWS_AS(smime::sign("From: a@example.org\r\nSubject: x\r\n", pki().files()), core::Error);
}

TEST_CASE("read_certificate and certificate_emails") {
    const Pki& k = pki();
    CHECK(smime::read_certificate(k.dir.path / "alice.pem") == cert_pem(k.alice));
    CHECK_THROWS_AS(smime::read_certificate(k.dir.path / "alice.key"), core::Error);
    try {
        smime::read_certificate(k.dir.path / "missing@example.org.pem");
        FAIL("no error");
    } catch (const core::Error& e) {
        CHECK(e.loc().file == (k.dir.path / "missing@example.org.pem").string());
    }
    CHECK(smime::certificate_emails(cert_pem(k.alice)) == std::vector<std::string>{"alice@example.gov.tr"});
    CHECK(smime::certificate_emails(read(k.dir.path / "chained.pem")) == std::vector<std::string>{"chained@example.org"});
}

TEST_CASE("errors: certificates S/MIME cannot use, named with their file or position") {
    const Pki& k = pki();
    const fs::path& d = k.dir.path;
    std::string msg = sample_message();
    X509* expired = make_cert(k.signer_key, "Old Robot", k.ca, k.ca_key, false, "brief@example.org", -60, -30);
    X509* future = make_cert(k.signer_key, "New Robot", k.ca, k.ca_key, false, "brief@example.org", 10, 30);
    X509* server = make_cert(k.alice_key, "Web", k.ca, k.ca_key, false, "alice@example.gov.tr", -1, 30, "serverAuth");
    write(d / "expired.pem", cert_pem(expired));
    write(d / "future.pem", cert_pem(future));
    write(d / "server.pem", cert_pem(server));
    auto sign_error = [&](const fs::path& cert, const fs::path& key) {
        try {
            smime::sign(msg, {cert, key});
        } catch (const core::Error& e) {
            return error_text(e);
        }
        return std::string("no error");
    };
    CHECK(sign_error(d / "expired.pem", d / "signer.key").find((d / "expired.pem").string() + ": error: the signing certificate expired on ") == 0);
    CHECK(sign_error(d / "future.pem", d / "signer.key").find((d / "future.pem").string() + ": error: the signing certificate is not valid before ") == 0);
    // A CA certificate (keyUsage keyCertSign only) does not sign mail.
    write(d / "ca.key", key_pem(k.ca_key));
    CHECK(sign_error(d / "ca.pem", d / "ca.key").find((d / "ca.pem").string() + ": error: the signing certificate is not for S/MIME signing") == 0);
    CHECK(sign_error(d / "server.pem", d / "alice.key").find((d / "server.pem").string() + ": error: the signing certificate is not for S/MIME signing") == 0);

    try {
        smime::read_certificate(d / "server.pem");
        FAIL("no error");
    } catch (const core::Error& e) {
        CHECK(error_text(e) == (d / "server.pem").string() + ": error: the certificate is not for S/MIME (its extendedKeyUsage lacks emailProtection)");
    }
    CHECK_THROWS_AS(smime::read_certificate(d / "expired.pem"), core::Error);
    CHECK_THROWS_WITH_AS(smime::encrypt(msg, {cert_pem(k.alice), cert_pem(expired)}),
                         doctest::Contains("S/MIME: recipient certificate 2 of 2 (brief@example.org) expired on "), core::Error);
    X509_free(expired);
    X509_free(future);
    X509_free(server);
}
