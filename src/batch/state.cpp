#include "batch/state.hpp"

#include "batch/json.hpp"
#include "batch/fingerprint.hpp"
#include "core/i18n.hpp"
#include "batch/sha256.hpp"

namespace briefmake::batch {

namespace fs = std::filesystem;

fs::path state_path(const fs::path& dir, const std::string& stem) { return dir / ("." + stem + ".briefmake-state"); }

std::string to_json(const State& s) {
    json::Value j = json::Value::object();
    j["briefmake"] = s.version;
    j["options"] = s.options;
    j["key"] = key(s);
    j["inputs"] = json::Value::array();
    for (const auto& [path, hash] : s.inputs) {
        json::Value in = json::Value::object();
        in["path"] = path;
        in["fingerprint"] = hash;
        j["inputs"].push_back(std::move(in));
    }
    j["outputs"] = json::Value::array();
    for (const auto& o : s.outputs) {
        json::Value out = json::Value::object();
        out["name"] = o.name;
        out["bytes"] = o.bytes;
        out["sha256"] = o.sha256;
        j["outputs"].push_back(std::move(out));
    }
    j["pages"] = s.pages;
    j["to"] = s.to;
    j["cc"] = s.cc;
    j["subject"] = s.subject;
    j["warnings"] = s.warnings;
    if (!s.edition.empty()) j["edition"] = s.edition;
    if (!s.edition_base.empty()) j["edition_base"] = s.edition_base;
    return json::dump(std::move(j));
}

std::optional<State> parse_state(const std::string& text) {
    auto v = json::parse(text);
    if (!v || !v->is_object()) return std::nullopt;
    State s;
    auto version = json::get_string(*v, "briefmake");
    auto options = json::get_string(*v, "options");
    auto pages = json::get_int(*v, "pages");
    auto subject = json::get_string(*v, "subject");
    auto inputs = v->find("inputs");
    auto outputs = v->find("outputs");
    if (!version || !options || !pages || !subject || inputs == v->end() || outputs == v->end() ||
        !inputs->is_array() || !outputs->is_array())
        return std::nullopt;
    s.version = *version;
    s.options = *options;
    s.pages = static_cast<int>(*pages);
    s.subject = *subject;
    for (const auto& in : *inputs) {
        auto path = json::get_string(in, "path");
        auto hash = json::get_string(in, "fingerprint");
        if (!path || !hash) return std::nullopt;
        s.inputs.emplace_back(*path, *hash);
    }
    for (const auto& out : *outputs) {
        auto name = json::get_string(out, "name");
        auto bytes = json::get_int(out, "bytes");
        auto hash = json::get_string(out, "sha256");
        if (!name || !bytes || !hash) return std::nullopt;
        s.outputs.push_back({*name, *bytes, *hash});
    }
    // A state without warnings is of an older shape: the brief renders again, which finds them.
    for (auto [field, into] : {std::pair{"to", &s.to}, {"cc", &s.cc}, {"warnings", &s.warnings}}) {
        auto list = v->find(field);
        if (list == v->end() || !list->is_array()) return std::nullopt;
        for (const auto& item : *list) {
            if (!item.is_string()) return std::nullopt;
            into->push_back(item.get<std::string>());
        }
    }
    if (auto e = json::get_string(*v, "edition")) s.edition = *e;
    if (auto e = json::get_string(*v, "edition_base")) s.edition_base = *e;
    return s;
}

std::string key(const State& s) {
    // Length-prefixed fields, so no two different states can run together into the same text.
    Sha256 h;
    auto field = [&](const std::string& x) {
        h.update(std::to_string(x.size()));
        h.update(":");
        h.update(x);
    };
    field(s.version);
    field(s.options);
    for (const auto& [path, hash] : s.inputs) {
        field(path);
        field(hash);
    }
    return h.hex();
}

namespace {

// Looks `file` up in `cache`, else computes it outside the lock: two threads may both compute a
// file's entry once, which is harmless.
template <class T, class F>
std::optional<T> cached(std::mutex& mu, std::map<fs::path, std::optional<T>>& cache, const fs::path& file,
                        F compute) {
    {
        std::lock_guard lock(mu);
        auto it = cache.find(file);
        if (it != cache.end()) return it->second;
    }
    auto value = compute();
    std::lock_guard lock(mu);
    return cache.emplace(file, std::move(value)).first->second;
}

}  // namespace

std::optional<std::string> HashCache::contents(const fs::path& file) {
    return cached(mu_, contents_, file, [&] { return fingerprint_file(file); });
}

std::optional<Identity> HashCache::identity(const fs::path& file) {
    return cached(mu_, identities_, file, [&] { return file_identity(file, run_start_); });
}

std::optional<std::string> HashCache::get(const fs::path& file) {
    auto id = identity(file);
    if (!id) return std::nullopt;
    if (id->settled) return id->text;
    return contents(file);
}

std::optional<bool> HashCache::unchanged(const fs::path& file, const std::string& recorded) {
    if (is_identity(recorded)) {
        auto id = identity(file);
        if (!id) return std::nullopt;
        return id->text == recorded;
    }
    auto h = contents(file);
    if (!h) return std::nullopt;
    return *h == recorded;
}

std::string stale_reason(const State& s, const fs::path& dir, const std::string& version, const std::string& options,
                         const std::vector<std::string>& expected_outputs, HashCache& hashes) {
    if (s.version != version) return core::trf("made by briefmake {}", {s.version});
    if (s.options != options) return _("made with other options");
    std::vector<std::string> names;
    for (const auto& o : s.outputs) names.push_back(o.name);
    if (names != expected_outputs) return _("other outputs");
    for (const auto& [path, hash] : s.inputs) {
        auto same = hashes.unchanged(path, hash);
        if (!same) return core::trf("{} is gone", {path});
        if (!*same) return core::trf("{} changed", {path});
    }
    for (const auto& o : s.outputs) {
        // Outputs are not cached: this run may rewrite them.
        auto now = sha256_file(dir / o.name);
        if (!now) return core::trf("{} is missing", {o.name});
        if (*now != o.sha256) return core::trf("{} differs from the one recorded", {o.name});
    }
    return "";
}

}  // namespace briefmake::batch
