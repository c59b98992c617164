#include "batch/sha256.hpp"

// OpenSSL's SHA-256 itself, through the digest functions below the EVP layer. The EVP route
// (EVP_DigestInit_ex) first loads openssl.cnf and fetches the algorithm from a provider: 5.3 M
// instructions on its first use, four times what hashing both outputs of the sample brief costs.
// These functions are deprecated in OpenSSL 3.0 but kept, and compute the same digest.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <fstream>

#include "core/diag.hpp"

namespace briefmake::batch {

namespace {
SHA256_CTX* md(void* p) { return static_cast<SHA256_CTX*>(p); }
}  // namespace

Sha256::Sha256() : ctx_(new SHA256_CTX) {
    if (SHA256_Init(md(ctx_)) != 1) {
        delete md(ctx_);
        throw core::Error({}, "OpenSSL: cannot start a SHA-256 digest");
    }
}

Sha256::~Sha256() { delete md(ctx_); }

void Sha256::update(std::string_view bytes) {
    if (SHA256_Update(md(ctx_), bytes.data(), bytes.size()) != 1)
        throw core::Error({}, "OpenSSL: SHA-256 update failed");
}

std::string Sha256::hex() {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    const unsigned len = SHA256_DIGEST_LENGTH;
    if (SHA256_Final(digest, md(ctx_)) != 1) throw core::Error({}, "OpenSSL: SHA-256 failed");
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned i = 0; i < len; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex();
}

std::optional<std::string> sha256_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    Sha256 h;
    char buf[65536];
    while (in) {
        in.read(buf, sizeof buf);
        if (in.gcount() > 0) h.update(std::string_view(buf, static_cast<size_t>(in.gcount())));
    }
    if (in.bad()) return std::nullopt;
    return h.hex();
}

}  // namespace briefmake::batch
