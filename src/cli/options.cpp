#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/delivery_options.hpp"
#include "cli/help_format.hpp"
#include "core/context.hpp"
#include "core/i18n.hpp"

namespace fs = std::filesystem;

namespace briefmake::cli {

namespace {

// `briefmake -j 2 init` means the subcommand even when a folder `init` is there: says how to
// name the folder instead (./init or -- init).
void note_subcommand_word(std::initializer_list<const CLI::App*> commands, std::ostream& err) {
    for (const CLI::App* cmd : commands) {
        std::error_code ec;
        if (cmd->parsed() && fs::exists(cmd->get_name(), ec))
            err << "briefmake: note: "
                << core::trf("\"{1}\" is read as the subcommand; write ./{1} (or -- {1}) for the folder or file of "
                             "that name",
                             {cmd->get_name()})
                << "\n";
    }
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, Options& opt) {
    std::string formats = "pdf,docx";
    std::string template_name;
    bool no_wait = false;
    // --help prints the options in the order they are declared here.
    CLI::App app{_("briefmake: render meeting briefs (YAML) as PDF and DOCX"), "briefmake"};
    // CLI11's headings and group names in the user's language (cli/help_format.hpp); the help
    // and version flags again, for their descriptions.
    app.formatter(std::make_shared<HelpFormatter>());
    app.option_defaults()->group(options_group());
    app.set_help_flag("-h,--help", _("Print this help message and exit"));
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return std::string(e.what()) + "\n" + _("Run with --help for more information.") + "\n";
    });
    app.footer(_(
        "Examples:\n"
        "  briefmake briefs/ospg-8.yaml            writes briefs/ospg-8.pdf and briefs/ospg-8.docx\n"
        "  briefmake -o out -f pdf briefs/         every brief in briefs/, PDF only, into out/\n"
        "  briefmake --check briefs/ospg-8.yaml    validate only, write nothing\n"
        "  briefmake --watch briefs/ospg-8.yaml    render again on every change (Ctrl-C to stop)\n"
        "  briefmake ./init                        a folder named like a subcommand (or: -- init)\n"
        "\n"
        "Exit status: 0 all briefs rendered, 1 a brief failed, 2 usage error.\n"
        "SOURCE_DATE_EPOCH, when set, gives the date written into the files' metadata: seconds\n"
        "since 1970-01-01 UTC; any other value is a usage error. Output has no colours or other\n"
        "escape sequences, so NO_COLOR is always honoured."));
    // Not required() at parse time: the subcommands take no BRIEF (checked after parsing).
    app.add_option("BRIEF", opt.run.inputs, _("brief files (YAML) or folders of briefs"))->type_name("FILE|DIR");
    app.add_option("-o,--output", opt.run.output_dir, _("write outputs into DIR (default: beside each brief)"))
        ->type_name("DIR");
    app.add_option("-f,--formats", formats, _("formats to write: pdf, docx or pdf,docx"))
        ->type_name("FORMATS")
        ->capture_default_str();
    app.add_option("--template", template_name, _("template name or path (overrides the brief's)"))
        ->type_name("NAME|FILE");
    std::string reference_doc;
    app.add_option("--reference-doc", reference_doc,
                   _("a .docx or .dotx whose page setup, styles, fonts and header/footer both outputs take"))
        ->type_name("FILE")
        ->check(CLI::ExistingFile);
    app.add_option("--allow-path", opt.run.allow_paths, _("an extra folder that data and image paths may point into"))
        ->type_name("DIR");
    app.add_flag("--check", opt.run.check, _("validate the briefs, write nothing"));
    app.add_flag("--pdfa", opt.run.pdfa, _("write PDF/A-2a"));
    app.add_option("-j,--jobs", opt.run.jobs, _("render N briefs in parallel, 1 to 1024 (default: one per core)"))
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u).description(""));
    app.add_flag("--force", opt.run.force, _("render every brief, even those whose outputs are up to date"));
    std::string changes = "on";
    app.add_option("--changes", changes, _("mark what changed since the last edition (on) or not (off)"))
        ->type_name("on|off")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    app.add_option("--since", opt.run.since, _("mark the changes since the brief OLD.yaml, not since the last edition"))
        ->type_name("OLD.yaml")
        ->check(CLI::ExistingFile);
    app.add_option("--manifest", opt.run.manifest, _("write a JSON report of the run (status, outputs, hashes) to FILE"))
        ->type_name("FILE");
    app.add_flag("--eml", opt.run.eml, _("also write STEM.eml: the outputs as an e-mail to the brief's distribution"));
    app.add_option("--from", opt.run.from, _("the sender of the .eml messages, e.g. 'Brief Robot <brief@example.org>'"))
        ->type_name("ADDRESS");
    app.add_option("--name", opt.run.name_pattern, _("attachment names, e.g. '{reference}-{meeting.date}'"))
        ->type_name("PATTERN")
        ->capture_default_str();
    app.add_flag("--ascii-names", opt.run.ascii_names, _("transliterate attachment names to ASCII"));
    add_delivery_options(app, opt.run);
    app.add_flag("--no-wait", no_wait, _("fail (exit 1) instead of waiting when another run writes into an output folder"));
    app.add_flag("-w,--watch", opt.watch,
                 _("render, then render again whenever a brief, its template or its data change"));
    app.add_option("--dump-layout", opt.dump_layout, _("also write each brief's layout (pages, lines, items) as text to FILE"))
        ->type_name("FILE");
    app.add_flag("-v,--verbose", opt.run.verbose, _("log each brief with a time stamp on stderr"));
    app.add_flag("-q,--quiet", opt.run.quiet, _("print errors only"));
    app.set_version_flag("--version", std::string("briefmake ") + core::version(),
                         _("Display program version information and exit"));
    // Subcommands (src/cli/commands.cpp): `briefmake schema`, `briefmake init FILE [--lang L]`.
    app.require_subcommand(0, 1);
    CLI::App* schema_cmd = app.add_subcommand("schema", _("print the JSON Schema of the brief format (v1)"));
    schema_cmd->group(subcommands_group());
    CLI::App* init_cmd = app.add_subcommand("init", _("write a commented starter brief that renders as is"));
    init_cmd->group(subcommands_group());
    init_cmd->add_option("FILE", opt.init_file, _("the brief to create, e.g. meeting.yaml (never overwritten)"))
        ->type_name("FILE")
        ->required();
    init_cmd->add_option("--lang", opt.init_lang, _("its language: tr, en, ru or kk"))
        ->type_name("LANG")
        ->check(CLI::IsMember(starter_languages()))
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
        note_subcommand_word({schema_cmd, init_cmd}, std::cerr);
        return 2;
    }
    if (*schema_cmd) {
        opt.command = Command::Schema;
        return std::nullopt;
    }
    if (*init_cmd) {
        opt.command = Command::Init;
        return std::nullopt;
    }
    if (opt.run.inputs.empty()) {
        std::cerr << "briefmake: error: "
                  << _("no BRIEF given; expected brief files or folders, or a subcommand (schema, init)") << "\n"
                  << _("Run with --help for more information.") << "\n";
        return 2;
    }

    try {
        core::source_date_epoch_from_env();  // checked once here: a bad value is a usage error
    } catch (const core::Error& e) {
        std::cerr << core::format(e.diagnostic()) << "\n";
        return 2;
    }
    opt.run.want_pdf = opt.run.want_docx = false;
    for (const auto& f : CLI::detail::split(formats, ',')) {
        std::string fmt = CLI::detail::trim_copy(f);
        if (fmt == "pdf") opt.run.want_pdf = true;
        else if (fmt == "docx") opt.run.want_docx = true;
        else {
            std::cerr << "briefmake: error: " << core::trf("unknown format \"{}\"; expected pdf or docx", {fmt}) << "\n";
            return 2;
        }
    }
    if (!template_name.empty()) opt.run.template_override = template_name;
    if (!reference_doc.empty()) opt.run.reference_doc = reference_doc;
    opt.run.wait = !no_wait;
    opt.run.changes = changes == "on";
    opt.run.progress = ::isatty(STDERR_FILENO) != 0;
    return std::nullopt;
}

}  // namespace briefmake::cli
