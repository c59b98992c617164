#include "yaml/events.hpp"

#include <cstddef>
#include <stdexcept>

namespace briefmake::yaml {

// One byte per event kind, then its fields: numbers as zig-zag base-128 varints, strings as a
// length and the bytes.
namespace {
enum Kind : char {
    DocStart = 'D', DocEnd = 'd', Null = 'N', Alias = 'A', Scalar = 'S',
    SeqStart = 'Q', SeqEnd = 'q', MapStart = 'M', MapEnd = 'm',
};
}  // namespace

void EventRecorder::number(long long n) {
    unsigned long long z = (static_cast<unsigned long long>(n) << 1) ^ static_cast<unsigned long long>(n >> 63);
    do {
        unsigned char b = z & 0x7F;
        z >>= 7;
        out_ += static_cast<char>(z ? b | 0x80 : b);
    } while (z);
}

void EventRecorder::text(const std::string& s) {
    number(static_cast<long long>(s.size()));
    out_ += s;
}

void EventRecorder::mark(const YAML::Mark& m) {
    number(m.pos);
    number(m.line);
    number(m.column);
}

void EventRecorder::OnDocumentStart(const YAML::Mark& m) {
    out_ += DocStart;
    mark(m);
}
void EventRecorder::OnDocumentEnd() { out_ += DocEnd; }
void EventRecorder::OnNull(const YAML::Mark& m, YAML::anchor_t anchor) {
    out_ += Null;
    mark(m);
    number(static_cast<long long>(anchor));
}
void EventRecorder::OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) {
    out_ += Alias;
    mark(m);
    number(static_cast<long long>(anchor));
}
void EventRecorder::OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                             const std::string& value) {
    out_ += Scalar;
    mark(m);
    text(tag);
    number(static_cast<long long>(anchor));
    text(value);
}
void EventRecorder::OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                                    YAML::EmitterStyle::value style) {
    out_ += SeqStart;
    mark(m);
    text(tag);
    number(static_cast<long long>(anchor));
    number(style);
}
void EventRecorder::OnSequenceEnd() { out_ += SeqEnd; }
void EventRecorder::OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                               YAML::EmitterStyle::value style) {
    out_ += MapStart;
    mark(m);
    text(tag);
    number(static_cast<long long>(anchor));
    number(style);
}
void EventRecorder::OnMapEnd() { out_ += MapEnd; }

namespace {

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}
    bool done() const { return at_ >= b_.size(); }
    char kind() { need(1); return b_[at_++]; }
    long long number() {
        unsigned long long z = 0;
        for (int shift = 0;; shift += 7) {
            need(1);
            if (shift > 63) bad();
            const auto b = static_cast<unsigned char>(b_[at_++]);
            z |= static_cast<unsigned long long>(b & 0x7F) << shift;
            if (!(b & 0x80)) break;
        }
        return static_cast<long long>(z >> 1) ^ -static_cast<long long>(z & 1);
    }
    std::string text() {
        const long long n = number();
        if (n < 0) bad();
        need(static_cast<std::size_t>(n));
        std::string s(b_.substr(at_, static_cast<std::size_t>(n)));
        at_ += static_cast<std::size_t>(n);
        return s;
    }
    YAML::Mark mark() {
        YAML::Mark m;
        m.pos = static_cast<int>(number());
        m.line = static_cast<int>(number());
        m.column = static_cast<int>(number());
        return m;
    }

private:
    void need(std::size_t n) const {
        if (b_.size() - at_ < n) bad();
    }
    [[noreturn]] static void bad() { throw std::runtime_error("corrupt recording of YAML events"); }
    std::string_view b_;
    std::size_t at_ = 0;
};

}  // namespace

void replay(std::string_view bytes, YAML::EventHandler& to) {
    Reader r(bytes);
    while (!r.done()) {
        const char k = r.kind();
        switch (k) {
        case DocStart: to.OnDocumentStart(r.mark()); break;
        case DocEnd: to.OnDocumentEnd(); break;
        case Null: {
            const YAML::Mark m = r.mark();
            to.OnNull(m, static_cast<YAML::anchor_t>(r.number()));
            break;
        }
        case Alias: {
            const YAML::Mark m = r.mark();
            to.OnAlias(m, static_cast<YAML::anchor_t>(r.number()));
            break;
        }
        case Scalar: {
            const YAML::Mark m = r.mark();
            const std::string tag = r.text();
            const auto anchor = static_cast<YAML::anchor_t>(r.number());
            to.OnScalar(m, tag, anchor, r.text());
            break;
        }
        case SeqStart:
        case MapStart: {
            const YAML::Mark m = r.mark();
            const std::string tag = r.text();
            const auto anchor = static_cast<YAML::anchor_t>(r.number());
            const auto style = static_cast<YAML::EmitterStyle::value>(r.number());
            if (k == MapStart) to.OnMapStart(m, tag, anchor, style);
            else to.OnSequenceStart(m, tag, anchor, style);
            break;
        }
        case SeqEnd: to.OnSequenceEnd(); break;
        case MapEnd: to.OnMapEnd(); break;
        default: throw std::runtime_error("corrupt recording of YAML events");
        }
    }
}

}  // namespace briefmake::yaml
