#include "cli/watch.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "batch/state.hpp"
#include "core/context.hpp"
#include "core/i18n.hpp"

namespace briefmake::cli {
namespace fs = std::filesystem;

namespace {

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

fs::path absolute_normal(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(p, ec);
    return ec ? fs::absolute(p).lexically_normal() : a;
}

// Every file the briefs depend on: the briefs themselves, what their last successful render read
// (recorded in the incremental state beside the outputs: template chain, fonts, CSV, images),
// and what the run just made read or looked for, found or not (`deps`): a CSV or template that
// a failed render missed is watched for until it appears.
std::set<fs::path> watched_files(const batch::Options& opt, const core::DependencySink* deps = nullptr) {
    std::set<fs::path> files;
    if (deps)
        for (const auto& d : deps->items()) files.insert(absolute_normal(d.path));
    for (const std::string& b : batch::collect_briefs(opt.inputs)) {
        fs::path brief = absolute_normal(b);
        files.insert(brief);
        fs::path dir = opt.output_dir.empty() ? brief.parent_path() : fs::path(opt.output_dir);
        std::error_code ec;
        fs::path state = batch::state_path(dir, brief.stem().string());
        if (!fs::exists(state, ec)) continue;
        try {
            if (auto s = batch::parse_state(core::read_file(state)))
                for (const auto& [path, hash] : s->inputs) files.insert(absolute_normal(path));
        } catch (const core::Error&) {
            // an unreadable state only means fewer files are watched until the next render
        }
    }
    // Folders given on the command line: a new brief appearing there is a change too.
    for (const std::string& in : opt.inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) files.insert(absolute_normal(in) / "");
    }
    return files;
}

class Inotify {
public:
    Inotify() : fd_(inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {}
    ~Inotify() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool ok() const { return fd_ >= 0; }

    // Watches the folders holding `files` (editors often replace a file by renaming a new one
    // over it, which a watch on the file itself would miss). Watches are only ever added, never
    // re-armed: an edit made while a render runs stays queued and starts the next render. For a
    // file whose folder is missing too, the nearest folder that exists is watched, and the
    // creation of a missing folder on the way counts as a change.
    void watch(const std::set<fs::path>& files) {
        files_ = files;
        std::set<fs::path> folders;
        for (const auto& f : files) {
            fs::path d = f.parent_path();
            std::error_code ec;
            while (!fs::is_directory(d, ec) && d.has_relative_path()) {
                files_.insert(d);
                d = d.parent_path();
            }
            folders.insert(d);
        }
        for (const auto& d : folders) {
            // The same folder gives the same watch descriptor again.
            int wd = inotify_add_watch(fd_, d.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM);
            if (wd >= 0) dirs_[wd] = d;
        }
    }

    // Blocks until a watched file changes (true) or a signal asks to stop (false).
    bool wait_for_change() {
        while (!g_stop) {
            pollfd p{fd_, POLLIN, 0};
            int r = ::poll(&p, 1, 200);
            if (r < 0 && errno != EINTR) return false;
            if (r <= 0) continue;
            if (drain()) {
                // Let a burst of writes (an editor saving, a tool writing several files) settle.
                for (int i = 0; i < 5 && !g_stop; ++i) {
                    pollfd q{fd_, POLLIN, 0};
                    if (::poll(&q, 1, 40) > 0) drain();
                }
                return !g_stop;
            }
        }
        return false;
    }

private:
    // Reads pending events; true if one concerns a watched file or a brief folder.
    bool drain() {
        alignas(inotify_event) char buf[16384];
        bool hit = false;
        for (;;) {
            ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                auto* ev = reinterpret_cast<inotify_event*>(p);
                p += sizeof(inotify_event) + ev->len;
                auto it = dirs_.find(ev->wd);
                if (it == dirs_.end() || ev->len == 0) continue;
                fs::path f = it->second / ev->name;
                std::string name = ev->name;
                bool yaml = f.extension() == ".yaml" || f.extension() == ".yml";
                if (files_.count(f) || (yaml && name[0] != '.' && files_.count(it->second / ""))) hit = true;
            }
        }
        return hit;
    }

    int fd_;
    std::map<int, fs::path> dirs_;
    std::set<fs::path> files_;
};

}  // namespace

int watch(const batch::Options& opt_in, std::ostream& err) {
    batch::Options opt = opt_in;
    opt.progress = false;
    Inotify in;
    if (!in.ok()) {
        const int e = errno;
        err << "briefmake: error: " << core::trf("cannot watch files: {}", {std::strerror(e)}) << "\n";
        return 1;
    }
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    in.watch(watched_files(opt));  // before the first render, so that no edit goes unseen
    while (!g_stop) {
        core::DependencySink deps;
        opt.dependencies = &deps;
        int status = batch::run(opt, err);
        if (status == 2) return 2;  // a usage error will not fix itself
        std::set<fs::path> files = watched_files(opt, &deps);
        in.watch(files);
        if (!opt.quiet)
            err << "briefmake: "
                << (status == 0 ? core::ntrf("up to date; watching {n} file(s) for changes (Ctrl-C to stop)",
                                             "up to date; watching {n} file(s) for changes (Ctrl-C to stop)", files.size())
                                : core::ntrf("errors above; watching {n} file(s) for changes (Ctrl-C to stop)",
                                             "errors above; watching {n} file(s) for changes (Ctrl-C to stop)",
                                             files.size()))
                << std::endl;
        // A file the render missed that appeared before its folder was watched: no event will
        // come for it, so render again now.
        bool appeared = false;
        for (const auto& d : deps.items()) {
            std::error_code ec;
            appeared = appeared || (!d.existed && fs::exists(d.path, ec));
        }
        if (!appeared && !in.wait_for_change()) break;
    }
    return 0;
}

}  // namespace briefmake::cli
