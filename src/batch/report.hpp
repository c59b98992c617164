// What a run tells the people watching: on a terminal a progress line redrawn in place; with
// --verbose timestamped log lines; errors always (warnings unless --quiet). Thread-safe.
#pragma once
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace briefmake::batch {

// What happened to one brief.
enum class Status { Rendered, Skipped, Checked, Failed };

// "rendered", "skipped", "checked", "failed": the words the manifest's "status" and "counts"
// use (scripts read them) and the verbose log prints.
const char* name(Status s);
// The same word in the user's language, for the --verbose log.
const char* label(Status s);

class Reporter {
public:
    // `progress`: draw the in-place line (stderr is a terminal and not --quiet).
    Reporter(std::ostream& err, bool progress, bool verbose, bool quiet);

    void start(size_t total);
    void begin(const std::string& brief);                          // a brief starts
    void end(const std::string& brief, Status status, long long ms);  // ... and ends
    void error(const std::string& text);    // always printed
    void warning(const std::string& text);  // unless --quiet
    void notice(const std::string& text);   // unless --quiet (e.g. "waiting for the lock")
    void log(const std::string& text);      // --verbose only
    // The run's last line: `summary` (counts and time) with --verbose, else `terminal_summary`
    // (what was written where) on a terminal; nothing off a terminal, where errors speak alone.
    void finish(const std::string& summary, const std::string& terminal_summary);

private:
    void print_line(const std::string& text);  // caller holds mu_
    void draw();                               // caller holds mu_
    void clear();                              // caller holds mu_
    std::mutex mu_;
    std::ostream& err_;
    bool progress_, verbose_, quiet_;
    size_t total_ = 0, done_ = 0, failed_ = 0;
    std::string current_;
    bool drawn_ = false;
    size_t drawn_width_ = 0;  // columns the drawn line (with its padding) covers
};

// "12:04:05.123" local time: for people reading logs, never written into outputs.
std::string timestamp();

}  // namespace briefmake::batch
