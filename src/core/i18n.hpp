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

// tr(msgid) with its placeholders filled: "{}" takes the next argument in order, "{1}", "{2}" …
// a numbered one, so that a translation may reorder them. "{{" is a literal brace.
std::string trf(const char* msgid, std::initializer_list<std::string_view> args);

}  // namespace briefmake::core

// xgettext keywords: _ and N_ (marks a message translated later), trf:1.
#define _(msgid) ::briefmake::core::tr(msgid)
#define N_(msgid) msgid
