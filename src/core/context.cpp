#include "core/context.hpp"

#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/i18n.hpp"
#include "core/utf8.hpp"

namespace briefmake::core {

const char* version() { return BRIEFMAKE_VERSION; }

namespace {

// The main program is the first object dl_iterate_phdr reports; its PT_NOTE segments hold the
// NT_GNU_BUILD_ID note (name "GNU").
int find_build_id(dl_phdr_info* info, size_t, void* out) {
    auto& id = *static_cast<std::string*>(out);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
        const char* end = p + ph.p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* n = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const char* name = p + sizeof(ElfW(Nhdr));
            const char* desc = name + ((n->n_namesz + 3) & ~3u);
            if (desc + n->n_descsz > end) break;
            if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                static const char* hex = "0123456789abcdef";
                for (unsigned k = 0; k < n->n_descsz; ++k) {
                    const auto b = static_cast<unsigned char>(desc[k]);
                    id += hex[b >> 4];
                    id += hex[b & 15];
                }
                return 1;
            }
            p = desc + ((n->n_descsz + 3) & ~3u);
        }
    }
    return 1;  // only the first object (the program) is looked at
}

}  // namespace

const std::string& version_and_build() {
    static const std::string v = [] {
        std::string id;
        dl_iterate_phdr(find_build_id, &id);
        return id.empty() ? std::string(BRIEFMAKE_VERSION) : std::string(BRIEFMAKE_VERSION) + "+" + id.substr(0, 12);
    }();
    return v;
}

namespace {

// A resource folder must hold the shipped templates and fonts; the error names what is missing.
std::filesystem::path checked_resources(const std::filesystem::path& dir, const std::string& why) {
    namespace fs = std::filesystem;
    for (const char* sub : {"templates", "fonts"}) {
        std::error_code ec;
        if (!fs::is_directory(dir / sub, ec))
            throw Error({(dir / sub).string(), 0, 0},
                        trf(sub == std::string("fonts") ? N_("folder of briefmake's shipped fonts not found ({})")
                                                        : N_("folder of briefmake's shipped templates not found ({})"),
                            {why}),
                        _("reinstall briefmake, or set BRIEFMAKE_RESOURCES to a folder holding templates/ and fonts/"));
    }
    return dir;
}

}  // namespace

std::filesystem::path find_resource_dir() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("BRIEFMAKE_RESOURCES"); env && *env)
        return checked_resources(fs::path(env), _("from BRIEFMAKE_RESOURCES"));
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw Error({"/proc/self/exe", 0, 0}, trf("cannot find the running program: {}", {ec.message()}),
                        _("set BRIEFMAKE_RESOURCES to a folder holding templates/ and fonts/"));
    const fs::path installed = exe.parent_path().parent_path() / "share" / "briefmake";
    if (fs::exists(installed, ec)) return checked_resources(installed, trf("the installation beside {}", {exe.string()}));
    // Only the program in the build tree it was compiled in uses the source tree: an installed or
    // copied program never silently reads the build machine's sources.
    const fs::path rel = exe.lexically_relative(fs::weakly_canonical(fs::path(BRIEFMAKE_BUILD_DIR), ec));
    if (!rel.empty() && *rel.begin() != "..")
        return checked_resources(fs::path(BRIEFMAKE_SOURCE_RESOURCES), _("the source tree of this build"));
    return checked_resources(installed, trf("the installation beside {}", {exe.string()}));
}

void DependencySink::add(const std::filesystem::path& path) {
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    std::lock_guard lock(mu_);
    items_.push_back({path, existed});
}

std::vector<DependencySink::Item> DependencySink::items() const {
    std::lock_guard lock(mu_);
    return items_;
}

std::optional<int64_t> source_date_epoch_from_env() {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return std::nullopt;
    // Digits only (no sign, no blanks), at most 9999-12-31T23:59:59Z: anything else is refused
    // rather than ignored, so a typo cannot make a build silently irreproducible.
    constexpr long long latest = 253402300799;
    bool digits = true;
    for (const char* p = env; *p; ++p) digits = digits && *p >= '0' && *p <= '9';
    errno = 0;
    const long long v = digits ? std::strtoll(env, nullptr, 10) : -1;
    if (!digits || errno != 0 || v > latest)
        throw Error({"SOURCE_DATE_EPOCH", 0, 0},
                    trf("\"{}\" is not a time; expected the number of seconds since 1970-01-01 UTC (digits, at "
                        "most {}), e.g. 1767225600",
                        {env, std::to_string(latest)}),
                    _("or unset it"));
    return static_cast<int64_t>(v);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw Error({path.string(), 0, 0}, trf("cannot read file: {}", {std::strerror(err)}));
    }
    // A regular file is read in one go into a string of its size: no growing buffer and no
    // second copy (fonts are ~400 KB each). Anything else, or a file that changed size while
    // being read, is read the general way.
    std::error_code ec;
    const auto size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    if (!ec && size > 0) {
        std::string out(size, '\0');
        in.read(out.data(), static_cast<std::streamsize>(size));
        if (in.gcount() == static_cast<std::streamsize>(size) && in.peek() == std::char_traits<char>::eof()) return out;
        in.clear();
        in.seekg(0);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void check_text(const std::string& text, const std::string& file_name) {
    int line = 1, col = 1;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    size_t n = text.size(), i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = 1;
        uint32_t cp = c;
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                throw Error({file_name, line, col},
                            trf("control character U+{} is not allowed; expected printable text",
                                {std::string("00") + "0123456789ABCDEF"[c >> 4] + "0123456789ABCDEF"[c & 15]}));
            if (c == 0x7f) throw Error({file_name, line, col}, _("control character U+007F is not allowed; expected printable text"));
        } else {
            // The sequence's length from its lead byte is checked first, so that a sequence cut
            // off by the end of the file is reported as truncated whatever its bytes.
            len = utf8_sequence_length(c);
            if (len == 0) throw Error({file_name, line, col}, _("invalid UTF-8 byte; expected UTF-8 text"));
            if (i + len > n) throw Error({file_name, line, col}, _("truncated UTF-8 sequence; expected UTF-8 text"));
            const Utf8Char decoded = decode_utf8(text, i);
            if (!decoded.ok()) throw Error({file_name, line, col}, _("invalid UTF-8 sequence; expected UTF-8 text"));
            cp = decoded.cp;
            if (cp >= 0x80 && cp <= 0x9F)
                throw Error({file_name, line, col}, _("C1 control character is not allowed; expected printable text"));
        }
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
        i += len;
    }
}

}  // namespace briefmake::core
