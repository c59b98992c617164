// Messages in the user's language: gettext's "briefmake" domain, chosen by LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG. Only what briefmake says to the user goes through here; nothing written
// into a PDF or DOCX does (the brief's own `language` governs those).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace briefmake::core {

// The message in the user's language, or msgid itself when there is no catalogue for it.
const char* tr(const char* msgid);
// The same for a msgid held elsewhere (a description passed down to a helper, marked where it is
// written); the result is a copy, since gettext hands back msgid itself when it has no translation.
std::string tr(std::string_view msgid);

// tr(msgid) with its placeholders filled: "{}" takes the next argument in order, "{1}", "{2}" …
// a numbered one, so that a translation may reorder them. "{{" is a literal brace.
std::string trf(const char* msgid, std::initializer_list<std::string_view> args);

// trf with the plural form for n chosen by the catalogue (ngettext): "{n}" is n itself. A message
// that was English before its plural forms were (e.g. "row has 1 cells") keeps its words in both
// forms, so that English output stays as it was; the catalogues give each form its own.
std::string ntrf(const char* singular, const char* plural, unsigned long n,
                 std::initializer_list<std::string_view> args = {});

// Once, first thing in main(): takes LC_MESSAGES and LC_CTYPE (UTF-8 messages, not
// transliterated) from the environment, and binds the domain to the catalogues found beside the
// program: <build>/locale in the build tree, <prefix>/share/locale when installed. Every other
// category stays "C", so numbers in the outputs never take a decimal comma.
void init_locale();

}  // namespace briefmake::core

// xgettext keywords: _ and N_ (marks a message translated later), trf:1, ntrf:1,2.
#define _(msgid) ::briefmake::core::tr(msgid)
#define N_(msgid) msgid
