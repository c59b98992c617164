#include "core/i18n.hpp"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <filesystem>
#include <system_error>

namespace briefmake::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDomain = "briefmake";

std::string fill(std::string_view text, std::initializer_list<std::string_view> args, const std::string* n) {
    std::string out;
    out.reserve(text.size() + 32);
    size_t next = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            out += '}';
            ++i;
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        size_t close = text.find('}', i);
        if (close == std::string_view::npos) {
            out += c;
            continue;
        }
        const std::string_view inside = text.substr(i + 1, close - i - 1);
        if (n && inside == "n") {
            out += *n;
            i = close;
            continue;
        }
        size_t index = next;
        bool numbered = !inside.empty();
        for (char d : inside) numbered = numbered && d >= '0' && d <= '9';
        if (inside.empty()) {
            ++next;
        } else if (numbered) {
            index = std::stoul(std::string(inside)) - 1;
        } else {
            out.append(text.substr(i, close - i + 1));
            i = close;
            continue;
        }
        if (index < args.size()) out.append(*(args.begin() + index));
        i = close;
    }
    return out;
}

// <build>/locale for a program inside the build tree (as find_resource_dir finds the source
// tree's templates), else <prefix>/share/locale beside the installed program.
fs::path locale_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path rel = exe.lexically_relative(fs::weakly_canonical(fs::path(BRIEFMAKE_BUILD_DIR), ec));
    if (!ec && !rel.empty() && *rel.begin() != "..") return fs::path(BRIEFMAKE_BUILD_DIR) / "locale";
    return exe.parent_path().parent_path() / "share" / "locale";
}

}  // namespace

const char* tr(const char* msgid) { return dgettext(kDomain, msgid); }

std::string tr(std::string_view msgid) {
    if (msgid.empty()) return {};  // "" would fetch the catalogue's header
    const std::string id(msgid);
    return dgettext(kDomain, id.c_str());
}

std::string trf(const char* msgid, std::initializer_list<std::string_view> args) {
    return fill(tr(msgid), args, nullptr);
}

std::string ntrf(const char* singular, const char* plural, unsigned long n,
                 std::initializer_list<std::string_view> args) {
    const std::string count = std::to_string(n);
    return fill(dngettext(kDomain, singular, plural, n), args, &count);
}

void init_locale() {
    // Not LC_ALL and never LC_NUMERIC: printf, strtod and std::to_string must keep the dot.
    std::setlocale(LC_CTYPE, "");
    std::setlocale(LC_MESSAGES, "");
    const fs::path dir = locale_dir();
    if (!dir.empty()) bindtextdomain(kDomain, dir.c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
}

}  // namespace briefmake::core
