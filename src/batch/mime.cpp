#include "batch/mime.hpp"

#include <algorithm>
#include <cstdio>

#include "core/diag.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"

namespace briefmake::batch::mime {

namespace {

constexpr size_t kMaxLine = 78;

bool is_printable_ascii(std::string_view s) {
    for (char c : s)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

// Bytes of the UTF-8 sequence starting with lead byte b (1 for anything unexpected).
size_t sequence_length(unsigned char b) { return std::max<size_t>(1, core::utf8_sequence_length(b)); }

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

std::string encoded_word(std::string_view utf8) { return "=?UTF-8?B?" + base64(utf8) + "?="; }

// Builds a header field, folding before a token that would pass the line limit. The limit is
// one less than 78 so a trailing ',' or ';' always fits.
class Folder {
public:
    explicit Folder(std::string_view name) : out_(std::string(name) + ":"), col_(out_.size()) {}

    // A token preceded by folding white space; on the next line when it does not fit on this
    // one (even right after the field name: "To:" may end its line).
    void token(std::string_view t) {
        if (col_ > 0 && col_ + 1 + t.size() > kMaxLine - 1) fold();
        out_ += ' ';
        out_ += t;
        col_ += 1 + t.size();
        fresh_ = false;
    }
    // Text glued to the previous token (",", ":;").
    void glue(std::string_view t) {
        out_ += t;
        col_ += t.size();
    }
    // UTF-8 text as B encoded words, each sized to the room left on its line. A cut between two
    // encoded words comes after a space, which stays inside the first one (readers drop the white
    // space between encoded words, RFC 2047 §6.2); only a word that a whole line cannot hold is
    // cut inside, and never inside a character (§5: an encoded word holds whole characters).
    void encoded_words(std::string_view utf8) {
        size_t i = 0;
        while (i < utf8.size()) {
            // Room after the separating space, at most 75 (RFC 2047 §2).
            size_t room = col_ + 2 <= kMaxLine - 1 ? kMaxLine - 1 - (col_ + 1) : 0;
            if (room > 75) room = 75;
            if (room < 20 && !fresh_) {  // not even one character fits: next line
                fold();
                continue;
            }
            if (room < 20) room = 20;  // a very long field name: the line cannot be shorter
            size_t max_bytes = (room - 12) / 4 * 3;  // "=?UTF-8?B?" + "?=" is 12
            size_t end = utf8.size();
            if (end - i > max_bytes) {
                size_t space = utf8.rfind(' ', i + max_bytes - 1);
                if (space != std::string_view::npos && space >= i) {
                    end = space + 1;
                } else if (!fresh_) {  // the word may fit on a line of its own
                    fold();
                    continue;
                } else {
                    end = i;
                    while (end < utf8.size()) {
                        size_t len = sequence_length(static_cast<unsigned char>(utf8[end]));
                        if (end + len > utf8.size()) len = utf8.size() - end;
                        if (end + len - i > max_bytes && end > i) break;
                        end += len;
                    }
                }
            }
            token(encoded_word(utf8.substr(i, end - i)));
            i = end;
        }
    }
    std::string str() const { return out_; }

private:
    void fold() {
        out_ += "\r\n";
        col_ = 0;
        fresh_ = true;
    }
    std::string out_;
    size_t col_;
    bool fresh_ = true;  // nothing on this line yet but the field name or the fold
};

bool is_atext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool valid_addr_spec(std::string_view a) {
    size_t at = a.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= a.size()) return false;
    std::string_view local = a.substr(0, at), domain = a.substr(at + 1);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
    for (char c : local)
        if (!is_atext(c) && c != '.') return false;
    if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
    for (char c : domain)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            return false;
    return true;
}

bool is_atom(std::string_view word) {
    if (word.empty() || word.find("=?") != std::string_view::npos) return false;
    for (char c : word)
        if (!is_atext(c)) return false;
    return true;
}

std::string quoted_string(std::string_view text) {
    std::string q = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + '"';
}

// A display name as a phrase: atoms as they are, other ASCII as a quoted string, anything
// non-ASCII as encoded words. Python's email parser (3.11) keeps the white space between two
// encoded words of a phrase where RFC 2047 drops it, so a name is one encoded word when it fits
// in 75 characters; a longer one keeps its ASCII words as atoms or quoted strings between
// encoded words of the non-ASCII ones, so no two encoded words meet unless a run of non-ASCII
// words is itself too long for one (then they are cut after a space, as RFC 2047 wants).
void phrase(Folder& f, std::string_view name) {
    if (is_printable_ascii(name)) {
        bool atoms = name.find("  ") == std::string_view::npos && !name.empty() && name.front() != ' ' &&
                     name.back() != ' ';
        for (size_t i = 0; atoms && i < name.size();) {
            size_t sp = std::min(name.find(' ', i), name.size());
            atoms = is_atom(name.substr(i, sp - i));
            i = sp + 1;
        }
        if (!atoms) {
            f.token(quoted_string(name));
            return;
        }
        for (size_t i = 0; i < name.size();) {
            size_t sp = std::min(name.find(' ', i), name.size());
            f.token(name.substr(i, sp - i));
            i = sp + 1;
        }
        return;
    }
    if (std::string word = encoded_word(name); word.size() <= 75) {
        f.token(word);
        return;
    }
    if (name.find("  ") != std::string_view::npos || name.find('\t') != std::string_view::npos ||
        name.front() == ' ' || name.back() == ' ') {
        f.encoded_words(name);
        return;
    }
    // Runs of words of one kind: atoms, other printable ASCII, anything else.
    enum class Kind { Atom, Ascii, Other };
    auto kind = [](std::string_view w) {
        if (is_atom(w)) return Kind::Atom;
        return is_printable_ascii(w) ? Kind::Ascii : Kind::Other;
    };
    size_t i = 0;
    while (i < name.size()) {
        size_t end = std::min(name.find(' ', i), name.size());
        Kind k = kind(name.substr(i, end - i));
        if (k == Kind::Atom) {
            f.token(name.substr(i, end - i));
            i = end + 1;
            continue;
        }
        while (end < name.size()) {
            size_t next = std::min(name.find(' ', end + 1), name.size());
            if (kind(name.substr(end + 1, next - end - 1)) != k) break;
            end = next;
        }
        std::string_view run = name.substr(i, end - i);
        if (k == Kind::Ascii) f.token(quoted_string(run));
        else if (std::string word = encoded_word(run); word.size() <= 75) f.token(word);
        else f.encoded_words(run);
        i = end + 1;
    }
}

}  // namespace

std::string base64(std::string_view bytes, size_t line_length) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(bytes.size() / 3 * 4 + 4 + (line_length ? bytes.size() / line_length * 2 + 2 : 0));
    size_t col = 0;
    auto put = [&](char c) {
        if (line_length && col == line_length) {
            out += "\r\n";
            col = 0;
        }
        out += c;
        ++col;
    };
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        uint32_t v = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8) | uint8_t(bytes[i + 2]);
        put(alphabet[v >> 18]);
        put(alphabet[(v >> 12) & 63]);
        put(alphabet[(v >> 6) & 63]);
        put(alphabet[v & 63]);
    }
    if (size_t rest = bytes.size() - i) {
        uint32_t v = uint32_t(uint8_t(bytes[i])) << 16;
        if (rest == 2) v |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        put(alphabet[v >> 18]);
        put(alphabet[(v >> 12) & 63]);
        put(rest == 2 ? alphabet[(v >> 6) & 63] : '=');
        put('=');
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        bool last = nl == std::string_view::npos;
        std::string_view line = text.substr(pos, (last ? text.size() : nl) - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (last && line.empty()) break;  // text ended with a line end
        std::string enc_line;
        size_t col = 0;
        for (size_t i = 0; i < line.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(line[i]);
            bool at_end = i + 1 == line.size();
            bool encode = c == '=' || c < 0x20 || c > 0x7E;
            if (c == '\t') encode = at_end;
            if (c == ' ') encode = at_end;
            if (i == 0 && (c == '.' || (c == 'F' && line.substr(0, 5) == "From "))) encode = true;
            std::string piece = encode ? std::string{'=', hex[c >> 4], hex[c & 15]} : std::string(1, char(c));
            // Soft break so that no line passes 76 characters, counting the '=' it ends with.
            size_t limit = at_end ? 76 : 75;
            if (col + piece.size() > limit) {
                enc_line += "=\r\n";
                col = 0;
            }
            enc_line += piece;
            col += piece.size();
        }
        out += enc_line;
        out += "\r\n";
        if (last) break;
        pos = nl + 1;
    }
    return out;
}

