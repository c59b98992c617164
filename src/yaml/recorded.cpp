#include <cstddef>
#include <cstring>

#include "yaml/events.hpp"

namespace briefmake::yaml {

// Written at build time by src/yaml/record/record_yaml.cpp (CMakeLists.txt): each shipped
// template's text and its recorded events.
struct RecordedYaml {
    const char* text;
    std::size_t text_size;
    const char* events;
    std::size_t events_size;
};
extern const RecordedYaml kRecordedYaml[];
extern const std::size_t kRecordedYamlCount;

std::string_view recorded_events(std::string_view text) {
    for (std::size_t i = 0; i < kRecordedYamlCount; ++i) {
        const RecordedYaml& r = kRecordedYaml[i];
        if (r.text_size == text.size() && std::memcmp(r.text, text.data(), text.size()) == 0)
            return {r.events, r.events_size};
    }
    return {};
}

}  // namespace briefmake::yaml
