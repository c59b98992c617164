// The delivery policy (batch/policy.hpp) and the netrc reader of the SMTP transport.
#include <doctest/doctest.h>

#include "batch/policy.hpp"
#include "batch/smtp.hpp"

using namespace briefmake;
using namespace briefmake::batch;

namespace {

const char* kPolicy =
    "policy: 1\n"
    "classifications:\n"
    "  \"\":            {allow: [\"*\"]}\n"
    "  HİZMETE ÖZEL:  {allow: [example.gov.tr, tccb.gov.tr]}\n"
    "  GİZLİ:         {allow: [Example.GOV.tr, \"*.example.gov.tr\"], encrypt: true}\n"
    "  ÇOK GİZLİ:     {allow: []}\n";

std::vector<Recipient> to(std::initializer_list<const char*> addrs) {
    std::vector<Recipient> out;
    int line = 10;
    for (const char* a : addrs) out.push_back({a, {"b.yaml", line++, 7}});
    return out;
}

}  // namespace

TEST_CASE("classifications fold Turkish case and white space") {
    CHECK(fold_classification("GİZLİ") == "gizli");
    CHECK(fold_classification("Gizli") == "gizli");
    CHECK(fold_classification("  gizli \t") == "gizli");
    CHECK(fold_classification("HİZMETE   ÖZEL") == "hizmete özel");
    CHECK(fold_classification("Hizmete\xC2\xA0Özel") == "hizmete özel");
    CHECK(fold_classification("GIZLI") == "gızlı");  // a dotless I is another letter in Turkish
}

TEST_CASE("domains: exact, *.subdomains, any") {
    CHECK(domain_allowed("example.gov.tr", "example.gov.tr"));
    CHECK_FALSE(domain_allowed("example.gov.tr", "sub.example.gov.tr"));
    CHECK_FALSE(domain_allowed("example.gov.tr", "badexample.gov.tr"));
    CHECK(domain_allowed("*.example.gov.tr", "sub.example.gov.tr"));
    CHECK(domain_allowed("*.example.gov.tr", "a.b.example.gov.tr"));
    CHECK_FALSE(domain_allowed("*.example.gov.tr", "example.gov.tr"));
    CHECK_FALSE(domain_allowed("*.example.gov.tr", "badexample.gov.tr"));
    CHECK(domain_allowed("*", "anything.org"));
}

TEST_CASE("judging briefs against the policy") {
    std::optional<Policy> p = parse_policy(kPolicy, "p.yaml");
    core::SourceLoc cls{"b.yaml", 4, 17};
    CHECK(judge(p, std::nullopt, cls, to({"a@x.org"})).refusals.empty());
    CHECK(judge(p, "hizmete özel", cls, to({"a@example.gov.tr", "b@TCCB.gov.tr"})).refusals.empty());
    auto v = judge(p, "HİZMETE ÖZEL", cls, to({"a@example.gov.tr", "c@sub.example.gov.tr", "d@x.org"}));
    REQUIRE(v.refusals.size() == 2);
    CHECK(v.refusals[0].loc.line == 11);
    CHECK(core::format(v.refusals[0]).find("b.yaml:11:7: error: a brief classified \"HİZMETE ÖZEL\" may not be e-mailed to "
                                           "c@sub.example.gov.tr") == 0);
    v = judge(p, " gizli ", cls, to({"e@ankara.example.gov.tr", "a@example.gov.tr"}));
    CHECK(v.refusals.empty());
    CHECK(v.encrypt);
    v = judge(p, "Çok Gizli", cls, to({"a@example.gov.tr"}));
    REQUIRE(v.refusals.size() == 1);
    CHECK(v.refusals[0].loc == cls);
    CHECK(v.refusals[0].message.find("may not be e-mailed to anyone") != std::string::npos);
    v = judge(p, "KİŞİYE ÖZEL", cls, to({"a@example.gov.tr"}));
    REQUIRE(v.refusals.size() == 1);
    CHECK(v.refusals[0].message.find("does not name that classification") != std::string::npos);
    // No policy: unclassified anywhere, classified nowhere.
    CHECK(judge(std::nullopt, std::nullopt, cls, to({"a@x.org"})).refusals.empty());
    CHECK(judge(std::nullopt, "", cls, to({"a@x.org"})).refusals.empty());
    CHECK(judge(std::nullopt, "Hizmete Özel", cls, to({"a@example.gov.tr"})).refusals.size() == 1);
}

TEST_CASE("bad policies are located errors") {
    auto error_of = [](const std::string& text) {
        try {
            parse_policy(text, "p.yaml");
        } catch (const core::Error& e) {
            return core::format(e.diagnostic());
        }
        return std::string("no error");
    };
    CHECK(error_of("policy: 2\nclassifications: {}\n").rfind("p.yaml:1:9: error:", 0) == 0);
    CHECK(error_of("policy: 1\nclassifications:\n  a: {allow: [\"exa mple.org\"]}\n").rfind("p.yaml:3:15: error: expected a domain", 0) == 0);
    CHECK(error_of("policy: 1\nclassifications:\n  a: {allow: [x.org], encrypt: yes}\n").rfind("p.yaml:3:", 0) == 0);
    CHECK(error_of("policy: 1\nclassifications:\n  a: {allow: [x.org], deny: []}\n").find("unknown key \"deny\"") != std::string::npos);
    CHECK(error_of("policy: 1\nclassifications:\n  GİZLİ: {allow: []}\n  gizli: {allow: []}\n").rfind("p.yaml:4:3: error:", 0) == 0);
}

TEST_CASE("netrc logins") {
    std::string u, p;
    const char* text = "machine other.org login x password y\n"
                       "machine mail.example.org\n  login robot\n  password \"s3 cret\"\n"
                       "default login anon password guest\n";
    CHECK(netrc_login(text, "mail.example.org", u, p));
    CHECK(u == "robot");
    CHECK(p == "s3 cret");
    CHECK(netrc_login(text, "unknown.org", u, p));
    CHECK(u == "anon");
    CHECK_FALSE(netrc_login("machine a login b password c\n", "z", u, p));
}
