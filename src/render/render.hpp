// One brief, start to finish, in memory: spec -> template -> doc -> (layout -> PDF) and DOCX.
// Returns bytes; only the CLI touches the output folder.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "fonts/font.hpp"
#include "pdf/writer.hpp"
#include "spec/spec.hpp"
#include "tmpl/template.hpp"

namespace briefmake::render {

// Templates read once per batch run: briefs of one folder name the same template, whose YAML
// costs more to parse than a page costs to lay out. Each entry keeps the warnings its loading
// gave, and every brief that uses it reports them again. Failed loads are not kept (each brief
// gets its error at its own `template:` line). Safe to share between threads; a template that
// changes on disk during the run is read in its first state (a run is one snapshot).
class TemplateCache {
public:
    struct Entry {
        std::shared_ptr<const tmpl::Template> t;
        std::vector<core::Diagnostic> warnings;
    };
    std::optional<Entry> find(const std::string& key);
    void put(const std::string& key, Entry e);

private:
    std::mutex mu_;
    std::map<std::string, Entry> entries_;
};

struct Request {
    std::filesystem::path brief;
    std::optional<std::string> template_override;  // --template
    std::optional<std::filesystem::path> reference_doc;  // --reference-doc (absolute): wins over the template's
    bool want_pdf = true;
    bool want_docx = true;
    bool check_only = false;  // validate (read + merge + layout), write nothing
    bool dump_layout = false;  // also give the layout in its text form (Result::layout_dump)
    // Write the PDF on a second thread while this one writes the DOCX (both read the finished
    // layout and document only). For a core that would otherwise idle: a batch that already
    // keeps every core busy turns it off.
    bool parallel_writers = false;
    TemplateCache* templates = nullptr;  // optional, shared by the briefs of a batch
    // Editions (doc/edition.hpp): the canonical form of the last rendered edition and of the one
    // it was compared with. A document equal to `previous_edition` is compared with
    // `base_edition` again (a rerun shows the same changes); another is compared with
    // `previous_edition`. `since` (--since) compares with that brief instead. No marks at all
    // without `changes`, or when there is nothing to compare with (the first edition).
    bool changes = true;
    std::optional<std::string> previous_edition, base_edition;
    std::optional<std::filesystem::path> since;
    pdf::Options pdf;
};

struct Result {
    std::string pdf;
    std::string docx;
    int pages = 0;
    std::string layout_dump;  // layout::dump, when Request::dump_layout
    std::vector<std::filesystem::path> inputs;  // brief, template chain, fonts, CSV, images
    spec::Brief brief;  // as read (for the mail and the manifest: no second parse)
    std::string edition;                // this document's canonical form (the next run's previous edition)
    std::optional<std::string> compared_with;  // the canonical form it was compared with
    std::vector<std::string> changes;   // the changes box's lines (title first), empty when none
};

Result render(const Request& req, fonts::FontSet& fonts, const core::Context& ctx);

}  // namespace briefmake::render
