#include "batch/deliver.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "batch/files.hpp"
#include "core/atomic_file.hpp"
#include "batch/json.hpp"
#include "batch/mime.hpp"
#include "batch/report.hpp"
#include "batch/sendmail.hpp"
#include "batch/sha256.hpp"
#include "core/context.hpp"
#include "core/i18n.hpp"
#include "spec/spec.hpp"
#ifdef BRIEFMAKE_HAVE_SMIME
#include "batch/smime.hpp"
#endif

namespace briefmake::batch {

namespace fs = std::filesystem;

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool readable_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

std::string content_hash(const std::vector<std::pair<std::string, std::string>>& outputs) {
    Sha256 h;
    h.update("briefmake-delivery\n");
    for (const auto& [name, hash] : outputs) h.update(std::to_string(name.size()) + ":" + name + "=" + hash + "\n");
    return h.hex();
}

// DIR/ADDRESS.pem (as written, else in lower case); empty when there is none.
fs::path certificate_of(const std::string& dir, const std::string& address) {
    for (const std::string& name : {address, lower_ascii(address)}) {
        fs::path p = fs::path(dir) / (name + ".pem");
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return p;
    }
    return {};
}

// Signs and/or encrypts the message as the options and the policy ask. Missing certificates
// become refusals (nothing is sent to anyone).
std::string secure(const DeliveryConfig& cfg, const std::string& plain, bool encrypt, const MailFacts& facts,
                   std::vector<core::Diagnostic>& refusals) {
    const bool sign = !cfg.sign_cert.empty();
    if (!sign && !encrypt) return plain;
    std::vector<std::string> pems;
    if (encrypt) {
        const std::string why = facts.classification
                                    ? core::trf("a brief classified \"{}\" must be encrypted", {*facts.classification})
                                    : std::string(_("the message must be encrypted"));
        for (const auto& r : facts.recipients) {
            fs::path cert = cfg.recipient_certs.empty() ? fs::path() : certificate_of(cfg.recipient_certs, r.address);
            if (cert.empty()) {
                refusals.push_back({core::Severity::Error, r.loc,
                                    cfg.recipient_certs.empty()
                                        ? core::trf("{} and may not be e-mailed to {}: no certificate (no "
                                                    "--recipient-certs DIR given)",
                                                    {why, r.address})
                                        : core::trf("{} and may not be e-mailed to {}: no certificate {}",
                                                    {why, r.address,
                                                     (fs::path(cfg.recipient_certs) / (r.address + ".pem")).string()}),
                                    {}});
                continue;
            }
            pems.push_back(core::read_file(cert));
        }
        if (!refusals.empty()) return plain;
        // The sender reads its own copy: its signing certificate, else DIR/FROM.pem if there.
        fs::path own = cfg.recipient_certs.empty() ? fs::path() : certificate_of(cfg.recipient_certs, cfg.from);
        if (sign) pems.push_back(core::read_file(cfg.sign_cert));
        else if (!own.empty()) pems.push_back(core::read_file(own));
    }
#ifdef BRIEFMAKE_HAVE_SMIME
    std::string out = plain;
    if (sign) out = smime::sign(out, {cfg.sign_cert, cfg.sign_key});
    if (encrypt) out = smime::encrypt(out, pems);
    return out;
#else
    refusals.push_back({core::Severity::Error, facts.classification_loc,
                        _("the message must be signed or encrypted, but this briefmake is built without S/MIME"), {}});
    return plain;
#endif
}

const char* kStatus[] = {"pending", "sent", "refused-by-policy", "not-requested"};

// The attempts, as the record and the manifest both list them.
json::Value attempts_json(const std::vector<DeliveryAttempt>& attempts) {
    json::Value list = json::Value::array();
    for (const auto& a : attempts) {
        json::Value o = json::Value::object();
        o["time"] = a.time;
        o["transport"] = a.transport;
        o["result"] = a.result;
        list.push_back(std::move(o));
    }
    return list;
}

}  // namespace

