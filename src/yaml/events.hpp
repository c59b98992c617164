// yaml-cpp's parser events, recorded as bytes and replayed. The shipped templates are parsed
// once at build time (src/yaml/record/record_yaml.cpp) and their events compiled into the
// binary; at run time a file whose text is exactly a shipped template's is not scanned again
// (yaml-cpp's scanner costs about 1,500 instructions per byte): its events are replayed into the
// same checks and tree builder, giving the same nodes, marks, warnings and errors.
#pragma once
#include <string>
#include <string_view>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

namespace briefmake::yaml {

class EventRecorder : public YAML::EventHandler {
public:
    const std::string& bytes() const { return out_; }

    void OnDocumentStart(const YAML::Mark& mark) override;
    void OnDocumentEnd() override;
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override;
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override;
    void OnSequenceEnd() override;
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override;
    void OnMapEnd() override;

private:
    void number(long long n);
    void text(const std::string& s);
    void mark(const YAML::Mark& m);
    std::string out_;
};

// Hands the recorded events to `to`, in order. Throws std::runtime_error on bytes that are not a
// recording (they come from our own build, so that is a build fault).
void replay(std::string_view bytes, YAML::EventHandler& to);

// The recorded events of the document whose text is exactly `text`, when it is one of the
// templates recorded at build time; empty otherwise.
std::string_view recorded_events(std::string_view text);

}  // namespace briefmake::yaml
