#include "core/i18n.hpp"

#include <libintl.h>

namespace briefmake::core {

const char* tr(const char* msgid) { return dgettext("briefmake", msgid); }

std::string trf(const char* msgid, std::initializer_list<std::string_view> args) {
    const std::string_view text = tr(msgid);
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

}  // namespace briefmake::core