std::string DeliveryConfig::transport() const { return smtp ? smtp->url() : "sendmail " + sendmail; }

DeliveryConfig make_delivery_config(const DeliveryOptions& opt, const std::string& from_addr) {
    DeliveryConfig cfg;
    if (!opt.smtp.empty() && !opt.sendmail.empty()) throw OptionError(_("--smtp and --sendmail exclude each other"));
    if (opt.smtp.empty() && (!opt.smtp_ca.empty() || !opt.smtp_credentials.empty()))
        throw OptionError(_("--smtp-ca and --smtp-credentials need --smtp URL"));
    if (!opt.smtp.empty()) cfg.smtp.emplace(SmtpSettings{opt.smtp, opt.smtp_ca, opt.smtp_credentials});
    cfg.sendmail = opt.sendmail;
    if (!opt.sendmail.empty() && ::access(opt.sendmail.c_str(), X_OK) != 0)
        throw OptionError(core::trf("--sendmail: \"{}\" is not a program that can be run", {opt.sendmail}));
    if (opt.sign_cert.empty() != opt.sign_key.empty()) throw OptionError(_("--sign-cert and --sign-key go together"));
    for (const auto& [name, file] : {std::pair{"--sign-cert", opt.sign_cert}, {"--sign-key", opt.sign_key}})
        if (!file.empty() && !readable_file(file)) throw OptionError(core::trf("{}: cannot read \"{}\"", {name, file}));
    if (!opt.recipient_certs.empty()) {
        std::error_code ec;
        if (!fs::is_directory(opt.recipient_certs, ec))
            throw OptionError(core::trf("--recipient-certs: \"{}\" is not a folder", {opt.recipient_certs}));
    }
#ifndef BRIEFMAKE_HAVE_SMIME
    if (!opt.sign_cert.empty() || !opt.recipient_certs.empty())
        throw OptionError(_("--sign-cert and --recipient-certs: this briefmake is built without S/MIME"));
#endif
    cfg.sign_cert = opt.sign_cert;
    cfg.sign_key = opt.sign_key;
    cfg.recipient_certs = opt.recipient_certs;
    if (!opt.policy.empty()) {
        if (!readable_file(opt.policy)) throw OptionError(core::trf("--policy: cannot read \"{}\"", {opt.policy}));
        cfg.policy = read_policy(opt.policy);
    }
    cfg.from = from_addr;
    cfg.run_time = utc_now();
    return cfg;
}

MailFacts mail_facts(const spec::Brief& b) {
    MailFacts f;
    f.classification_loc = {b.file.string(), 0, 0};
    if (b.classification) {
        f.classification = b.classification->value;
        f.classification_loc = b.classification->loc;
    }
    if (!b.distribution) return f;
    auto add = [&](const std::vector<std::string>& list, const std::vector<core::SourceLoc>& locs) {
        for (size_t i = 0; i < list.size(); ++i) {
            mime::Address a;
            try {
                a = mime::parse_address(list[i]);
            } catch (const core::Error&) {
                continue;  // the render reports it
            }
            if (a.addr_spec.empty()) continue;
            bool seen = std::any_of(f.recipients.begin(), f.recipients.end(),
                                    [&](const Recipient& r) { return lower_ascii(r.address) == lower_ascii(a.addr_spec); });
            if (!seen) f.recipients.push_back({a.addr_spec, i < locs.size() ? locs[i] : f.classification_loc});
        }
    };
    add(b.distribution->to, b.distribution->to_locs);
    add(b.distribution->cc, b.distribution->cc_locs);
    return f;
}

fs::path delivery_path(const fs::path& dir, const std::string& stem) { return dir / ("." + stem + ".briefmake-delivery"); }

