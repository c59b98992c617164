// Sending through a mail server with libcurl (the only libcurl user): smtp:// requires STARTTLS
// (never a plain-text fallback), smtps:// is TLS from the first byte; the server's certificate and
// name are verified against the system's CAs plus those of --smtp-ca; AUTH with a login from a
// netrc-form file that only its owner can read. A password is never printed.
#pragma once
#include <string>
#include <vector>

#include "batch/transport.hpp"

namespace briefmake::batch {

struct SmtpSettings {
    std::string url;          // smtp://HOST[:PORT] or smtps://HOST[:PORT]
    std::string ca_file;      // extra trusted CAs (PEM); empty: the system's only
    std::string credentials;  // netrc-form file; empty: no AUTH
    long connect_timeout = 30;  // seconds
    long timeout = 300;         // seconds for a whole message
};

// A checked server: the URL with its port made explicit, and the login (if any).
class SmtpServer {
public:
    // Throws OptionError (a usage error) for a bad URL, an unreadable or group/other
    // readable credentials file, a credentials file without an entry for the host, or a CA file
    // without certificates.
    explicit SmtpServer(SmtpSettings settings);
    // "smtp://HOST:PORT": for messages and the manifest (never a login).
    const std::string& url() const { return url_; }
    // Hands one message over for `recipients` (addr-specs). Never throws for a delivery problem:
    // that is in the result.
    TransportResult send(const std::string& from, const std::vector<std::string>& recipients,
                         const std::string& message) const;

private:
    SmtpSettings settings_;
    std::string url_, host_;
    std::string user_, password_;
    std::string ca_pem_;
};

// The login for `host` in a netrc-form text ("machine HOST login USER password PASS", or a
// "default" entry). False when there is none.
bool netrc_login(const std::string& text, const std::string& host, std::string& user, std::string& password);

}  // namespace briefmake::batch
