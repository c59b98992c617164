// briefmake [options] BRIEF...: parse options, render each brief, write outputs atomically,
// map errors to exit codes (0 all succeeded, 1 a brief failed, 2 usage error).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/context.hpp"
#include "render/render.hpp"

namespace fs = std::filesystem;
using namespace briefmake;

namespace {

struct Options {
    std::vector<std::string> inputs;
    std::string output_dir;
    std::string formats = "pdf,docx";
    std::string template_name;
    std::vector<std::string> allow_paths;
    bool check = false;
    bool pdfa = false;
    bool quiet = false;
};

// Expands folders to the *.yaml briefs they hold (sorted, so runs are reproducible).
std::vector<fs::path> collect_briefs(const std::vector<std::string>& inputs) {
    std::vector<fs::path> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<fs::path> found;
            for (const auto& e : fs::recursive_directory_iterator(in, ec)) {
                auto ext = e.path().extension();
                if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) found.push_back(e.path());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.emplace_back(in);
        }
    }
    return out;
}

void print(const core::Diagnostic& d) { std::cerr << core::format(d) << "\n"; }

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    CLI::App app{"briefmake: render meeting briefs (YAML) as PDF and DOCX", "briefmake"};
    app.footer(
        "Examples:\n"
        "  briefmake briefs/ospg-8.yaml            writes briefs/ospg-8.pdf and briefs/ospg-8.docx\n"
        "  briefmake -o out -f pdf briefs/         every brief in briefs/, PDF only, into out/\n"
        "  briefmake --check briefs/ospg-8.yaml    validate only, write nothing\n"
        "\n"
        "Exit status: 0 all briefs rendered, 1 a brief failed, 2 usage error.\n"
        "SOURCE_DATE_EPOCH, when set, gives the date written into the files' metadata.");
    // Not required() at parse time: the subcommands take no BRIEF (checked after parsing).
    app.add_option("BRIEF", opt.inputs, "brief files (YAML) or folders of briefs");
    app.add_option("-o,--output", opt.output_dir, "write outputs into DIR (default: beside each brief)");
    app.add_option("-f,--formats", opt.formats, "formats to write: pdf, docx or pdf,docx")->capture_default_str();
    app.add_option("--template", opt.template_name, "template name or path (overrides the brief's)");
    app.add_option("--allow-path", opt.allow_paths, "an extra folder that data and image paths may point into");
    app.add_flag("--check", opt.check, "validate the briefs, write nothing");
    app.add_flag("--pdfa", opt.pdfa, "write PDF/A-2b");
    app.add_flag("-q,--quiet", opt.quiet, "print errors only");
    app.set_version_flag("--version", std::string("briefmake ") + core::version());
    // Subcommands (src/cli/commands.cpp): `briefmake schema`, `briefmake init FILE [--lang L]`.
    app.require_subcommand(0, 1);
    CLI::App* schema_cmd = app.add_subcommand("schema", "print the JSON Schema of the brief format (v1)");
    std::string init_file, init_lang = "tr";
    CLI::App* init_cmd = app.add_subcommand("init", "write a commented starter brief that renders as is");
    init_cmd->add_option("FILE", init_file, "the brief to create, e.g. meeting.yaml (never overwritten)")->required();
    init_cmd->add_option("--lang", init_lang, "its language: tr, en, ru or kk")
        ->check(CLI::IsMember(cli::starter_languages()))
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    if (*schema_cmd) return cli::print_schema(std::cout);
    if (*init_cmd)
        return cli::init_brief(init_file, init_lang, std::cerr,
                               core::find_resource_dir() / "schema" / "brief-v1.schema.json");
    if (opt.inputs.empty()) {
        std::cerr << "briefmake: error: no BRIEF given; expected brief files or folders, "
                     "or a subcommand (schema, init)\nRun with --help for more information.\n";
        return 2;
    }

    render::Request base;
    base.check_only = opt.check;
    base.pdf.pdfa = opt.pdfa;
    base.want_pdf = base.want_docx = false;
    for (const auto& f : CLI::detail::split(opt.formats, ',')) {
        std::string fmt = CLI::detail::trim_copy(f);
        if (fmt == "pdf") base.want_pdf = true;
        else if (fmt == "docx") base.want_docx = true;
        else {
            std::cerr << "briefmake: error: unknown format \"" << fmt << "\"; expected pdf or docx\n";
            return 2;
        }
    }
    if (!opt.template_name.empty()) base.template_override = opt.template_name;
    if (!opt.output_dir.empty()) {
        std::error_code ec;
        fs::create_directories(opt.output_dir, ec);
        if (!fs::is_directory(opt.output_dir)) {
            std::cerr << "briefmake: error: cannot use output folder \"" << opt.output_dir << "\"\n";
            return 2;
        }
    }

    core::WarningSink warnings;
    core::Context ctx;
    ctx.source_date_epoch = core::source_date_epoch_from_env();
    ctx.resource_dir = core::find_resource_dir();
    for (const auto& p : opt.allow_paths) ctx.allowed_roots.push_back(fs::weakly_canonical(p));
    ctx.warnings = &warnings;

    fonts::FontSet fonts;
    int failed = 0;
    for (const fs::path& brief : collect_briefs(opt.inputs)) {
        warnings.clear();
        render::Request req = base;
        req.brief = brief;
        try {
            render::Result r = render::render(req, fonts, ctx);
            fs::path dir = opt.output_dir.empty() ? brief.parent_path() : fs::path(opt.output_dir);
            std::string stem = brief.stem().string();
            std::vector<std::pair<fs::path, std::string>> files;
            if (!opt.check) {
                if (req.want_pdf) files.emplace_back(dir / (stem + ".pdf"), std::move(r.pdf));
                if (req.want_docx) files.emplace_back(dir / (stem + ".docx"), std::move(r.docx));
                cli::write_atomically(files);
            }
            if (!opt.quiet)
                for (const auto& w : warnings.items()) print(w);
        } catch (const core::Error& e) {
            if (!opt.quiet)
                for (const auto& w : warnings.items()) print(w);
            core::Diagnostic d = e.diagnostic();
            if (d.loc.file.empty()) d.loc.file = brief.string();
            print(d);
            ++failed;
        } catch (const std::exception& e) {
            std::cerr << brief.string() << ": error: " << e.what() << "\n";
            ++failed;
        }
    }
    return failed ? 1 : 0;
}
