#include "batch/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "batch/files.hpp"
#include "batch/json.hpp"
#include "batch/mime.hpp"
#include "batch/names.hpp"
#include "batch/report.hpp"
#include "batch/sha256.hpp"
#include "batch/state.hpp"
#include "core/atomic_file.hpp"
#include "core/context.hpp"
#include "core/i18n.hpp"
#include "deflate/deflate.hpp"
#include "render/render.hpp"
#include "spec/reader.hpp"
#include "text/date_range.hpp"
#include "text/text.hpp"
#include "text/translit.hpp"

namespace briefmake::batch {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPdfType = "application/pdf";
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

struct OutputFile {
    fs::path path;
    int64_t bytes = 0;
    std::string sha256;
    bool has_pages = false;  // PDF and DOCX (the layout's page count); not the .eml
};

// What happened to one brief: a manifest entry.
struct Outcome {
    std::string source;
    Status status = Status::Failed;
    std::string error;   // failed: "file:line:col: error: message"
    std::vector<std::string> warnings;  // "file:line:col: warning: message", as printed with -v
    std::vector<OutputFile> outputs;
    int pages = 0;
    bool has_distribution = false;
    std::vector<std::string> to, cc;
    std::string subject;
    int64_t ms = 0;
    MailFacts mail;           // --check with a transport: what delivery would judge
    DeliveryReport delivery;  // the manifest's "delivery"
};

struct Job {
    fs::path brief;
    fs::path dir;  // output folder
    std::string stem;
    std::string conflict;  // non-empty: another brief writes the same outputs
};

// Everything the workers share; all of it is read-only or thread-safe.
struct Shared {
    const Options& opt;
    render::Request base;
    core::Context ctx;  // without a warning sink: each job sets its own
    fonts::FontSet fonts;
    render::TemplateCache templates;
    HashCache hashes;
    NamePattern pattern;
    mime::Address from;
    std::string options_text;
    Reporter& report;
    const DeliveryConfig* delivery = nullptr;  // --smtp / --sendmail
};

std::vector<std::string> output_names(const Options& opt, const std::string& stem) {
    std::vector<std::string> names;
    if (opt.want_pdf) names.push_back(stem + ".pdf");
    if (opt.want_docx) names.push_back(stem + ".docx");
    if (opt.eml) names.push_back(stem + ".eml");
    return names;
}

// A file name made safe for the quoted ASCII filename= parameter.
std::string ascii_file_name(const std::string& utf8) {
    std::string a = text::to_ascii(utf8);
    for (char& c : a)
        if (c == '"' || c == '\\') c = '_';
    return a;
}

// The plain-text part: title, meeting, date (and place), classification.
std::string mail_body(const spec::Brief& b) {
    std::string body = b.title.value + "\n";
    if (b.subtitle) body += b.subtitle->value + "\n";
    body += "\n" + b.meeting.name.value + "\n";
    const auto& m = b.meeting;
    const spec::Date& last = m.end_date ? *m.end_date : m.date;
    std::string when = text::format_date_range(m.date.year, m.date.month, m.date.day, last.year, last.month,
                                               last.day, b.language);
    if (m.location) when += ", " + m.location->value;
    body += when + "\n";
    if (b.classification) body += "\n" + b.classification->value + "\n";
    return body;
}

// The .eml for a rendered brief: deterministic (date from the files' date, Message-ID and
// boundary from the content hash).
std::string make_eml(const Shared& sh, const spec::Brief& b, const Job& job, const render::Result& r,
                     const std::vector<mime::Address>& to, const std::vector<mime::Address>& cc,
                     const std::string& subject, std::string* message_id = nullptr) {
    mime::Message m;
    m.from = sh.from;
    m.to = to;
    m.cc = cc;
    m.subject = subject;
    // The same date the PDF and DOCX metadata carry (doc/merge.cpp): SOURCE_DATE_EPOCH, else
    // the edition, else the meeting date, at noon UTC.
    if (sh.ctx.source_date_epoch) {
        m.date = *sh.ctx.source_date_epoch;
    } else {
        const spec::Date& d = b.edition ? *b.edition : b.meeting.date;
        m.date = mime::days_to_unix(d.year, d.month, d.day) + 12 * 3600;
    }
    m.body = mail_body(b);
    if (!r.changes.empty()) {
        m.body += "\n" + r.changes.front() + "\n";
        for (size_t i = 1; i < r.changes.size(); ++i) m.body += "- " + r.changes[i] + "\n";
    }
    std::string base = sh.pattern.expand(b, job.stem);
    std::string shown = sh.opt.ascii_names ? text::to_ascii(base) : base;
    std::string fallback = ascii_file_name(base);
    if (sh.opt.want_pdf) m.attachments.push_back({shown + ".pdf", fallback + ".pdf", kPdfType, r.pdf});
    if (sh.opt.want_docx) m.attachments.push_back({shown + ".docx", fallback + ".docx", kDocxType, r.docx});

    Sha256 h;
    h.update("briefmake-eml\n");
    for (const auto& a : m.attachments) h.update(a.filename + "\n" + sha256_hex(a.bytes) + "\n");
    h.update(subject + "\n" + m.body + "\n" + std::to_string(m.date) + "\n");
    for (const auto& a : to) h.update("to:" + a.display_name + "<" + a.addr_spec + ">\n");
    for (const auto& a : cc) h.update("cc:" + a.display_name + "<" + a.addr_spec + ">\n");
    std::string digest = h.hex();
    std::string domain = sh.from.addr_spec.substr(sh.from.addr_spec.rfind('@') + 1);
    m.message_id = digest.substr(0, 32) + ".briefmake@" + domain;
    m.boundary = "=_briefmake_" + digest.substr(32, 32);
    if (message_id) *message_id = "<" + m.message_id + ">";
    return mime::build(m);
}

// "FILE: error: MESSAGE", the form every located error takes (core::format).
std::string error_text(const std::string& file, const std::string& message) {
    core::Diagnostic d;
    d.loc.file = file;
    d.message = message;
    return core::format(d);
}

// To stderr (on a terminal or with -v) and into the manifest, which a nightly workflow reads
// whatever the terminal.
void report_warnings(Reporter& report, const core::WarningSink& w, Outcome& out) {
    for (const auto& d : w.items()) {
        out.warnings.push_back(core::format(d));
        report.warning(out.warnings.back());
    }
}

Outcome process(Shared& sh, const Job& job) {
    const Options& opt = sh.opt;
    Outcome out;
    out.source = job.brief.string();
    auto started = std::chrono::steady_clock::now();
    auto done = [&](Status status) {
        out.status = status;
        out.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        return out;
    };
    auto fail = [&](std::string text) {
        out.error = std::move(text);
        sh.report.error(out.error);
        return done(Status::Failed);
    };
    if (!job.conflict.empty()) return fail(error_text(out.source, job.conflict));

    const std::vector<std::string> names = output_names(opt, job.stem);
    const fs::path state_file = state_path(job.dir, job.stem);
    if (!opt.check && !opt.force) {
        std::string reason = _("not rendered before");
        std::error_code ec;
        if (fs::exists(state_file, ec)) {
            std::optional<State> s;
            try {
                s = parse_state(core::read_file(state_file));
            } catch (const core::Error&) {
            }
            if (!s) reason = _("its state file is damaged or of an older shape");
            else reason = stale_reason(*s, job.dir, core::version_and_build(), sh.options_text, names, sh.hashes);
            if (reason.empty() && sh.delivery && delivery_wants_render(delivery_path(job.dir, job.stem)))
                reason = _("its delivery was refused by the policy: judged again");
            if (reason.empty()) {
                for (const auto& o : s->outputs)
                    out.outputs.push_back({job.dir / o.name, o.bytes, o.sha256, !o.name.ends_with(".eml")});
                out.pages = s->pages;
                out.has_distribution = true;
                out.to = s->to;
                out.cc = s->cc;
                out.subject = s->subject;
                out.warnings = s->warnings;  // not printed again: they were when it rendered
                return done(Status::Skipped);
            }
        }
        sh.report.log(core::trf("{}: rendering ({})", {out.source, reason}));
    }

    core::WarningSink warnings;
    try {
        core::Context ctx = sh.ctx;
        ctx.warnings = &warnings;
        render::Request req = sh.base;
        req.brief = job.brief;
        editions_for(opt, job.dir, job.stem, req);
        render::Result r = render::render(req, sh.fonts, ctx);
        const spec::Brief& brief = r.brief;  // as the render read it: the brief is parsed once
        out.has_distribution = true;
        if (brief.distribution) {
            out.to = brief.distribution->to;
            out.cc = brief.distribution->cc;
        }
        out.subject = brief.distribution && brief.distribution->subject ? *brief.distribution->subject : brief.title.value;
        std::vector<mime::Address> to, cc;
        if (opt.eml && !opt.check) {
            try {
                for (const auto& e : out.to) to.push_back(mime::parse_address(e));
                for (const auto& e : out.cc) cc.push_back(mime::parse_address(e));
            } catch (const core::Error& e) {
                throw core::Error({out.source, 0, 0}, core::trf("distribution: {}", {e.diagnostic().message}));
            }
            if (std::none_of(to.begin(), to.end(), [](auto& a) { return !a.addr_spec.empty(); }) &&
                std::none_of(cc.begin(), cc.end(), [](auto& a) { return !a.addr_spec.empty(); }))
                warnings.warn({out.source, 0, 0},
                              core::trf("distribution has no e-mail address; {}.eml names its recipients but cannot "
                                        "be sent as it is",
                                        {job.stem}));
        }
        report_warnings(sh.report, warnings, out);
        out.pages = r.pages;
        if (opt.check) {
            if (sh.delivery) out.mail = mail_facts(brief);
            return done(Status::Checked);
        }

        std::vector<std::pair<fs::path, std::string>> files;
        if (opt.want_pdf) files.emplace_back(job.dir / names[files.size()], r.pdf);
        if (opt.want_docx) files.emplace_back(job.dir / names[files.size()], r.docx);
        std::string message_id;
        if (opt.eml)
            files.emplace_back(job.dir / names[files.size()], make_eml(sh, brief, job, r, to, cc, out.subject, &message_id));
        std::optional<DeliveryRecord> delivery;
        if (sh.delivery) {
            std::vector<std::pair<std::string, std::string>> plain;
            for (const auto& [path, bytes] : files) plain.emplace_back(path.filename().string(), sha256_hex(bytes));
            PreparedMail mail = prepare_delivery(*sh.delivery, mail_facts(brief), delivery_path(job.dir, job.stem),
                                                 files.back().first, files.back().second, message_id, plain);
            files.back().second = std::move(mail.eml);  // the outbox copy: what is sent
            delivery = std::move(mail.record);
        }

        State state;
        state.version = core::version_and_build();
        state.options = sh.options_text;
        std::set<std::string> seen;
        for (const auto& in : r.inputs) {
            std::string path = fs::absolute(in).lexically_normal().string();
            if (!seen.insert(path).second) continue;
            state.inputs.emplace_back(path, sh.hashes.get(path).value_or(""));
        }
        for (const auto& [path, bytes] : files) {
            std::string hash = sha256_hex(bytes);
            state.outputs.push_back({path.filename().string(), static_cast<int64_t>(bytes.size()), hash});
            out.outputs.push_back({path, static_cast<int64_t>(bytes.size()), hash, !path.string().ends_with(".eml")});
        }
        state.pages = r.pages;
        state.to = out.to;
        state.cc = out.cc;
        state.subject = out.subject;
        state.warnings = out.warnings;
        state.edition = r.edition;
        // The base moves only when the content changes: a rerun of the same content keeps it.
        state.edition_base = r.compared_with.value_or("");
        // Outputs first, then the delivery they call for, then the state that vouches for them: a
        // kill in between leaves a state whose output hashes do not match, so the next run renders
        // again (and a message is never forgotten once its brief counts as up to date).
        core::write_atomically(files);
        if (delivery) core::write_atomically({{delivery_path(job.dir, job.stem), to_json(*delivery)}});
        core::write_atomically({{state_file, to_json(state)}});
        return done(Status::Rendered);
    } catch (const core::Error& e) {
        report_warnings(sh.report, warnings, out);
        core::Diagnostic d = e.diagnostic();
        if (d.loc.file.empty()) d.loc.file = out.source;
        out.outputs.clear();
        return fail(core::format(d));
    } catch (const std::exception& e) {
        // Not a failure the brief can cause (every such one is a core::Error with its place):
        // out of memory, or a library (ICU, OpenSSL) failing. Still reported against the brief.
        report_warnings(sh.report, warnings, out);
        out.outputs.clear();
        return fail(error_text(out.source, e.what()));
    }
}

}  // namespace

