// Handing a message to the local mail transfer agent: `PATH -t -i` with the message on standard
// input (recipients from its To and Cc). The exit status decides: 0 accepted for every
// recipient, EX_TEMPFAIL (75) or a failure to run pending, anything else refused.
#pragma once
#include <string>
#include <vector>

#include "batch/transport.hpp"

namespace briefmake::batch {

TransportResult sendmail_send(const std::string& program, const std::vector<std::string>& recipients,
                              const std::string& message);

}  // namespace briefmake::batch
