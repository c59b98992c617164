// SHA-256 through OpenSSL's libcrypto (already in the process through libzip): a vetted
// implementation, not one of our own.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace briefmake::batch {

// Incremental hashing; hex() ends it.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    std::string hex();  // 64 lower-case hex digits

private:
    void* ctx_;  // SHA256_CTX
};

std::string sha256_hex(std::string_view bytes);
// The hash of a file's contents; nullopt when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace briefmake::batch
