// Delivery: each brief's message goes to the mail server once per content, and only where the
// site's policy allows. A record beside the outputs (".STEM.briefmake-delivery", JSON) holds what
// was handed over: the content's hash (the outputs, the message before any encryption), the
// Message-ID, the .eml's hash, each recipient accepted, refused (5xx, for good) or pending, with
// the server's reply, and the attempts with the run's time (never written into an output).
//
// The run renders first (prepare_delivery() decides, at render time, what the .eml is and
// records a pending delivery before the state vouches for the outputs), then delivers the
// pending records one by one (deliver_pending()), writing the record after each message.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/json.hpp"
#include "batch/policy.hpp"
#include "batch/smtp.hpp"

namespace briefmake::spec {
struct Brief;
}

namespace briefmake::batch {

class Reporter;

// What the command line asks of delivery (src/cli/delivery_options.cpp fills it).
struct DeliveryOptions {
    std::string smtp;         // --smtp URL
    std::string smtp_ca;      // --smtp-ca FILE
    std::string smtp_credentials;  // --smtp-credentials FILE
    std::string sendmail;     // --sendmail[=PATH]
    std::string policy;       // --policy FILE
    std::string sign_cert, sign_key;  // --sign-cert, --sign-key
    std::string recipient_certs;      // --recipient-certs DIR
    bool requested() const { return !smtp.empty() || !sendmail.empty(); }
};

// The checked configuration of one run.
struct DeliveryConfig {
    std::optional<SmtpServer> smtp;
    std::string sendmail;  // the program, when not SMTP
    std::optional<Policy> policy;
    std::string sign_cert, sign_key, recipient_certs;
    std::string from;      // the envelope sender (addr-spec)
    std::string run_time;  // "2026-02-01T02:30:00Z": when this run started
    std::string transport() const;  // "smtp://host:587" or "sendmail /usr/sbin/sendmail"
};

// Checks the options (URL, credentials, policy, S/MIME files). Throws OptionError
// with a usage message, or core::Error located in the policy file.
DeliveryConfig make_delivery_config(const DeliveryOptions& opt, const std::string& from_addr);

// The brief's facts that delivery judges: its classification and its recipients, located.
struct MailFacts {
    std::optional<std::string> classification;
    core::SourceLoc classification_loc;  // or the brief's file when unclassified
    std::vector<Recipient> recipients;   // addr-specs of To and Cc, each once
};
MailFacts mail_facts(const spec::Brief& brief);

struct DeliveryRecipient {
    std::string address;
    std::string state = "pending";  // pending, accepted, refused
    std::string reply;
};
struct DeliveryAttempt {
    std::string time;  // the run's time
    std::string transport;
    std::string result;
};
struct DeliveryRecord {
    std::string content;     // SHA-256 over the outputs' names and hashes (the unencrypted message)
    std::vector<std::pair<std::string, std::string>> outputs;  // name, SHA-256 (unencrypted)
    std::string message_id;
    std::string eml_sha256;  // the .eml as it is sent
    std::string status;      // pending, sent, refused-by-policy, not-requested (no address)
    std::vector<std::string> errors;  // refused-by-policy: "file:line:col: error: ..."
    std::vector<DeliveryRecipient> recipients;
    std::vector<DeliveryAttempt> attempts;
    std::string delivered;  // the run's time when the last recipient was accepted
};

std::filesystem::path delivery_path(const std::filesystem::path& dir, const std::string& stem);
std::string to_json(const DeliveryRecord& r);
std::optional<DeliveryRecord> parse_delivery(const std::string& text);
std::optional<DeliveryRecord> read_delivery(const std::filesystem::path& file);

// Whether a brief whose outputs are up to date must render again for delivery's sake: its
// last delivery was refused by the policy (which may have changed, or a certificate arrived).
bool delivery_wants_render(const std::filesystem::path& record_file);

// At render time: what the .eml becomes (signed and/or encrypted as asked) and the record to
// write before the state (nullopt: the record on disk stands). `plain_outputs` are the names and
// SHA-256 of the PDF/DOCX and of the unencrypted message.
struct PreparedMail {
    std::string eml;
    std::optional<DeliveryRecord> record;
};
PreparedMail prepare_delivery(const DeliveryConfig& cfg, const MailFacts& facts, const std::filesystem::path& record_file,
                              const std::filesystem::path& eml_file, const std::string& plain_eml,
                              const std::string& message_id,
                              const std::vector<std::pair<std::string, std::string>>& plain_outputs);

// What the manifest says of one brief's delivery.
struct DeliveryReport {
    std::string status = "not-requested";  // sent, pending, refused-by-policy, unchanged, not-requested
    std::string message_id;
    std::vector<DeliveryRecipient> recipients;
    std::vector<DeliveryAttempt> attempts;
    std::vector<std::string> errors;
    bool failed = false;  // the run must exit 1 for it
};

// After rendering: hands the message of a brief over if its record has pending recipients.
// Reports errors through `report`. Never throws.
DeliveryReport deliver_pending(const DeliveryConfig& cfg, const std::filesystem::path& record_file,
                               const std::filesystem::path& eml_file, const std::string& source, Reporter& report);

// --check: who would receive the brief's message, or why the policy refuses it. Sends nothing.
DeliveryReport check_delivery(const DeliveryConfig& cfg, const MailFacts& facts, const std::string& source,
                              const std::string& eml_name, Reporter& report);

// The manifest's "delivery" value.
json::Value delivery_json(const DeliveryReport& r);

}  // namespace briefmake::batch
