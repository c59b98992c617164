// Internet mail pieces for the .eml that carries a brief: base64, quoted-printable, RFC 2047
// encoded words in headers (folded to 78 columns), RFC 2231 file names, and the message itself
// (RFC 5322 + MIME, multipart/mixed). Pure functions of their inputs: same brief, same bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefmake::batch::mime {

// base64 (RFC 4648). line_length > 0 breaks lines with CRLF every line_length characters.
std::string base64(std::string_view bytes, size_t line_length = 0);

// Quoted-printable (RFC 2045 §6.7) of text whose lines end in LF (or CRLF): CRLF line ends,
// lines of at most 76 characters, '=' and non-ASCII encoded, trailing white space encoded, and a
// '.' or "From " at the start of a line encoded (so no MTA or mbox can misread it).
std::string quoted_printable(std::string_view text);

// "Name: value" for an unstructured field (Subject): printable ASCII as it is, anything else as
// RFC 2047 UTF-8 B encoded words, cut after a space (kept inside the encoded text) unless a word
// is longer than a line; folded with CRLF + space so no line passes 78 characters.
// No final CRLF.
std::string unstructured_header(std::string_view name, std::string_view value);

// One entry of an address list as written in a brief: "a@b.org", "Name <a@b.org>", or a
// bare name (no '@'), which becomes an empty group "Name:;" (RFC 5322 §3.4) so the name
// survives without an address.
struct Address {
    std::string display_name;  // may be empty
    std::string addr_spec;     // empty for a bare name
};
// Throws core::Error (without a place: the caller knows where the entry came from) when `entry`
// has an '@' or '<' but is not a valid address.
Address parse_address(std::string_view entry);

// "To: ..." with every entry; folded to 78 columns. A non-ASCII display name is one encoded
// word when it fits in 75 characters, else its ASCII words stay atoms (or quoted strings) between
// encoded words of the others, so that no two encoded words meet where avoidable (Python's
// parser keeps the white space between them; RFC 2047 readers drop it).
std::string address_header(std::string_view name, const std::vector<Address>& list);

// RFC 2231 percent-encoding of UTF-8 (attribute-char kept, everything else %XX).
std::string percent_encode(std::string_view utf8);

// `Content-Disposition: attachment; filename*=UTF-8''...; filename="ASCII"` (RFC 2231 / 6266),
// filename* split into numbered continuations (filename*0*=, filename*1*=, ...) when a line
// would pass 78 characters. `ascii_fallback` must be printable ASCII.
std::string content_disposition(std::string_view utf8_name, std::string_view ascii_fallback);

// "Sun, 01 Feb 2026 00:00:00 +0000" for seconds since 1970 (UTC).
std::string rfc5322_date(int64_t unix_seconds);
// Seconds since 1970 for a calendar day at 00:00 UTC.
int64_t days_to_unix(int year, int month, int day);

struct Attachment {
    std::string filename;        // UTF-8
    std::string ascii_filename;  // printable ASCII fallback
    std::string content_type;    // e.g. application/pdf
    std::string bytes;
};

struct Message {
    Address from;
    std::vector<Address> to;
    std::vector<Address> cc;
    std::string subject;     // UTF-8
    int64_t date = 0;        // seconds since 1970
    std::string message_id;  // without angle brackets: "hash@domain"
    std::string boundary;    // must not occur in any part (e.g. "=_" + hex: QP and base64 never make it)
    std::string body;        // UTF-8 plain text, lines end in LF
    std::vector<Attachment> attachments;
};

// The whole message, CRLF line ends (RFC 5322's form; Postfix's and Exim's sendmail -t accept it).
std::string build(const Message& m);

}  // namespace briefmake::batch::mime
