#include "cli/delivery_options.hpp"

namespace briefmake::cli {

namespace {

// CLI11 shows a flag's default value in its name ("--sendmail{/usr/sbin/sendmail}"); the help
// says it in words instead.
class Formatter : public CLI::Formatter {
public:
    std::string make_option_name(const CLI::Option* opt, bool positional) const override {
        std::string name = CLI::Formatter::make_option_name(opt, positional);
        for (size_t open; (open = name.find('{')) != std::string::npos;) {
            size_t close = name.find('}', open);
            if (close == std::string::npos) break;
            name.erase(open, close - open + 1);
        }
        return name;
    }
};

}  // namespace

void add_delivery_options(CLI::App& app, batch::Options& opt) {
    app.formatter(std::make_shared<Formatter>());
    batch::DeliveryOptions& d = opt.delivery;
    app.add_option("--smtp", d.smtp,
                   "send each new or changed brief's .eml through this mail server, once (implies --eml); "
                   "smtp://HOST[:PORT] (port 587) requires STARTTLS, smtps://HOST[:PORT] (port 465) is TLS throughout")
        ->type_name("URL");
    app.add_option("--smtp-ca", d.smtp_ca, "also trust the CA certificates in FILE (PEM) for the mail server")
        ->type_name("FILE");
    app.add_option("--smtp-credentials", d.smtp_credentials,
                   "the mail server login, netrc form (machine HOST login USER password PASS); "
                   "refused if group or others can read FILE")
        ->type_name("FILE");
    // A flag with a default value: --sendmail, or --sendmail=PATH.
    app.add_flag("--sendmail{/usr/sbin/sendmail}", d.sendmail,
                 "hand each new or changed brief's .eml to PATH -t -i instead (default /usr/sbin/sendmail; "
                 "implies --eml)")
        ->type_name("[=PATH]");
    app.add_option("--policy", d.policy,
                   "the site's delivery policy (YAML): which classification may be e-mailed to which domains; "
                   "without it only unclassified briefs are sent")
        ->type_name("FILE");
    app.add_option("--sign-cert", d.sign_cert, "sign each message (S/MIME) with this certificate (PEM)")->type_name("FILE");
    app.add_option("--sign-key", d.sign_key, "... and this private key (PEM)")->type_name("FILE");
    app.add_option("--recipient-certs", d.recipient_certs,
                   "recipients' certificates as DIR/ADDRESS.pem, for messages that must be encrypted")
        ->type_name("DIR");
}

}  // namespace briefmake::cli