std::string to_json(const DeliveryRecord& r) {
    json::Value v = json::Value::object();
    v["content"] = r.content;
    v["outputs"] = json::Value::array();
    for (const auto& [name, hash] : r.outputs) {
        json::Value o = json::Value::object();
        o["name"] = name;
        o["sha256"] = hash;
        v["outputs"].push_back(std::move(o));
    }
    v["message_id"] = r.message_id;
    v["eml_sha256"] = r.eml_sha256;
    v["status"] = r.status;
    v["errors"] = r.errors;  // an array of strings
    v["recipients"] = json::Value::array();
    for (const auto& x : r.recipients) {
        json::Value o = json::Value::object();
        o["address"] = x.address;
        o["state"] = x.state;
        o["reply"] = x.reply;
        v["recipients"].push_back(std::move(o));
    }
    v["attempts"] = attempts_json(r.attempts);
    v["delivered"] = r.delivered;
    return json::dump(std::move(v));
}

std::optional<DeliveryRecord> parse_delivery(const std::string& text) {
    auto v = json::parse(text);
    if (!v || !v->is_object()) return std::nullopt;
    DeliveryRecord r;
    auto content = json::get_string(*v, "content"), id = json::get_string(*v, "message_id"),
         eml = json::get_string(*v, "eml_sha256"), status = json::get_string(*v, "status"),
         delivered = json::get_string(*v, "delivered");
    auto array = [&](const char* key) -> const json::Value* {
        auto it = v->find(key);
        return it != v->end() && it->is_array() ? &*it : nullptr;
    };
    const json::Value *outputs = array("outputs"), *errors = array("errors"), *recipients = array("recipients"),
                      *attempts = array("attempts");
    if (!content || !id || !eml || !status || !delivered || !outputs || !errors || !recipients || !attempts)
        return std::nullopt;
    if (std::find(std::begin(kStatus), std::end(kStatus), *status) == std::end(kStatus)) return std::nullopt;
    r.content = *content;
    r.message_id = *id;
    r.eml_sha256 = *eml;
    r.status = *status;
    r.delivered = *delivered;
    for (const auto& o : *outputs) {
        auto name = json::get_string(o, "name"), hash = json::get_string(o, "sha256");
        if (!name || !hash) return std::nullopt;
        r.outputs.emplace_back(*name, *hash);
    }
    for (const auto& e : *errors) {
        if (!e.is_string()) return std::nullopt;
        r.errors.push_back(e.get<std::string>());
    }
    for (const auto& x : *recipients) {
        auto address = json::get_string(x, "address"), state = json::get_string(x, "state"),
             reply = json::get_string(x, "reply");
        if (!address || !state || !reply || (*state != "pending" && *state != "accepted" && *state != "refused"))
            return std::nullopt;
        r.recipients.push_back({*address, *state, *reply});
    }
    for (const auto& a : *attempts) {
        auto time = json::get_string(a, "time"), transport = json::get_string(a, "transport"),
             result = json::get_string(a, "result");
        if (!time || !transport || !result) return std::nullopt;
        r.attempts.push_back({*time, *transport, *result});
    }
    return r;
}

std::optional<DeliveryRecord> read_delivery(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    try {
        return parse_delivery(core::read_file(file));
    } catch (const core::Error&) {
        return std::nullopt;
    }
}

bool delivery_wants_render(const fs::path& record_file) {
    auto r = read_delivery(record_file);
    return r && r->status == "refused-by-policy";
}

