#include "batch/sendmail.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/i18n.hpp"

extern char** environ;

namespace briefmake::batch {

namespace {

// The last line of what the program printed, for the manifest (at most 300 bytes).
std::string last_line(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    size_t nl = s.rfind('\n');
    if (nl != std::string::npos) s = s.substr(nl + 1);
    return s.size() > 300 ? s.substr(0, 300) : s;
}

// Writes `message` to `in_fd` while reading `err_fd` (so a chatty program cannot block us).
std::string feed(int in_fd, int err_fd, const std::string& message) {
    std::string err;
    size_t at = 0;
    bool in_open = true, err_open = true;
    if (message.empty()) {
        ::close(in_fd);
        in_open = false;
    }
    while (in_open || err_open) {
        pollfd fds[2];
        int n = 0;
        if (in_open) fds[n++] = {in_fd, POLLOUT, 0};
        if (err_open) fds[n++] = {err_fd, POLLIN, 0};
        if (::poll(fds, n, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < n; ++i) {
            if (fds[i].fd == in_fd && fds[i].revents) {
                ssize_t w = ::write(in_fd, message.data() + at, std::min<size_t>(message.size() - at, 65536));
                if (w > 0) at += static_cast<size_t>(w);
                if (w < 0 && errno != EINTR && errno != EAGAIN) at = message.size();  // EPIPE: it stopped reading
                if (at >= message.size()) {
                    ::close(in_fd);
                    in_open = false;
                }
            } else if (fds[i].fd == err_fd && fds[i].revents) {
                char buf[4096];
                ssize_t r = ::read(err_fd, buf, sizeof buf);
                if (r > 0 && err.size() < 65536) err.append(buf, static_cast<size_t>(r));
                if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) {
                    ::close(err_fd);
                    err_open = false;
                }
            }
        }
    }
    return err;
}

}  // namespace

TransportResult sendmail_send(const std::string& program, const std::vector<std::string>& recipients,
                              const std::string& message) {
    TransportResult result;
    auto all = [&](RecipientReply::Result r, const std::string& reply) {
        for (const auto& a : recipients) result.recipients.push_back({a, r, reply});
        result.summary = reply;
        return result;
    };
    // A program that exits before reading all of the message must not kill briefmake.
    ::signal(SIGPIPE, SIG_IGN);
    int in[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return all(RecipientReply::Result::Pending, std::string("pipe: ") + std::strerror(errno));
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return all(RecipientReply::Result::Pending, std::string("pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, err[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    std::string t = "-t", i = "-i";
    char* argv[] = {const_cast<char*>(program.c_str()), t.data(), i.data(), nullptr};
    pid_t pid = 0;
    int rc = ::posix_spawn(&pid, program.c_str(), &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(in[0]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(err[0]);
        return all(RecipientReply::Result::Pending, core::trf("cannot run {}: {}", {program, std::strerror(rc)}));
    }
    std::string output = feed(in[1], err[0], message);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    std::string said = last_line(output);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return all(RecipientReply::Result::Accepted,
                   core::trf("{} exited with 0", {program}) + (said.empty() ? "" : ": " + said));
    std::string reply = WIFEXITED(status) ? core::trf("{} exited with {}", {program, std::to_string(WEXITSTATUS(status))})
                                          : core::trf("{} was killed by signal {}", {program, std::to_string(WTERMSIG(status))});
    if (!said.empty()) reply += ": " + said;
    // 75 (EX_TEMPFAIL), a killed program and any other failure: try again on the next run, since
    // sendmail's exit status does not say which recipient it could not take. Only 67 (EX_NOUSER,
    // sysexits.h) is final.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 67) return all(RecipientReply::Result::Refused, reply);
    return all(RecipientReply::Result::Pending, reply);
}

}  // namespace briefmake::batch
