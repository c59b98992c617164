#include "batch/smtp.hpp"

#include <curl/curl.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/ascii.hpp"
#include "core/context.hpp"
#include "core/dynlib.hpp"
#include "core/i18n.hpp"

namespace briefmake::batch {

namespace {

// libcurl, and through it libssl, is loaded on the first message sent, not at start-up: linked
// in, its 25 dependent libraries (GnuTLS, Kerberos, LDAP, nghttp2, ...) cost every process about
// 12 M instructions of symbol resolution before main, for mail that most runs never send.
struct Curl {
    decltype(&curl_global_init) global_init = nullptr;
    decltype(&curl_easy_init) easy_init = nullptr;
    decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&curl_easy_setopt) easy_setopt = nullptr;
    decltype(&curl_easy_perform) easy_perform = nullptr;
    decltype(&curl_easy_strerror) easy_strerror = nullptr;
    decltype(&curl_slist_append) slist_append = nullptr;
    decltype(&curl_slist_free_all) slist_free_all = nullptr;
    decltype(&SSL_CTX_get_cert_store) ssl_ctx_get_cert_store = nullptr;  // libssl, libcurl's own
    std::string error;  // why libcurl could not be loaded; empty when it was
};

const Curl& curl_api() {
    static const Curl api = [] {
        Curl a;
        core::DynLib lib("libcurl.so.4");
        lib.bind(a.global_init, "curl_global_init");
        lib.bind(a.easy_init, "curl_easy_init");
        lib.bind(a.easy_cleanup, "curl_easy_cleanup");
        lib.bind(a.easy_setopt, "curl_easy_setopt");
        lib.bind(a.easy_perform, "curl_easy_perform");
        lib.bind(a.easy_strerror, "curl_easy_strerror");
        lib.bind(a.slist_append, "curl_slist_append");
        lib.bind(a.slist_free_all, "curl_slist_free_all");
        lib.bind(a.ssl_ctx_get_cert_store, "SSL_CTX_get_cert_store");  // libcurl's libssl
        a.error = lib.error();
        if (a.error.empty()) a.global_init(CURL_GLOBAL_DEFAULT);
        return a;
    }();
    return api;
}

std::string trim_crlf(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

int reply_code(const std::string& line) {
    if (line.size() < 3) return 0;
    for (int i = 0; i < 3; ++i)
        if (line[i] < '0' || line[i] > '9') return 0;
    return std::stoi(line.substr(0, 3));
}

// What the debug callback learns of the dialogue: the reply to each RCPT TO and to the end of
// the message. AUTH lines are never kept.
struct Dialogue {
    std::string last_command;      // "RCPT", "DATA", "END" (the message sent), "AUTH", ...
    std::string last_rcpt;         // the address of the last RCPT TO
    std::vector<std::pair<std::string, std::string>> rcpt_replies;  // address, final reply line
    std::string pending_reply;     // a multi-line reply so far
    std::string end_reply;         // the reply to the message's end
    std::string last_reply;        // the last complete reply to anything (for errors)
    std::string last_reply_command;
};

void on_reply_line(Dialogue& d, const std::string& line) {
    if (line.size() > 3 && line[3] == '-') {  // a continuation of a multi-line reply
        if (d.pending_reply.empty()) d.pending_reply = line.substr(0, 3) + " " + line.substr(4);
        return;
    }
    std::string reply = line;
    d.pending_reply.clear();
    d.last_reply = reply;
    d.last_reply_command = d.last_command;
    if (d.last_command == "RCPT") d.rcpt_replies.emplace_back(d.last_rcpt, reply);
    else if (d.last_command == "DATA" && reply_code(reply) == 354) d.last_command = "END";
    else if (d.last_command == "END") d.end_reply = reply;
}

int debug_callback(CURL*, curl_infotype type, char* data, size_t size, void* userp) {
    auto& d = *static_cast<Dialogue*>(userp);
    std::string text(data, size);
    if (type == CURLINFO_HEADER_OUT) {
        std::string cmd = text.substr(0, text.find(' '));
        cmd = trim_crlf(cmd.substr(0, cmd.find(':')));
        for (char& c : cmd) c = core::ascii_upper(c);
        if (cmd == "RCPT") {
            size_t a = text.find('<'), b = text.find('>');
            d.last_rcpt = a != std::string::npos && b != std::string::npos && b > a ? text.substr(a + 1, b - a - 1) : "";
        }
        // Anything after AUTH (the base64 login) is not a command worth a name.
        d.last_command = cmd == "RCPT" || cmd == "DATA" || cmd == "MAIL" || cmd == "EHLO" || cmd == "HELO" ||
                                 cmd == "STARTTLS" || cmd == "QUIT"
                             ? cmd
                             : "AUTH";
    } else if (type == CURLINFO_HEADER_IN) {
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            std::string line = trim_crlf(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (!line.empty()) on_reply_line(d, line);
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return 0;
}

struct Upload {
    const std::string* bytes;
    size_t at = 0;
};

size_t read_callback(char* buf, size_t size, size_t n, void* userp) {
    auto& u = *static_cast<Upload*>(userp);
    size_t len = std::min(size * n, u.bytes->size() - u.at);
    std::memcpy(buf, u.bytes->data() + u.at, len);
    u.at += len;
    return len;
}

// Adds the certificates of --smtp-ca to the store OpenSSL verifies with, beside the system's
// (CURLOPT_CAINFO would replace the system's bundle).
CURLcode add_ca_callback(CURL*, void* ssl_ctx, void* userp) {
    const std::string& pem = *static_cast<const std::string*>(userp);
    X509_STORE* store = curl_api().ssl_ctx_get_cert_store(static_cast<SSL_CTX*>(ssl_ctx));
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    if (!bio) return CURLE_SSL_CACERT_BADFILE;
    while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        X509_STORE_add_cert(store, cert);  // fails harmlessly for a certificate already there
        X509_free(cert);
    }
    ERR_clear_error();
    return CURLE_OK;
}

int count_certificates(const std::string& pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    int n = 0;
    while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        ++n;
        X509_free(cert);
    }
    ERR_clear_error();
    return n;
}

// netrc tokens: white-space separated, or "double quoted" with \" and \\ escapes.
std::vector<std::string> tokens(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        std::string t;
        if (text[i] == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                t += text[i];
            }
            ++i;
        } else {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) t += text[i++];
        }
        out.push_back(t);
    }
    return out;
}

}  // namespace

