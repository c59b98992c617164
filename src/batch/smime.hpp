// S/MIME with OpenSSL's CMS API: a built MIME message signed (multipart/signed, detached,
// SHA-256) or encrypted (CMS EnvelopedData, AES-256, application/pkcs7-mime).
// (The declaration delivery calls; the implementation is src/batch/smime.cpp.)
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::batch::smime {

struct SignerFiles {
    std::string cert_file;  // PEM
    std::string key_file;   // PEM
};

std::string sign(std::string_view mime_message, const SignerFiles& signer);
std::string encrypt(std::string_view mime_message, const std::vector<std::string>& recipient_cert_pems);

}  // namespace briefmake::batch::smime