std::string unstructured_header(std::string_view name, std::string_view value) {
    Folder f(name);
    bool plain = is_printable_ascii(value) && value.find("=?") == std::string_view::npos &&
                 value.find("  ") == std::string_view::npos && !value.empty() && value.front() != ' ' &&
                 value.back() != ' ';
    if (plain) {
        // Every word must fit on a continuation line, or the value is encoded instead.
        size_t i = 0;
        while (i < value.size()) {
            size_t sp = value.find(' ', i);
            if (sp == std::string_view::npos) sp = value.size();
            if (sp - i > kMaxLine - 2) plain = false;
            i = sp + 1;
        }
    }
    if (!plain) {
        f.encoded_words(value);
        return f.str();
    }
    size_t i = 0;
    while (i < value.size()) {
        size_t sp = value.find(' ', i);
        if (sp == std::string_view::npos) sp = value.size();
        f.token(value.substr(i, sp - i));
        i = sp + 1;
    }
    return f.str();
}

Address parse_address(std::string_view entry) {
    std::string e = trim(entry);
    size_t lt = e.rfind('<');
    if (lt != std::string::npos) {
        if (e.back() != '>') throw core::Error({}, core::trf("\"{}\" is not an e-mail address (expected Name <user@domain>)", {e}));
        std::string addr = e.substr(lt + 1, e.size() - lt - 2);
        std::string name = trim(std::string_view(e).substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
        if (!valid_addr_spec(addr)) throw core::Error({}, core::trf("\"{}\" is not an e-mail address (expected user@domain)", {addr}));
        return {name, addr};
    }
    if (e.find('@') != std::string::npos) {
        if (!valid_addr_spec(e)) throw core::Error({}, core::trf("\"{}\" is not an e-mail address (expected user@domain)", {e}));
        return {"", e};
    }
    if (e.empty()) throw core::Error({}, _("an empty address"));
    return {e, ""};
}

std::string address_header(std::string_view name, const std::vector<Address>& list) {
    Folder f(name);
    for (size_t i = 0; i < list.size(); ++i) {
        const Address& a = list[i];
        if (a.addr_spec.empty()) {  // a name without an address: an empty group
            phrase(f, a.display_name);
            f.token(":;");  // after white space: an encoded word must not touch the ':'

        } else {
            if (!a.display_name.empty()) phrase(f, a.display_name);
            f.token("<" + a.addr_spec + ">");
        }
        if (i + 1 < list.size()) f.glue(",");
    }
    return f.str();
}

std::string percent_encode(std::string_view utf8) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : utf8) {
        auto c = static_cast<unsigned char>(ch);
        // RFC 2231 attribute-char: any CHAR except SPACE, CTLs, "*", "'", "%" and tspecials.
        bool keep = c > 0x20 && c < 0x7F && std::string_view("*'%()<>@,;:\\\"/[]?=").find(char(c)) == std::string_view::npos;
        if (keep) out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string content_disposition(std::string_view utf8_name, std::string_view ascii_fallback) {
    std::string quoted = "\"";
    for (char c : ascii_fallback) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    // filename* first: readers that see a parameter twice keep the first (Python's email), and
    // the others prefer filename* anyway (RFC 6266 §4.3); filename= serves the rest.
    std::string out = "Content-Disposition: attachment;";
    std::string enc = percent_encode(utf8_name);
    std::string single = " filename*=UTF-8''" + enc + ";";
    if (single.size() <= kMaxLine) {
        out += "\r\n" + single;
    } else {
        // Continuations: " filename*N*=" + piece + ";" per line, each piece whole characters
        // (never a %XX triple cut, never a UTF-8 sequence split across two pieces).
        auto is_continuation = [&](size_t at) {
            if (enc[at] != '%') return false;
            char h = enc[at + 1];
            return h == '8' || h == '9' || h == 'A' || h == 'B';
        };
        size_t i = 0;
        for (int n = 0; i < enc.size(); ++n) {
            std::string head = " filename*" + std::to_string(n) + "*=" + (n == 0 ? "UTF-8''" : "");
            size_t room = kMaxLine - head.size() - 1;
            size_t end = i, good = i;
            while (end < enc.size()) {
                size_t len = enc[end] == '%' ? 3 : 1;
                if (end + len - i > room) break;
                end += len;
                if (end == enc.size() || !is_continuation(end)) good = end;
            }
            if (good == i) good = end;  // cannot happen with room for a 4-byte character
            out += "\r\n" + head + enc.substr(i, good - i) + ";";
            i = good;
        }
    }
    return out + "\r\n filename=" + quoted;
}

int64_t days_to_unix(int year, int month, int day) {
    // Howard Hinnant's days_from_civil.
    year -= month <= 2;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t yoe = year - era * 400;
    const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400;
}

std::string rfc5322_date(int64_t t) {
    static const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t day_number = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t secs = t - day_number * 86400;
    // civil_from_days
    int64_t z = day_number + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    int wd = static_cast<int>(((day_number % 7) + 7) % 7);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[wd], int(d), months[m - 1], int(y),
                  int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    return buf;
}

std::string build(const Message& m) {
    std::string out;
    auto line = [&](const std::string& s) { out += s + "\r\n"; };
    line(address_header("From", {m.from}));
    if (!m.to.empty()) line(address_header("To", m.to));
    if (!m.cc.empty()) line(address_header("Cc", m.cc));
    line(unstructured_header("Subject", m.subject));
    line("Date: " + rfc5322_date(m.date));
    line("Message-ID: <" + m.message_id + ">");
    line("MIME-Version: 1.0");
    line("Auto-Submitted: auto-generated");  // RFC 3834: no vacation replies to a robot
    line("Content-Type: multipart/mixed;\r\n boundary=\"" + m.boundary + "\"");
    line("");
    line("This is a MIME message: a text part, then the attached files.");
    line("");
    line("--" + m.boundary);
    line("Content-Type: text/plain; charset=utf-8");
    line("Content-Transfer-Encoding: quoted-printable");
    line("");
    out += quoted_printable(m.body);
    for (const Attachment& a : m.attachments) {
        line("--" + m.boundary);
        line("Content-Type: " + a.content_type);
        line("Content-Transfer-Encoding: base64");
        line(content_disposition(a.filename, a.ascii_filename));
        line("");
        std::string b = base64(a.bytes, 76);
        out += b;
        if (!b.empty()) out += "\r\n";
    }
    line("--" + m.boundary + "--");
    return out;
}

}  // namespace briefmake::batch::mime