PreparedMail prepare_delivery(const DeliveryConfig& cfg, const MailFacts& facts, const fs::path& record_file,
                              const fs::path& eml_file, const std::string& plain_eml, const std::string& message_id,
                              const std::vector<std::pair<std::string, std::string>>& plain_outputs) {
    PreparedMail out;
    const std::string content = content_hash(plain_outputs);
    std::optional<DeliveryRecord> old = read_delivery(record_file);
    if (old && old->content == content && old->status != "refused-by-policy") {
        // Already delivered (or pending) for this content: the .eml stays what was (or will be)
        // sent. It is only made again when it is gone or was changed.
        auto on_disk = sha256_file(eml_file);
        if (on_disk && *on_disk == old->eml_sha256) {
            out.eml = core::read_file(eml_file);
            return out;
        }
        std::vector<core::Diagnostic> refusals;
        PolicyVerdict verdict = judge(cfg.policy, facts.classification, facts.classification_loc, facts.recipients);
        out.eml = secure(cfg, plain_eml, verdict.encrypt, facts, refusals);
        if (refusals.empty()) {
            old->eml_sha256 = sha256_hex(out.eml);
            out.record = old;
            return out;
        }
        // A certificate went missing since: judged again below as new content.
    }
    DeliveryRecord r;
    r.content = content;
    r.outputs = plain_outputs;
    r.message_id = message_id;
    PolicyVerdict verdict = judge(cfg.policy, facts.classification, facts.classification_loc, facts.recipients);
    std::vector<core::Diagnostic> refusals = verdict.refusals;
    out.eml = refusals.empty() ? secure(cfg, plain_eml, verdict.encrypt, facts, refusals) : plain_eml;
    if (!refusals.empty()) out.eml = plain_eml;
    r.eml_sha256 = sha256_hex(out.eml);
    for (const auto& x : facts.recipients) r.recipients.push_back({x.address, "pending", ""});
    if (!refusals.empty()) {
        r.status = "refused-by-policy";
        for (const auto& d : refusals) r.errors.push_back(core::format(d));
    } else {
        r.status = r.recipients.empty() ? "not-requested" : "pending";
    }
    out.record = std::move(r);
    return out;
}

DeliveryReport deliver_pending(const DeliveryConfig& cfg, const fs::path& record_file, const fs::path& eml_file,
                               const std::string& source, Reporter& report) {
    DeliveryReport rep;
    std::optional<DeliveryRecord> rec = read_delivery(record_file);
    if (!rec) {
        rep.status = "unchanged";  // rendered before delivery was asked for: not sent again
        return rep;
    }
    rep.message_id = rec->message_id;
    auto finish = [&](std::string status) {
        rep.status = std::move(status);
        rep.recipients = rec->recipients;
        rep.attempts = rec->attempts;
        return rep;
    };
    auto fail = [&](const std::string& text) {
        rep.errors.push_back(text);
        rep.failed = true;
        report.error(text);
    };
    if (rec->status == "refused-by-policy") {
        for (const auto& e : rec->errors) fail(e);
        finish("refused-by-policy");
        for (auto& x : rep.recipients)
            x = {x.address, "refused-by-policy", _("not sent: the delivery policy refuses this brief")};
        return rep;
    }
    if (rec->status == "not-requested") return finish("not-requested");
    std::vector<std::string> pending;
    for (const auto& x : rec->recipients)
        if (x.state == "pending") pending.push_back(x.address);
    if (pending.empty()) return finish("unchanged");

    std::string message;
    std::string why_not;
    try {
        message = core::read_file(eml_file);
        if (sha256_hex(message) != rec->eml_sha256)
            why_not = core::trf("{} is not the message recorded for delivery (it was changed); run with --force",
                                {eml_file.string()});
    } catch (const core::Error& e) {
        why_not = core::format(e.diagnostic());
    }
    if (!why_not.empty()) {
        fail(source + ": error: " + core::trf("not delivered: {}", {why_not}));
        return finish("pending");
    }
    report.log(core::trf("{}: delivering {} to {} recipient(s) through {}",
                         {source, eml_file.filename().string(), std::to_string(pending.size()), cfg.transport()}));
    TransportResult res = cfg.smtp ? cfg.smtp->send(cfg.from, pending, message) : sendmail_send(cfg.sendmail, pending, message);

    bool any_accepted = false;
    for (const auto& rr : res.recipients) {
        for (auto& x : rec->recipients) {
            if (x.address != rr.address) continue;
            x.reply = rr.reply;
            if (rr.result == RecipientReply::Result::Accepted) x.state = "accepted", any_accepted = true;
            else if (rr.result == RecipientReply::Result::Refused) x.state = "refused";
        }
    }
    rec->attempts.push_back({cfg.run_time, cfg.transport(), res.summary});
    bool still_pending = std::any_of(rec->recipients.begin(), rec->recipients.end(), [](auto& x) { return x.state == "pending"; });
    rec->status = still_pending ? "pending" : "sent";
    if (any_accepted) rec->delivered = cfg.run_time;
    try {
        core::write_atomically({{record_file, to_json(*rec)}});  // at once: a kill after this sends nothing twice
    } catch (const core::Error& e) {
        fail(core::format(e.diagnostic()));
    }
    for (const auto& x : rec->recipients) {
        bool now = std::find(pending.begin(), pending.end(), x.address) != pending.end();
        if (!now) continue;
        if (x.state == "refused")
            fail(source + ": error: " + core::trf("{} refused {}: {}", {x.address, eml_file.filename().string(), x.reply}));
        else if (x.state == "pending")
            fail(source + ": error: " +
                 core::trf("{} not yet delivered to {} ({}); the next run tries again",
                           {eml_file.filename().string(), x.address, x.reply}));
    }
    // "sent" also when a recipient refused it for good: it is reported, and not tried again.
    return finish(still_pending ? "pending" : "sent");
}

