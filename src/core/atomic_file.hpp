// The one way briefmake writes a file a person will read: a temporary file beside the target,
// written and synced, then renamed (or linked) into place, so a reader sees the old file or the
// new one and never half of one. Every output (PDF, DOCX, .eml, state, manifest) and the brief
// that `briefmake init` creates go through here.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace briefmake::core {

// The process's file-creation mask, read once: the first call reads it, later calls return that
// value. umask(2) has no read-only form, so reading it means setting it to something and back;
// done once, no two threads can interleave that pair and leave the mask at 0 (files written
// 0666 from then on). main() calls this before it starts any thread; a program that does not
// is still safe from that, since a function-local static is initialised by one thread only.
mode_t process_umask();

// Writes every (path, bytes) pair so that each target is either its old content or the new
// complete content: all temporaries (".NAME.XXXXXX" beside the target, mode 0666 less the
// umask, as a plain open() would make it) are written and synced first, then renamed one by
// one, then the folder is synced. On failure nothing more is renamed and the temporaries are
// removed; throws Error naming the target.
void write_atomically(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// Creates `path` holding `bytes`, complete or not at all, and never replaces a file: the
// temporary is linked into place, and link(2) fails when the target exists (so a file made
// meanwhile is kept). Throws Error naming `path`: "file exists; ..." when it does, else why it
// could not be created or written.
void create_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace briefmake::core
