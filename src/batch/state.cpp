#include "batch/state.hpp"

#include "batch/json.hpp"
#include "batch/fingerprint.hpp"
#include "batch/sha256.hpp"

namespace briefmake::batch {

namespace fs = std::filesystem;

fs::path state_path(const fs::path& dir, const std::string& stem) { return dir / ("." + stem + ".briefmake-state"); }

std::string to_json(const State& s) {
    json::Writer w;
    w.begin_object();
    w.key("briefmake").value(s.version);
    w.key("options").value(s.options);
    w.key("key").value(key(s));
    w.key("inputs").begin_array();
    for (const auto& [path, hash] : s.inputs) w.begin_object().key("path").value(path).key("fingerprint").value(hash).end_object();
    w.end_array();
    w.key("outputs").begin_array();
    for (const auto& o : s.outputs)
        w.begin_object().key("name").value(o.name).key("bytes").value(o.bytes).key("sha256").value(o.sha256).end_object();
    w.end_array();
    w.key("pages").value(s.pages);
    w.key("to").begin_array();
    for (const auto& t : s.to) w.value(t);
    w.end_array();
    w.key("cc").begin_array();
    for (const auto& t : s.cc) w.value(t);
    w.end_array();
    w.key("subject").value(s.subject);
    w.key("warnings").begin_array();
    for (const auto& t : s.warnings) w.value(t);
    w.end_array();
    w.end_object();
    return w.str();
}

std::optional<State> parse_state(const std::string& text) {
    auto v = json::parse(text);
    if (!v || v->kind != json::Value::Kind::Object) return std::nullopt;
    State s;
    auto version = v->get_string("briefmake");
    auto options = v->get_string("options");
    auto pages = v->get_int("pages");
    auto subject = v->get_string("subject");
    const json::Value* inputs = v->get("inputs");
    const json::Value* outputs = v->get("outputs");
    if (!version || !options || !pages || !subject || !inputs || !outputs ||
        inputs->kind != json::Value::Kind::Array || outputs->kind != json::Value::Kind::Array)
        return std::nullopt;
    s.version = *version;
    s.options = *options;
    s.pages = static_cast<int>(*pages);
    s.subject = *subject;
    for (const auto& in : inputs->array) {
        auto path = in.get_string("path");
        auto hash = in.get_string("fingerprint");
        if (!path || !hash) return std::nullopt;
        s.inputs.emplace_back(*path, *hash);
    }
    for (const auto& out : outputs->array) {
        auto name = out.get_string("name");
        auto bytes = out.get_int("bytes");
        auto hash = out.get_string("sha256");
        if (!name || !bytes || !hash) return std::nullopt;
        s.outputs.push_back({*name, *bytes, *hash});
    }
    // A state without warnings is of an older shape: the brief renders again, which finds them.
    for (auto [field, into] : {std::pair{"to", &s.to}, {"cc", &s.cc}, {"warnings", &s.warnings}}) {
        const json::Value* list = v->get(field);
        if (!list || list->kind != json::Value::Kind::Array) return std::nullopt;
        for (const auto& item : list->array) {
            if (item.kind != json::Value::Kind::String) return std::nullopt;
            into->push_back(item.string);
        }
    }
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

std::optional<std::string> HashCache::get(const fs::path& file) {
    {
        std::lock_guard lock(mu_);
        auto it = hashes_.find(file);
        if (it != hashes_.end()) return it->second;
    }
    // Hash outside the lock: two threads may both hash a file once, which is harmless.
    auto h = fingerprint_file(file);
    std::lock_guard lock(mu_);
    return hashes_.emplace(file, h).first->second;
}

std::string stale_reason(const State& s, const fs::path& dir, const std::string& version, const std::string& options,
                         const std::vector<std::string>& expected_outputs, HashCache& hashes) {
    if (s.version != version) return "made by briefmake " + s.version;
    if (s.options != options) return "made with other options";
    std::vector<std::string> names;
    for (const auto& o : s.outputs) names.push_back(o.name);
    if (names != expected_outputs) return "other outputs";
    for (const auto& [path, hash] : s.inputs) {
        auto now = hashes.get(path);
        if (!now) return path + " is gone";
        if (*now != hash) return path + " changed";
    }
    for (const auto& o : s.outputs) {
        // Outputs are not cached: this run may rewrite them.
        auto now = sha256_file(dir / o.name);
        if (!now) return o.name + " is missing";
        if (*now != o.sha256) return o.name + " differs from the one recorded";
    }
    return "";
}

}  // namespace briefmake::batch
