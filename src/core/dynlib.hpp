// A shared library loaded with dlopen when it is first needed, instead of linked: a library that
// few runs use (libcurl for mail, libzip for reference documents) then costs the others nothing
// at start-up, where the loader binds every linked library's symbols before main.
#pragma once
#include <dlfcn.h>

#include <string>

#include "core/i18n.hpp"

namespace briefmake::core {

class DynLib {
public:
    // Loads `soname` (e.g. "libzip.so.4"); error() says why when it cannot be loaded.
    explicit DynLib(const char* soname) : name_(soname) {
        handle_ = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
        if (!handle_) {
            const char* why = dlerror();
            error_ = trf("cannot load {}: {}", {name_, why ? why : "?"});
        }
    }

    // Points `f` at the function `symbol` (in the library or one it depends on); a missing one
    // is remembered as the error.
    template <typename F>
    void bind(F& f, const char* symbol) {
        if (!handle_) return;
        f = reinterpret_cast<F>(dlsym(handle_, symbol));
        // TRANSLATORS: a shared library lacks a function, e.g. "libzip.so.4 lacks zip_fopen".
        if (!f && error_.empty()) error_ = trf("{} lacks {}", {name_, symbol});
    }

    // Empty when the library and every function bound so far were found. The library stays
    // loaded for the life of the process.
    const std::string& error() const { return error_; }

private:
    std::string name_;
    void* handle_ = nullptr;
    std::string error_;
};

}  // namespace briefmake::core
