#include "render/render.hpp"

#include <exception>
#include <future>

#include "doc/edition.hpp"
#include "doc/merge.hpp"
#include "docx/reference_template.hpp"
#include "docx/writer.hpp"
#include "layout/layout.hpp"
#include "pdf/images.hpp"
#include "spec/reader.hpp"
#include "tmpl/template.hpp"

namespace briefmake::render {

std::optional<TemplateCache::Entry> TemplateCache::find(const std::string& key) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
}

void TemplateCache::put(const std::string& key, Entry e) {
    std::lock_guard lock(mu_);
    entries_.emplace(key, std::move(e));
}

namespace {

std::string cache_key(const Request& req, const std::string& template_name) {
    std::string key = req.template_override ? "--template\n" + *req.template_override
                                            : template_name + "\n" + req.brief.parent_path().lexically_normal().string();
    if (req.reference_doc) key += "\n--reference-doc\n" + req.reference_doc->string();
    return key;
}

// --template names a template relative to the working folder; the brief's own `template:` key
// is relative to the brief.
TemplateCache::Entry load_entry(const Request& req, const std::string& name, const core::SourceLoc& loc,
                                const core::Context& ctx) {
    core::WarningSink sink;
    core::Context own = ctx;
    own.warnings = &sink;
    tmpl::Template loaded =
        req.template_override ? tmpl::load_trusted_template(*req.template_override, std::filesystem::current_path(),
                                                            core::SourceLoc{"--template", 0, 0}, own)
                              : tmpl::load_template(name, req.brief.parent_path(), loc, own);
    // A reference document wins over the template's values: --reference-doc, else the template's own.
    if (req.reference_doc)
        docx::apply_reference(loaded, *req.reference_doc, core::SourceLoc{"--reference-doc", 0, 0}, own);
    else if (loaded.reference_doc)
        docx::apply_reference(loaded, *loaded.reference_doc, loaded.reference_loc, own);
    auto t = std::make_shared<const tmpl::Template>(std::move(loaded));
    return {std::move(t), sink.items()};
}

// A template read on a second thread while the brief is parsed: the one --template names, or
// "default", which a brief without `template:` uses. Used only when the brief turns out to
// need exactly that template; a failed read is done again the normal way, so errors and
// warnings are those of a sequential run.
struct Prefetch {
    std::string key;
    std::future<TemplateCache::Entry> entry;
};

std::shared_ptr<const tmpl::Template> template_for(const Request& req, const spec::Brief& brief,
                                                   const core::Context& ctx, Prefetch& prefetch) {
    const std::string key = cache_key(req, brief.template_name);
    auto use = [&](const TemplateCache::Entry& e) {
        for (const auto& w : e.warnings) ctx.warn(w.loc, w.message, w.hint);
        return e.t;
    };
    if (req.templates)
        if (auto hit = req.templates->find(key)) return use(*hit);
    std::optional<TemplateCache::Entry> e;
    if (prefetch.entry.valid() && prefetch.key == key) {
        try {
            e = prefetch.entry.get();
        } catch (...) {
        }
    }
    if (!e) e = load_entry(req, brief.template_name, brief.template_loc, ctx);
    if (req.templates) req.templates->put(key, *e);
    return use(*e);
}

}  // namespace

