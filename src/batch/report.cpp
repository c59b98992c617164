#include "batch/report.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/i18n.hpp"
#include "core/utf8.hpp"

namespace briefmake::batch {

namespace {

size_t terminal_width() {
    winsize ws{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10) return ws.ws_col;
    return 80;
}

// Cuts UTF-8 text to at most `width` code points (a good-enough stand-in for columns here).
std::string fit(const std::string& s, size_t width) {
    size_t points = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!core::is_utf8_continuation(static_cast<unsigned char>(s[i])) && ++points > width) return s.substr(0, i);
    }
    return s;
}

size_t code_points(const std::string& s) { return core::count_code_points(s); }

}  // namespace

const char* name(Status s) {
    switch (s) {
        case Status::Rendered: return "rendered";
        case Status::Skipped: return "skipped";
        case Status::Checked: return "checked";
        case Status::Failed: return "failed";
    }
    return "?";
}

const char* label(Status s) {
    switch (s) {
        case Status::Rendered: return _("rendered");
        case Status::Skipped: return _("skipped");
        case Status::Checked: return _("checked");
        case Status::Failed: return _("failed");
    }
    return "?";
}

std::string timestamp() {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

Reporter::Reporter(std::ostream& err, bool progress, bool verbose, bool quiet)
    : err_(err), progress_(progress), verbose_(verbose), quiet_(quiet) {}

// The progress line is overwritten with blanks, not erased with an escape sequence: output holds
// no escape sequences at all (NO_COLOR, TERM=dumb, logs of a terminal session).
void Reporter::clear() {
    if (drawn_) {
        err_ << '\r' << std::string(drawn_width_, ' ') << '\r';
        drawn_ = false;
        drawn_width_ = 0;
    }
}

void Reporter::draw() {
    if (!progress_ || total_ == 0) return;
    std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "]";
    if (failed_) line += " " + core::ntrf("{n} failed", "{n} failed", failed_);
    if (!current_.empty()) line += " " + current_;
    line = fit(line, terminal_width() - 1);
    const size_t width = code_points(line);
    err_ << '\r' << line << std::string(drawn_width_ > width ? drawn_width_ - width : 0, ' ') << std::flush;
    drawn_ = true;
    drawn_width_ = std::max(drawn_width_, width);
}

void Reporter::print_line(const std::string& text) {
    clear();
    err_ << text << "\n";
    draw();
    err_.flush();
}

void Reporter::start(size_t total) {
    std::lock_guard lock(mu_);
    total_ = total;
    if (verbose_) print_line("[" + timestamp() + "] " + core::ntrf("{n} brief(s)", "{n} brief(s)", total));
    draw();
}

void Reporter::begin(const std::string& brief) {
    std::lock_guard lock(mu_);
    current_ = brief;
    if (verbose_) print_line("[" + timestamp() + "] " + core::trf("{}: started", {brief}));
    else draw();
}

void Reporter::end(const std::string& brief, Status status, long long ms) {
    std::lock_guard lock(mu_);
    ++done_;
    if (status == Status::Failed) ++failed_;
    if (verbose_)
        print_line("[" + timestamp() + "] " + core::trf("{}: {} ({} ms)", {brief, label(status), std::to_string(ms)}));
    else draw();
}

void Reporter::error(const std::string& text) {
    std::lock_guard lock(mu_);
    print_line(text);
}

void Reporter::warning(const std::string& text) {
    std::lock_guard lock(mu_);
    // Not on a terminal (cron, a workflow): silent except for errors, unless --verbose.
    if (!quiet_ && (progress_ || verbose_)) print_line(text);
}

void Reporter::notice(const std::string& text) {
    std::lock_guard lock(mu_);
    if (!quiet_) print_line(verbose_ ? "[" + timestamp() + "] " + text : text);
}

void Reporter::log(const std::string& text) {
    std::lock_guard lock(mu_);
    if (verbose_) print_line("[" + timestamp() + "] " + text);
}

void Reporter::finish(const std::string& summary, const std::string& terminal_summary) {
    std::lock_guard lock(mu_);
    clear();
    current_.clear();
    if (verbose_) err_ << "[" + timestamp() + "] " << summary << "\n";
    else if (progress_) err_ << terminal_summary << "\n";
    err_.flush();
}

}  // namespace briefmake::batch