void editions_for(const Options& opt, const fs::path& dir, const std::string& stem, render::Request& req) {
    // The last edition, from the state beside the outputs, even when forced or stale (its
    // canonical form is all that counts). A damaged state or one without an edition makes this
    // the first edition.
    req.changes = opt.changes;
    if (!opt.since.empty()) req.since = fs::path(opt.since);
    if (opt.check || !opt.changes || !opt.since.empty()) return;
    const fs::path state_file = state_path(dir, stem);
    std::error_code ec;
    if (!fs::exists(state_file, ec)) return;
    try {
        if (auto s = parse_state(core::read_file(state_file)); s && !s->edition.empty()) {
            req.previous_edition = s->edition;
            if (!s->edition_base.empty()) req.base_edition = s->edition_base;
        }
    } catch (const core::Error&) {
    }
}

fs::path output_dir_for(const Options& opt, const fs::path& brief) {
    fs::path dir = opt.output_dir.empty() ? brief.parent_path() : fs::path(opt.output_dir);
    return dir.empty() ? fs::path(".") : dir;
}

namespace {

std::string manifest_json(const std::vector<Outcome>& outcomes) {
    constexpr Status kAll[] = {Status::Rendered, Status::Skipped, Status::Checked, Status::Failed};
    json::Value m = json::Value::object();
    m["briefmake"] = core::version();
    m["counts"] = json::Value::object();
    for (Status st : kAll)
        m["counts"][name(st)] = std::count_if(outcomes.begin(), outcomes.end(), [&](const Outcome& o) { return o.status == st; });
    m["briefs"] = json::Value::array();
    for (const auto& o : outcomes) {
        json::Value b = json::Value::object();
        b["source"] = o.source;
        b["status"] = name(o.status);
        if (o.status == Status::Failed) b["error"] = o.error;
        b["warnings"] = o.warnings;  // arrays of strings, empty or not
        b["outputs"] = json::Value::array();
        for (const auto& f : o.outputs) {
            json::Value file = json::Value::object();
            file["path"] = f.path.string();
            file["bytes"] = f.bytes;
            file["sha256"] = f.sha256;
            if (f.has_pages) file["pages"] = o.pages;
            b["outputs"].push_back(std::move(file));
        }
        if (o.has_distribution) {
            b["distribution"] = json::Value::object();
            b["distribution"]["to"] = o.to;
            b["distribution"]["cc"] = o.cc;
            b["distribution"]["subject"] = o.subject;
        } else {
            b["distribution"] = nullptr;
        }
        b["delivery"] = delivery_json(o.delivery);
        b["ms"] = o.ms;
        m["briefs"].push_back(std::move(b));
    }
    return json::dump(std::move(m));
}

std::string options_text(const Options& opt, const core::Context& ctx) {
    // Length-prefixed values: no value can imitate another field.
    std::string s;
    auto field = [&](const char* k, const std::string& v) { s += std::string(k) + "=" + std::to_string(v.size()) + ":" + v + ";"; };
    field("pdf", opt.want_pdf ? "1" : "0");
    field("docx", opt.want_docx ? "1" : "0");
    field("template", opt.template_override ? "1" + *opt.template_override : "0");
    field("pdfa", opt.pdfa ? "1" : "0");
    if (opt.reference_doc) field("reference-doc", fs::absolute(*opt.reference_doc).lexically_normal().string());
    std::string allow;
    for (const auto& a : ctx.allowed_roots) allow += a.string() + "\n";
    field("allow", allow);
    field("source_date_epoch", ctx.source_date_epoch ? std::to_string(*ctx.source_date_epoch) : "");
    field("changes", opt.changes ? "1" : "0");
    field("since", opt.since.empty() ? "" : fs::absolute(opt.since).lexically_normal().string());
    field("eml", opt.eml ? "1" : "0");
    if (opt.eml) {
        field("from", opt.from);
        field("name", opt.name_pattern);
        field("ascii_names", opt.ascii_names ? "1" : "0");
    }
    return s;
}

}  // namespace

