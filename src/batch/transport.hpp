// What a mail transport (SMTP through libcurl, or a local sendmail) made of one message: per
// recipient accepted, refused for good (5xx), or still pending (4xx, no connection, a timeout).
#pragma once
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::batch {

// A delivery option that cannot work as given (--smtp URL, --sendmail PATH, a missing file):
// a usage error, exit 2. It names the option, so it needs no location.
struct OptionError : core::Error {
    explicit OptionError(std::string message) : core::Error({}, std::move(message)) {}
};

struct RecipientReply {
    enum class Result { Accepted, Refused, Pending };
    std::string address;
    Result result = Result::Pending;
    std::string reply;  // the server's reply (or why there was none)
};

struct TransportResult {
    std::vector<RecipientReply> recipients;  // in the order given
    std::string summary;                     // one line: the final reply or the error
};

}  // namespace briefmake::batch
