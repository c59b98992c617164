#include "cli/delivery_options.hpp"

#include "cli/help_format.hpp"
#include "core/i18n.hpp"

namespace briefmake::cli {

void add_delivery_options(CLI::App& app, batch::Options& opt) {
    app.formatter(std::make_shared<HelpFormatter>());
    batch::DeliveryOptions& d = opt.delivery;
    app.add_option("--smtp", d.smtp,
                   _("send each new or changed brief's .eml through this mail server, once (implies --eml); "
                   "smtp://HOST[:PORT] (port 587) requires STARTTLS, smtps://HOST[:PORT] (port 465) is TLS throughout"))
        ->type_name("URL");
    app.add_option("--smtp-ca", d.smtp_ca, _("also trust the CA certificates in FILE (PEM) for the mail server"))
        ->type_name("FILE");
    app.add_option("--smtp-credentials", d.smtp_credentials,
                   _("the mail server login, netrc form (machine HOST login USER password PASS); "
                   "refused if group or others can read FILE"))
        ->type_name("FILE");
    // A flag with a default value: --sendmail, or --sendmail=PATH.
    app.add_flag("--sendmail{/usr/sbin/sendmail}", d.sendmail,
                 _("hand each new or changed brief's .eml to PATH -t -i instead (default /usr/sbin/sendmail; "
                 "implies --eml)"))
        ->type_name("[=PATH]");
    app.add_option("--policy", d.policy,
                   _("the site's delivery policy (YAML): which classification may be e-mailed to which domains; "
                   "without it only unclassified briefs are sent"))
        ->type_name("FILE");
    app.add_option("--sign-cert", d.sign_cert, _("sign each message (S/MIME) with this certificate (PEM)"))->type_name("FILE");
    app.add_option("--sign-key", d.sign_key, _("... and this private key (PEM)"))->type_name("FILE");
    app.add_option("--recipient-certs", d.recipient_certs,
                   _("recipients' certificates as DIR/ADDRESS.pem, for messages that must be encrypted"))
        ->type_name("DIR");
}

}  // namespace briefmake::cli