DeliveryReport check_delivery(const DeliveryConfig& cfg, const MailFacts& facts, const std::string& source,
                              const std::string& eml_name, Reporter& report) {
    DeliveryReport rep;
    PolicyVerdict v = judge(cfg.policy, facts.classification, facts.classification_loc, facts.recipients);
    std::vector<core::Diagnostic> refusals = v.refusals;
    if (refusals.empty() && v.encrypt) {
        for (const auto& r : facts.recipients)
            if (cfg.recipient_certs.empty() || certificate_of(cfg.recipient_certs, r.address).empty())
                refusals.push_back({core::Severity::Error, r.loc,
                                    core::trf("the message must be encrypted and may not be e-mailed to {}: no "
                                              "certificate for that address",
                                              {r.address}),
                                    {}});
    }
    for (const auto& r : facts.recipients) rep.recipients.push_back({r.address, refusals.empty() ? "would-send" : "not-sent", ""});
    if (!refusals.empty()) {
        for (const auto& d : refusals) {
            rep.errors.push_back(core::format(d));
            report.error(rep.errors.back());
        }
        rep.failed = true;
        rep.status = "refused-by-policy";
        return rep;
    }
    if (facts.recipients.empty()) {
        rep.status = "not-requested";
        return rep;
    }
    std::string list;
    for (const auto& r : facts.recipients) list += (list.empty() ? "" : ", ") + r.address;
    report.notice(v.encrypt ? core::trf("{}: would send {} (encrypted) to {} through {}",
                                        {source, eml_name, list, cfg.transport()})
                            : core::trf("{}: would send {} to {} through {}", {source, eml_name, list, cfg.transport()}));
    rep.status = "would-send";
    return rep;
}

json::Value delivery_json(const DeliveryReport& r) {
    json::Value v = json::Value::object();
    v["status"] = r.status;
    if (!r.message_id.empty()) v["message_id"] = r.message_id;
    v["recipients"] = json::Value::array();
    for (const auto& x : r.recipients) {
        json::Value o = json::Value::object();
        o["address"] = x.address;
        o["state"] = x.state;
        if (!x.reply.empty()) o["reply"] = x.reply;
        v["recipients"].push_back(std::move(o));
    }
    v["attempts"] = attempts_json(r.attempts);
    if (!r.errors.empty()) {
        v["errors"] = r.errors;
    }
    return v;
}

}  // namespace briefmake::batch
