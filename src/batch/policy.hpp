// The site's delivery policy (--policy FILE, YAML): which classification may be e-mailed to
// which domains, and which must be encrypted. Classifications match with Turkish case folding
// and white space folded ("Gizli", "GİZLİ", " gizli " are one); `allow` names domains, "*" any
// domain, "*.example.gov.tr" its subdomains (not the domain itself). A classification the policy
// does not name is refused. With no policy, only an unclassified brief may be e-mailed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace briefmake::batch {

struct PolicyRule {
    std::string name;                // as written in the policy
    std::vector<std::string> allow;  // lower-case: "example.gov.tr", "*.example.gov.tr", "*"
    bool encrypt = false;
    core::SourceLoc loc;
};

struct Policy {
    std::string file;
    std::vector<std::pair<std::string, PolicyRule>> rules;  // folded name -> rule
};

// Reads and checks a policy file; throws core::Error located in it.
Policy read_policy(const std::string& path);
Policy parse_policy(const std::string& yaml_text, const std::string& file_name);

// "HİZMETE  Özel " -> "hizmete özel": Turkish lower case, runs of white space as one space, trimmed.
std::string fold_classification(const std::string& text);

// True when `domain` (lower case) is matched by `pattern` ("*", "a.b", "*.a.b").
bool domain_allowed(const std::string& pattern, const std::string& domain);

struct Recipient {
    std::string address;  // addr-spec, user@domain
    core::SourceLoc loc;  // where the brief names it
};

struct PolicyVerdict {
    std::vector<core::Diagnostic> refusals;  // empty: allowed
    bool encrypt = false;
};

// Judges one brief's message. `classification` is the brief's (nullopt: unclassified) with
// its location; `brief_loc` is used when there is none. `policy` nullopt: the default (only
// unclassified briefs are e-mailed).
PolicyVerdict judge(const std::optional<Policy>& policy, const std::optional<std::string>& classification,
                    const core::SourceLoc& classification_loc, const std::vector<Recipient>& recipients);

}  // namespace briefmake::batch