bool netrc_login(const std::string& text, const std::string& host, std::string& user, std::string& password) {
    auto t = tokens(text);
    bool in_match = false, found = false;
    std::string u, p, default_u, default_p;
    bool have_default = false, in_default = false;
    for (size_t i = 0; i < t.size(); ++i) {
        const std::string& w = t[i];
        if (w == "machine" && i + 1 < t.size()) {
            if (in_match) break;
            in_match = t[++i] == host;
            in_default = false;
            found = found || in_match;
        } else if (w == "default") {
            if (in_match) break;
            in_default = have_default = true;
        } else if (w == "macdef") {
            // A macro runs to an empty line; briefmake has no use for it.
            size_t pos = 0;
            for (size_t k = 0; k <= i; ++k) pos = text.find(t[k], pos) + t[k].size();
            size_t end = text.find("\n\n", pos);
            if (end == std::string::npos) break;
            auto rest = tokens(text.substr(end));
            t.erase(t.begin() + static_cast<long>(i) + 1, t.end());
            t.insert(t.end(), rest.begin(), rest.end());
        } else if ((w == "login" || w == "password") && i + 1 < t.size()) {
            std::string& into = w == "login" ? (in_match ? u : default_u) : (in_match ? p : default_p);
            if (in_match || in_default) into = t[i + 1];
            ++i;
        }
    }
    if (found) {
        user = u;
        password = p;
        return true;
    }
    if (have_default) {
        user = default_u;
        password = default_p;
        return true;
    }
    return false;
}

SmtpServer::SmtpServer(SmtpSettings settings) : settings_(std::move(settings)) {
    const std::string& url = settings_.url;
    std::string scheme, rest;
    if (url.rfind("smtp://", 0) == 0) scheme = "smtp", rest = url.substr(7);
    else if (url.rfind("smtps://", 0) == 0) scheme = "smtps", rest = url.substr(8);
    else throw OptionError(core::trf("--smtp: expected smtp://HOST[:PORT] or smtps://HOST[:PORT], got \"{}\"", {url}));
    while (!rest.empty() && rest.back() == '/') rest.pop_back();
    if (rest.empty() || rest.find_first_of("/@?#") != std::string::npos)
        throw OptionError(core::trf("--smtp: expected smtp://HOST[:PORT] or smtps://HOST[:PORT] (no login or path), "
                                    "got \"{}\"",
                                    {url}));
    std::string port = scheme == "smtp" ? "587" : "465";
    size_t colon = rest.rfind(':');
    if (rest.front() == '[') {  // [IPv6]:PORT
        size_t close = rest.find(']');
        if (close == std::string::npos) throw OptionError(core::trf("--smtp: unclosed [ in \"{}\"", {url}));
        host_ = rest.substr(1, close - 1);
        if (close + 1 < rest.size()) {
            if (rest[close + 1] != ':') throw OptionError(core::trf("--smtp: bad port in \"{}\"", {url}));
            port = rest.substr(close + 2);
        }
        rest = rest.substr(0, close + 1);
    } else if (colon != std::string::npos) {
        host_ = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        rest = host_;
    } else {
        host_ = rest;
    }
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) < 1 || std::stoi(port) > 65535)
        throw OptionError(core::trf("--smtp: expected a port 1 to 65535 in \"{}\"", {url}));
    url_ = scheme + "://" + rest + ":" + port;

    if (!settings_.ca_file.empty()) {
        try {
            ca_pem_ = core::read_file(settings_.ca_file);
        } catch (const std::exception&) {
            throw OptionError(core::trf("--smtp-ca: cannot read \"{}\"", {settings_.ca_file}));
        }
        if (count_certificates(ca_pem_) == 0)
            throw OptionError(core::trf("--smtp-ca: \"{}\" holds no PEM certificate", {settings_.ca_file}));
    }
    if (!settings_.credentials.empty()) {
        const std::string& f = settings_.credentials;
        struct stat st {};
        if (::stat(f.c_str(), &st) != 0) throw OptionError(core::trf("--smtp-credentials: cannot read \"{}\"", {f}));
        if (st.st_mode & 077) {
            char mode[8];
            std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
            throw OptionError(core::trf("--smtp-credentials: \"{1}\" can be read by others (mode {2}); it holds a "
                                        "password: chmod 600 {1}",
                                        {f, mode}));
        }
        std::string text;
        try {
            text = core::read_file(f);
        } catch (const std::exception&) {
            throw OptionError(core::trf("--smtp-credentials: cannot read \"{}\"", {f}));
        }
        if (!netrc_login(text, host_, user_, password_) || user_.empty())
            throw OptionError(core::trf("--smtp-credentials: \"{}\" has no \"machine {} login USER password PASS\" entry",
                                        {f, host_}));
    }
}

