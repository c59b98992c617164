#include "batch/policy.hpp"

#include <cctype>

#include "core/context.hpp"
#include "core/i18n.hpp"
#include "text/text.hpp"
#include "yaml/yaml.hpp"

namespace briefmake::batch {

namespace {

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool valid_domain(const std::string& d) {
    if (d.empty() || d.front() == '.' || d.back() == '.' || d.find("..") != std::string::npos) return false;
    for (unsigned char c : d)
        if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return false;
    return true;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

std::string fold_classification(const std::string& text) {
    std::string lower = text::to_lower(text, "tr");
    std::string out;
    bool space = false;
    for (size_t i = 0; i < lower.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(lower[i]);
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        // U+00A0 (no-break space) counts as white space too.
        if (c == 0xC2 && i + 1 < lower.size() && static_cast<unsigned char>(lower[i + 1]) == 0xA0) {
            ws = true;
            ++i;
        }
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += lower[i];
    }
    return out;
}

bool domain_allowed(const std::string& pattern, const std::string& domain) {
    if (pattern == "*") return true;
    if (pattern.rfind("*.", 0) == 0) {
        std::string base = pattern.substr(1);  // ".example.gov.tr"
        return domain.size() > base.size() && domain.compare(domain.size() - base.size(), base.size(), base) == 0;
    }
    return pattern == domain;
}

Policy parse_policy(const std::string& text, const std::string& file_name) {
    yaml::Source src(file_name, text);
    YAML::Node root = yaml::load(src);
    if (!root)
        throw core::Error({file_name, 1, 1}, _("expected a delivery policy (policy: 1, classifications: ...), got nothing"));
    yaml::expect_map(src, root, "a delivery policy (policy: 1, classifications: ...)");
    yaml::check_keys(src, root, "the delivery policy", {"policy", "classifications"});
    yaml::get_int(src, yaml::require(src, root, "policy", "the delivery policy"), 1, 1, "the policy format version 1");
    YAML::Node classes = yaml::require(src, root, "classifications", "the delivery policy");
    yaml::expect_map(src, classes, "a mapping of classification names to rules");
    Policy p;
    p.file = file_name;
    for (const auto& kv : classes) {
        PolicyRule r;
        r.name = yaml::get_text(src, kv.first, "a classification name");
        r.loc = src.loc(kv.first);
        std::string key = fold_classification(r.name);
        for (const auto& [k, other] : p.rules)
            if (k == key)
                throw core::Error(r.loc, core::trf("classification \"{}\" is the same as \"{}\" (line {}) once case and "
                                                   "spaces are folded",
                                                   {r.name, other.name, std::to_string(other.loc.line)}));
        const YAML::Node& rule = kv.second;
        yaml::expect_map(src, rule, "a rule {allow: [DOMAIN, ...], encrypt: true|false}");
        yaml::check_keys(src, rule, "a classification rule", {"allow", "encrypt"});
        YAML::Node allow = yaml::require(src, rule, "allow", "a classification rule");
        yaml::expect_seq(src, allow, "a list of domains (\"*\" any, \"*.example.org\" its subdomains)");
        for (const auto& d : allow) {
            std::string dom = ascii_lower(yaml::get_nonempty_text(src, d, "a domain"));
            std::string bare = dom.rfind("*.", 0) == 0 ? dom.substr(2) : dom;
            if (dom != "*" && !valid_domain(bare))
                src.fail(d, core::trf("expected a domain (example.gov.tr), \"*.\" and a domain, or \"*\", got \"{}\"", {dom}));
            r.allow.push_back(dom);
        }
        if (YAML::Node e = yaml::find(rule, "encrypt")) r.encrypt = yaml::get_bool(src, e);
        p.rules.emplace_back(key, std::move(r));
    }
    return p;
}

Policy read_policy(const std::string& path) { return parse_policy(core::read_file(path), path); }

PolicyVerdict judge(const std::optional<Policy>& policy, const std::optional<std::string>& classification,
                    const core::SourceLoc& classification_loc, const std::vector<Recipient>& recipients) {
    PolicyVerdict v;
    auto refuse = [&](const core::SourceLoc& loc, std::string msg) {
        v.refusals.push_back({core::Severity::Error, loc, std::move(msg), {}});
    };
    const std::string key = classification ? fold_classification(*classification) : "";
    const bool classified = classification && !key.empty();
    // Whole sentences for each case: "a brief classified "X"" and "an unclassified brief" may need
    // different words around them in another language.
    const std::string name = classified ? *classification : std::string();
    if (!policy) {
        if (!key.empty())
            refuse(classification_loc,
                   core::trf("a brief classified \"{}\" may not be e-mailed to anyone without a delivery policy "
                             "(--policy FILE)",
                             {name}));
        return v;
    }
    const PolicyRule* rule = nullptr;
    for (const auto& [k, r] : policy->rules)
        if (k == key) rule = &r;
    if (!rule) {
        refuse(classification_loc,
               classified ? core::trf("a brief classified \"{}\" may not be e-mailed to anyone: the policy {} does not "
                                      "name that classification",
                                      {name, policy->file})
                          : core::trf("an unclassified brief may not be e-mailed to anyone: the policy {} does not name "
                                      "unclassified briefs (\"\")",
                                      {policy->file}));
        return v;
    }
    v.encrypt = rule->encrypt;
    if (rule->allow.empty()) {
        const std::string line = std::to_string(rule->loc.line);
        refuse(classification_loc,
               classified ? core::trf("a brief classified \"{}\" may not be e-mailed to anyone (policy {}, line {})",
                                      {name, policy->file, line})
                          : core::trf("an unclassified brief may not be e-mailed to anyone (policy {}, line {})",
                                      {policy->file, line}));
        return v;
    }
    for (const auto& r : recipients) {
        std::string domain = ascii_lower(r.address.substr(r.address.rfind('@') + 1));
        bool ok = false;
        for (const auto& pat : rule->allow) ok = ok || domain_allowed(pat, domain);
        if (!ok)
            refuse(r.loc, classified ? core::trf("a brief classified \"{}\" may not be e-mailed to {} (policy {} allows {})",
                                                 {name, r.address, policy->file, join(rule->allow)})
                                     : core::trf("an unclassified brief may not be e-mailed to {} (policy {} allows {})",
                                                 {r.address, policy->file, join(rule->allow)}));
    }
    return v;
}

}  // namespace briefmake::batch
