#include "batch/sha256.hpp"

#include <openssl/evp.h>

#include <fstream>

#include "core/diag.hpp"

namespace briefmake::batch {

namespace {
EVP_MD_CTX* md(void* p) { return static_cast<EVP_MD_CTX*>(p); }
}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(md(ctx_), EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(md(ctx_));
        throw core::Error({}, "OpenSSL: cannot start a SHA-256 digest");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(md(ctx_)); }

void Sha256::update(std::string_view bytes) {
    if (EVP_DigestUpdate(md(ctx_), bytes.data(), bytes.size()) != 1)
        throw core::Error({}, "OpenSSL: SHA-256 update failed");
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(md(ctx_), digest, &len) != 1) throw core::Error({}, "OpenSSL: SHA-256 failed");
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
