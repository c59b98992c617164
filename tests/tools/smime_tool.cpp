// A test driver for tests/integration/smime.sh: runs batch::smime on a message read from stdin and
// writes the result to stdout, so the integration test can hand briefmake's own .eml through
// sign() and encrypt() and read the results with the openssl command and Python's email package,
// without an option in briefmake's CLI.
//   smime_tool sign CERT.pem KEY.pem        < message.eml > signed.eml
//   smime_tool encrypt CERT.pem [CERT.pem...] < message.eml > encrypted.eml
// Exit status 1 with briefmake's diagnostic on stderr for a core::Error, 2 for a usage error.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "batch/smime.hpp"
#include "core/diag.hpp"

using namespace briefmake;

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    bool sign = !args.empty() && args[0] == "sign" && args.size() == 3;
    bool encrypt = !args.empty() && args[0] == "encrypt" && args.size() >= 2;
    if (!sign && !encrypt) {
        std::cerr << "usage: smime_tool sign CERT KEY < in > out | smime_tool encrypt CERT... < in > out\n";
        return 2;
    }
    std::string message(std::istreambuf_iterator<char>(std::cin), {});
    try {
        std::string out;
        if (sign) {
            out = batch::smime::sign(message, {args[1], args[2]});
        } else {
            std::vector<std::string> certs;
            for (size_t i = 1; i < args.size(); ++i) certs.push_back(batch::smime::read_certificate(args[i]));
            out = batch::smime::encrypt(message, certs);
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    } catch (const core::Error& e) {
        std::cerr << core::format(e.diagnostic()) << "\n";
        return 1;
    }
}
