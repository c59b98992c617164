// One brief, start to finish, in memory: spec -> template -> doc -> (layout -> PDF) and DOCX.
// Returns bytes; only the CLI touches the output folder.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "fonts/font.hpp"
#include "pdf/writer.hpp"
#include "spec/spec.hpp"

namespace briefmake::render {

struct Request {
    std::filesystem::path brief;
    std::optional<std::string> template_override;  // --template
    bool want_pdf = true;
    bool want_docx = true;
    bool check_only = false;  // validate (read + merge + layout), write nothing
    // Write the PDF on a second thread while this one writes the DOCX (both read the finished
    // layout and document only). For a core that would otherwise idle: a batch that already
    // keeps every core busy turns it off.
    bool parallel_writers = false;
    pdf::Options pdf;
};

struct Result {
    std::string pdf;
    std::string docx;
    int pages = 0;
    std::vector<std::filesystem::path> inputs;  // brief, template chain, fonts, CSV, images
    spec::Brief brief;  // as read (for the mail and the manifest: no second parse)
};

Result render(const Request& req, fonts::FontSet& fonts, const core::Context& ctx);

}  // namespace briefmake::render
