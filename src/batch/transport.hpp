// What a mail transport (SMTP through libcurl, or a local sendmail) made of one message: per
// recipient accepted, refused for good (5xx), or still pending (4xx, no connection, a timeout).
#pragma once
#include <string>
#include <vector>

namespace briefmake::batch {

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