TransportResult SmtpServer::send(const std::string& from, const std::vector<std::string>& recipients,
                                 const std::string& message) const {
    const Curl& api = curl_api();
    TransportResult result;
    if (!api.error.empty()) {
        for (const auto& r : recipients) result.recipients.push_back({r, RecipientReply::Result::Pending, api.error});
        result.summary = api.error;
        return result;
    }
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(api.easy_init(), api.easy_cleanup);
    curl_slist* rcpt = nullptr;
    for (const auto& r : recipients) rcpt = api.slist_append(rcpt, ("<" + r + ">").c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt, api.slist_free_all);
    Dialogue d;
    Upload up{&message};
    char errbuf[CURL_ERROR_SIZE] = "";
    CURL* c = curl.get();
    api.easy_setopt(c, CURLOPT_URL, url_.c_str());
    api.easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    api.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    api.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_pem_.empty()) {
        api.easy_setopt(c, CURLOPT_SSL_CTX_FUNCTION, add_ca_callback);
        api.easy_setopt(c, CURLOPT_SSL_CTX_DATA, &ca_pem_);
    }
    if (!user_.empty()) {
        api.easy_setopt(c, CURLOPT_USERNAME, user_.c_str());
        api.easy_setopt(c, CURLOPT_PASSWORD, password_.c_str());
    }
    api.easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
    api.easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    api.easy_setopt(c, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);  // sic: curl 7.88's spelling
    api.easy_setopt(c, CURLOPT_UPLOAD, 1L);
    api.easy_setopt(c, CURLOPT_READFUNCTION, read_callback);
    api.easy_setopt(c, CURLOPT_READDATA, &up);
    api.easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    api.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout);
    api.easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout);
    api.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    api.easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    api.easy_setopt(c, CURLOPT_VERBOSE, 1L);  // for the debug callback only: it prints nothing
    api.easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_callback);
    api.easy_setopt(c, CURLOPT_DEBUGDATA, &d);
    CURLcode rc = api.easy_perform(c);

    std::string failure;
    if (rc != CURLE_OK) {
        failure = errbuf[0] ? std::string(errbuf) : api.easy_strerror(rc);
        // The server's last word (530 "Must issue a STARTTLS command first", 535 for a login it
        // refused: the reply, never our login); RCPT replies are given per recipient.
        if (!d.last_reply.empty() && d.last_reply_command != "RCPT" && failure.find(d.last_reply) == std::string::npos)
            failure += " (server: " + d.last_reply + ")";
    }
    const int end_code = reply_code(d.end_reply);
    for (const auto& r : recipients) {
        RecipientReply rr{r, RecipientReply::Result::Pending, ""};
        std::string rcpt_reply;
        for (const auto& [addr, reply] : d.rcpt_replies)
            if (addr == r) rcpt_reply = reply;
        const int rcpt_code = reply_code(rcpt_reply);
        if (rcpt_code >= 500) {
            rr.result = RecipientReply::Result::Refused;
            rr.reply = rcpt_reply;
        } else if (rcpt_code >= 400) {
            rr.reply = rcpt_reply;
        } else if (rcpt_code >= 200 && rcpt_code < 300 && rc == CURLE_OK && end_code >= 200 && end_code < 300) {
            rr.result = RecipientReply::Result::Accepted;
            rr.reply = d.end_reply;
        } else if (rcpt_code >= 200 && rcpt_code < 300 && end_code >= 500) {
            rr.result = RecipientReply::Result::Refused;  // the message itself refused for good
            rr.reply = d.end_reply;
        } else {
            rr.reply = !d.end_reply.empty() ? d.end_reply : failure.empty() ? std::string(_("no reply from the server")) : failure;
        }
        result.recipients.push_back(rr);
    }
    result.summary = rc == CURLE_OK ? d.end_reply : failure;
    return result;
}

}  // namespace briefmake::batch