std::vector<std::string> collect_briefs(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec)) {
                auto ext = it->path().extension();
                if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

// The last line on a terminal: what was written where, what was up to date, what failed.
// "ospg-8.pdf (4 pages), ospg-8.docx → briefs/", "1 brief up to date; --force renders it again".
std::string terminal_summary(const std::vector<Job>& jobs, const std::vector<Outcome>& outcomes, int undelivered) {
    std::vector<std::string> parts;
    size_t rendered = 0, checked = 0, skipped = 0, failed = 0;
    std::vector<std::string> dirs;
    std::string files;
    for (size_t i = 0; i < outcomes.size(); ++i) {
        const Outcome& o = outcomes[i];
        checked += o.status == Status::Checked;
        skipped += o.status == Status::Skipped;
        failed += o.status == Status::Failed;
        if (o.status != Status::Rendered) continue;
        ++rendered;
        std::string dir = jobs[i].dir.empty() ? std::string(".") : jobs[i].dir.string();
        if (dir.back() != '/') dir += '/';
        if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
        files.clear();
        for (const auto& f : o.outputs) {
            const std::string name = f.path.filename().string();
            if (!files.empty()) files += ", ";
            files += name.ends_with(".pdf") ? core::ntrf("{} ({n} page)", "{} ({n} pages)", o.pages, {name}) : name;
        }
    }
    std::string where;
    for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d;
    if (rendered == 1) parts.push_back(files + " → " + where);
    else if (rendered > 1)
        parts.push_back(core::ntrf("{n} brief rendered → {}", "{n} briefs rendered → {}", rendered, {where}));
    if (checked) parts.push_back(core::ntrf("{n} brief checked", "{n} briefs checked", checked));
    if (skipped)
        parts.push_back(core::ntrf("{n} brief up to date; --force renders it again",
                                   "{n} briefs up to date; --force renders them again", skipped));
    if (failed) parts.push_back(core::ntrf("{n} brief failed", "{n} briefs failed", failed));
    if (undelivered)
        parts.push_back(core::ntrf("{n} message not delivered", "{n} messages not delivered",
                                   static_cast<unsigned long>(undelivered)));
    std::string line;
    for (const auto& p : parts) line += (line.empty() ? "" : "; ") + p;
    return line;
}

int run(const Options& opt, std::ostream& err) {
    if (opt.delivery.requested() && !opt.eml) {  // a transport sends the .eml: it implies --eml
        Options with_eml = opt;
        with_eml.eml = true;
        return run(with_eml, err);
    }
    auto usage = [&](const std::string& msg) {
        err << "briefmake: error: " << msg << "\n" << _("Run with --help for more information.") << "\n";
        return 2;
    };
    std::optional<NamePattern> pattern;
    try {
        pattern.emplace(opt.name_pattern);
    } catch (const core::Error& e) {
        return usage("--name: " + e.diagnostic().message);  // the option, then its error
    }
    mime::Address from;
    if (opt.eml) {
        if (opt.from.empty()) return usage(_("--eml needs --from ADDRESS (the sender of the messages)"));
        try {
            from = mime::parse_address(opt.from);
        } catch (const core::Error& e) {
            return usage("--from: " + e.diagnostic().message);
        }
        if (from.addr_spec.empty())
            return usage(core::trf("--from: \"{}\" has no e-mail address (Name <user@domain>)", {opt.from}));
    }
    std::optional<DeliveryConfig> delivery;
    if (opt.delivery.requested()) {
        try {
            delivery = make_delivery_config(opt.delivery, from.addr_spec);
        } catch (const OptionError& e) {
            return usage(e.diagnostic().message);
        } catch (const core::Error& e) {  // the policy file
            err << core::format(e.diagnostic()) << "\n";
            return 2;
        }
    } else if (!opt.delivery.policy.empty() || !opt.delivery.sign_cert.empty() || !opt.delivery.recipient_certs.empty() ||
               !opt.delivery.smtp_ca.empty() || !opt.delivery.smtp_credentials.empty()) {
        return usage(_("--policy, --sign-cert, --recipient-certs, --smtp-ca and --smtp-credentials need --smtp URL or --sendmail"));
    }
    if (!opt.output_dir.empty()) {
        std::error_code ec;
        fs::create_directories(opt.output_dir, ec);
        if (!fs::is_directory(opt.output_dir, ec))
            return usage(core::trf("cannot use output folder \"{}\"", {opt.output_dir}));
    }

    Reporter report(err, opt.progress && !opt.quiet, opt.verbose, opt.quiet);
    auto run_started = std::chrono::steady_clock::now();

    std::vector<Job> jobs;
    std::map<fs::path, std::string> claimed;  // output stem path -> the brief writing it
    for (const auto& b : collect_briefs(opt.inputs)) {
        Job j;
        j.brief = b;
        j.dir = output_dir_for(opt, j.brief);
        j.stem = j.brief.stem().string();
        fs::path key = fs::weakly_canonical(j.dir) / j.stem;
        auto [it, fresh] = claimed.emplace(key, b);
        if (!fresh) j.conflict = core::trf("writes the same outputs ({}.*) as {}", {(j.dir / j.stem).string(), it->second});
        jobs.push_back(std::move(j));
    }
    if (jobs.empty()) {
        report.error(std::string("briefmake: error: ") + _("no briefs (*.yaml) found in the given folders"));
        return 1;
    }

    // One lock per output folder, taken in a fixed order so two runs cannot deadlock.
    std::vector<std::unique_ptr<FolderLock>> locks;
    if (!opt.check) {
        std::set<fs::path> dirs;
        for (const auto& j : jobs) dirs.insert(fs::weakly_canonical(j.dir));
        std::string manifest_name;
        fs::path manifest_dir;
        if (!opt.manifest.empty()) {
            manifest_name = fs::path(opt.manifest).filename().string();
            manifest_dir = fs::weakly_canonical(fs::absolute(opt.manifest).parent_path());
        }
        try {
            for (const auto& d : dirs) {
                locks.push_back(std::make_unique<FolderLock>(d, opt.wait ? FolderLock::Wait::Yes : FolderLock::Wait::No, [&] {
                    report.notice("briefmake: " + core::trf("waiting for another briefmake run writing into {} (use "
                                                            "--no-wait to fail instead)",
                                                            {d.string()}));
                }));
                std::vector<std::string> extra;
                if (d == manifest_dir) extra.push_back(manifest_name);
                for (const auto& p : remove_temporaries(d, extra))
                    report.log(core::trf("removed {} (left by a killed run)", {p.string()}));
            }
        } catch (const core::Error& e) {
            report.error(core::format(e.diagnostic()));
            return 1;
        }
    }

    Shared sh{opt, {}, {}, {}, {}, {}, *pattern, from, {}, report};
    if (delivery) sh.delivery = &*delivery;
    sh.base.check_only = opt.check;
    sh.base.pdf.pdfa = opt.pdfa;
    sh.base.want_pdf = opt.want_pdf;
    sh.base.want_docx = opt.want_docx;
    sh.base.template_override = opt.template_override;
    if (opt.reference_doc) sh.base.reference_doc = fs::absolute(*opt.reference_doc);
    try {
        sh.ctx.source_date_epoch = core::source_date_epoch_from_env();
        sh.ctx.resource_dir = core::find_resource_dir();
    } catch (const core::Error& e) {
        report.error(core::format(e.diagnostic()));
        return 1;
    }
    for (const auto& p : opt.allow_paths) sh.ctx.allowed_roots.push_back(fs::weakly_canonical(p));
    sh.ctx.dependencies = opt.dependencies;
    sh.options_text = options_text(opt, sh.ctx);

    // Briefs of one template share the DOCX's styles and numbering and often font subsets: each
    // is compressed once per run (src/deflate).
    deflate::remember_repeats(jobs.size() > 1 ? size_t(4) << 20 : 0);
    std::vector<Outcome> outcomes(jobs.size());
    unsigned n = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<size_t>(n, jobs.size()));
    sh.base.parallel_writers = n < std::thread::hardware_concurrency();
    sh.base.templates = &sh.templates;
    report.start(jobs.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            report.begin(jobs[i].brief.string());
            outcomes[i] = process(sh, jobs[i]);
            report.end(jobs[i].brief.string(), outcomes[i].status, outcomes[i].ms);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();

    // Delivery, one message at a time in the briefs' order, after every render: each record is
    // written as soon as its message was handed over.
    int undelivered = 0;
    if (delivery) {
        for (size_t i = 0; i < jobs.size(); ++i) {
            Outcome& o = outcomes[i];
            if (o.status == Status::Failed) continue;
            std::string eml = jobs[i].stem + ".eml";
            o.delivery = opt.check ? check_delivery(*delivery, o.mail, o.source, eml, report)
                                   : deliver_pending(*delivery, delivery_path(jobs[i].dir, jobs[i].stem), jobs[i].dir / eml,
                                                     o.source, report);
            undelivered += o.delivery.failed;
        }
    }

    int failed = 0, rendered = 0, skipped = 0;
    for (const auto& o : outcomes) {
        failed += o.status == Status::Failed;
        rendered += o.status == Status::Rendered || o.status == Status::Checked;
        skipped += o.status == Status::Skipped;
    }
    int status = failed || undelivered ? 1 : 0;
    if (!opt.manifest.empty()) {
        try {
            core::write_atomically({{opt.manifest, manifest_json(outcomes)}});
        } catch (const core::Error& e) {
            report.error(core::format(e.diagnostic()));
            status = 1;
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - run_started).count();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", secs);
    std::string line = core::trf(opt.check ? N_("{} brief(s): {} checked, {} skipped, {} failed ({} s)")
                                           : N_("{} brief(s): {} rendered, {} skipped, {} failed ({} s)"),
                                 {std::to_string(jobs.size()), std::to_string(rendered), std::to_string(skipped),
                                  std::to_string(failed), seconds});
    if (delivery && !opt.check) {
        int sent = 0;
        for (const auto& o : outcomes) sent += o.delivery.status == "sent";
        line += "; " + core::trf("{} delivered, {} not delivered", {std::to_string(sent), std::to_string(undelivered)});
    }
    report.finish(line, terminal_summary(jobs, outcomes, undelivered));
    return status;
}

}  // namespace briefmake::batch