Result render(const Request& req, fonts::FontSet& fonts, const core::Context& ctx) {
    Result r;
    Prefetch prefetch;
    if (req.parallel_writers) {
        const std::string guess = spec::Brief{}.template_name;
        prefetch.key = cache_key(req, guess);
        if (!(req.templates && req.templates->find(prefetch.key)))
            prefetch.entry = std::async(std::launch::async, [&req, &ctx, guess] {
                return load_entry(req, guess, core::SourceLoc{req.brief.string(), 0, 0}, ctx);
            });
    }
    spec::Brief brief = spec::read_brief(req.brief, ctx);
    const std::shared_ptr<const tmpl::Template> shared_template = template_for(req, brief, ctx, prefetch);
    const tmpl::Template& t = *shared_template;
    if (t.logo) pdf::check_image_file(*t.logo);
    doc::Document d = doc::merge(brief, t, ctx);

    r.edition = doc::canonical(doc::edition_of(d));
    if (req.since) {
        // The older brief's content only: merged with this brief's template and language, so
        // another template or language there changes nothing by itself.
        core::Context quiet = ctx;
        quiet.warnings = nullptr;
        spec::Brief old = spec::read_brief(*req.since, quiet);
        old.language = brief.language;
        r.compared_with = doc::canonical(doc::edition_of(doc::merge(old, t, quiet)));
        r.inputs.push_back(*req.since);
    } else if (req.previous_edition && *req.previous_edition != r.edition) {
        r.compared_with = req.previous_edition;
    } else if (req.previous_edition) {
        r.compared_with = req.base_edition;
    }
    if (req.changes && r.compared_with) {
        if (auto prev = doc::parse_edition(*r.compared_with)) {
            auto changes = doc::mark_changes(d, *prev);
            if (!changes.empty()) {
                r.changes = doc::changes_text(d, changes, prev->date_epoch);
                doc::add_changes_box(d, changes, prev->date_epoch);
            }
        }
    }

    // The layout runs even for DOCX only and for --check: it finds overfull lines and missing
    // glyphs, and gives the DOCX its table-of-contents page numbers.
    layout::Layout l = layout::lay_out(d, fonts, ctx);
    r.pages = static_cast<int>(l.pages.size());
    if (req.dump_layout) r.layout_dump = layout::dump(l);

    r.inputs.insert(r.inputs.begin(), req.brief);
    r.inputs.insert(r.inputs.end(), t.chain.begin(), t.chain.end());
    for (const auto& [key, fam] : t.fonts) {
        for (const auto* p : {&fam.regular, &fam.bold, &fam.italic, &fam.bold_italic})
            if (!p->empty()) r.inputs.push_back(*p);
    }
    if (!t.fallback_font.empty()) r.inputs.push_back(t.fallback_font);
    if (t.logo) r.inputs.push_back(*t.logo);
    r.inputs.insert(r.inputs.end(), brief.inputs.begin(), brief.inputs.end());

    r.brief = std::move(brief);
    if (req.check_only) return r;
    docx::Options o;
    for (const auto& [anchor, page] : l.anchor_pages) o.anchor_pages[anchor] = page + 1;
    o.page_count = r.pages;
    o.layout = l.facts;  // keyed by the nodes of `d`, which the DOCX writer gets
    // Both writers at once hold libharu's whole document and the DOCX's XML tree together: for a
    // long brief that is most of the peak memory (massif on the 1,009-page bench brief: 273 MB,
    // 77 MB of it libharu's objects, 60 MB the DOCX's tree, text and zip). Past this many pages
    // they run one after the other, and the layout is freed before the DOCX is written.
    constexpr std::size_t kParallelWritersMaxPages = 200;
    if (!(req.parallel_writers && req.want_pdf && req.want_docx) || l.pages.size() > kParallelWritersMaxPages) {
        // The DOCX needs only `o` from the layout: the PDF writer consumes it.
        if (req.want_pdf) r.pdf = pdf::write_pdf(std::move(l), req.pdf, ctx);
        { layout::Layout done = std::move(l); }
        if (req.want_docx) r.docx = docx::write_docx(d, o, ctx);
        return r;
    }

    // Each writer reports to a sink of its own; the warnings are then passed on in the order a
    // sequential run gives (PDF, then DOCX), and so is the first error.
    core::WarningSink pdf_warnings, docx_warnings;
    core::Context pdf_ctx = ctx, docx_ctx = ctx;
    pdf_ctx.warnings = &pdf_warnings;
    docx_ctx.warnings = &docx_warnings;
    auto pdf = std::async(std::launch::async, [&] { return pdf::write_pdf(std::move(l), req.pdf, pdf_ctx); });
    std::exception_ptr docx_error;
    try {
        r.docx = docx::write_docx(d, o, docx_ctx);
    } catch (...) {
        docx_error = std::current_exception();
    }
    auto pass_on = [&](const core::WarningSink& sink) {
        for (const auto& w : sink.items()) ctx.warn(w.loc, w.message, w.hint);
    };
    try {
        r.pdf = pdf.get();
    } catch (...) {
        pass_on(pdf_warnings);
        throw;
    }
    pass_on(pdf_warnings);
    if (docx_error) std::rethrow_exception(docx_error);
    pass_on(docx_warnings);
    return r;
}

}  // namespace briefmake::render
