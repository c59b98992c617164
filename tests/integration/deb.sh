#!/usr/bin/env bash
# deb: `cpack -G DEB` in the build tree makes briefmake_VERSION_ARCH.deb whose control fields
# name the package, a Maintainer with an e-mail address and the shared libraries it needs
# (dpkg-shlibdeps: libhpdf, libharfbuzz, libpng, ...), whose contents are the binary, templates,
# fonts, schema, gzipped man page (dated by the last commit, not the build), copyright file and
# bash completion under /usr, and whose unpacked tree renders the sample brief.
# As root with dpkg and apt-get, the package is installed (dpkg -i, then apt-get -f install when
# dependencies are missing), /usr/bin/briefmake renders a copy of the sample brief with the source
# tree hidden, `man briefmake` shows the page, and the package (and any dependency the install
# pulled in) is purged again. Otherwise the test ends as skipped (exit 77), saying why.
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need cpack dpkg-deb dpkg-shlibdeps pdftotext python3
[ -f "$BIN_DIR/CPackConfig.cmake" ] || die "$BIN_DIR has no CPackConfig.cmake (configure with CMake first)"

(cd "$BIN_DIR" && cpack -G DEB -B "$TMP/pkg" --config "$BIN_DIR/CPackConfig.cmake") >"$TMP/cpack.log" 2>&1 ||
  die "cpack -G DEB failed: $(tail -15 "$TMP/cpack.log")"
debs=("$TMP"/pkg/*.deb)
{ [ ${#debs[@]} -eq 1 ] && [ -s "${debs[0]}" ]; } || die "expected one .deb, got: ${debs[*]}"
deb=${debs[0]}
version=$("$BRIEFMAKE" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "briefmake_${version}_${arch}.deb" ] || fail "package file is $(basename "$deb"), expected briefmake_${version}_${arch}.deb"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = briefmake ] || fail "Package: $(field Package), expected briefmake"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture), expected $arch"
[[ "$(field Maintainer)" =~ ^[^\<\>]+\ \<[^@\<\>\ ]+@[^@\<\>\ ]+\>$ ]] ||
  fail "Maintainer is not NAME <E-MAIL>: $(field Maintainer)"
[ -n "$(field Description)" ] || fail "no Description field"
depends=$(field Depends)
# yaml-cpp, pugixml, cmark, libhyphen, ICU, libcrypto and libstdc++ are linked statically
# (CMakeLists.txt, BRIEFMAKE_STATIC_LIBS); libcurl4 and libzip4 are loaded with dlopen and named
# by CPACK_DEBIAN_PACKAGE_DEPENDS.
for lib in libc6 libhpdf libharfbuzz libzip4 libpng libcurl4; do
  [[ ", $depends" == *", $lib"* ]] || fail "Depends lacks $lib: $depends"
done
dpkg-deb -I "$deb" >"$TMP/info.txt" || fail "dpkg-deb -I cannot read the package"

# Contents.
dpkg-deb -c "$deb" | awk '{print $NF}' >"$TMP/contents.txt" || fail "dpkg-deb -c cannot list the package"
for f in ./usr/bin/briefmake ./usr/share/briefmake/templates/default.yaml \
         ./usr/share/briefmake/fonts/LiberationSerif-Regular.ttf ./usr/share/briefmake/fonts/LiberationSans-Bold.ttf \
         ./usr/share/briefmake/fonts/DejaVuSans.ttf ./usr/share/briefmake/fonts/LICENSE-DejaVu.txt \
         ./usr/share/briefmake/schema/brief-v1.schema.json ./usr/share/man/man1/briefmake.1.gz \
         ./usr/share/doc/briefmake/copyright ./usr/share/man/tr/man1/briefmake.1.gz \
         ./usr/share/locale/tr/LC_MESSAGES/briefmake.mo ./usr/share/locale/ru/LC_MESSAGES/briefmake.mo \
         ./usr/share/locale/kk/LC_MESSAGES/briefmake.mo \
         ./usr/share/bash-completion/completions/briefmake; do
  grep -qxF "$f" "$TMP/contents.txt" || fail "the package lacks $f"
done
grep -q '^\./usr/local/\|/build\|^\./work' "$TMP/contents.txt" && fail "the package holds stray paths: $(grep '^\./usr/local/\|/build\|^\./work' "$TMP/contents.txt" | head -3)"

# The unpacked package renders the sample brief (it finds usr/share/briefmake beside usr/bin).
dpkg-deb -x "$deb" "$TMP/root" || die "dpkg-deb -x failed"
render_with() {  # render_with BINARY WHAT
  local dir=$TMP/render-$RANDOM rc=0
  mkdir -p "$dir" && cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$dir/"
  (cd "$dir" && env -u BRIEFMAKE_RESOURCES "$1" ospg-8.yaml) >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
  [ $rc -eq 0 ] || { fail "$2 cannot render ospg-8.yaml: exit status $rc: $(cat "$TMP/stderr")"; return; }
  [ -s "$dir/ospg-8.docx" ] || fail "$2 wrote no DOCX"
  pdf_text "$dir/ospg-8.pdf" "$dir/pdf.txt"
  expect_words "$dir/pdf.txt" "the PDF from $2" Koşerbayev "2 Şubat 2026" "8,95"
}
render_with "$TMP/root/usr/bin/briefmake" "the unpacked package"

# The man page: gzipped without a name or time stamp (gzip -n), dated by SOURCE_DATE_EPOCH,
# which CMake sets from the last commit.
man=$TMP/root/usr/share/man/man1/briefmake.1.gz
if gzip -t "$man" 2>/dev/null; then
  [ "$(od -An -tx1 -j3 -N5 "$man" | tr -d ' ')" = 0000000000 ] ||
    fail "the man page's gzip header holds a name or a time stamp (use gzip -n)"
  th=$(gzip -dc "$man" | grep '^\.TH ')
  if commit_time=$(git -C "$SOURCE_DIR" log -1 --format=%ct 2>/dev/null); then
    month=$(LC_ALL=C date -u -d "@$commit_time" '+%B %Y')
    [[ "$th" == *"\"$month\""* ]] || fail "the man page is not dated by the last commit ($month): $th"
  fi
else
  fail "the package's man page is not a gzip file"
fi
copyright=$TMP/root/usr/share/doc/briefmake/copyright
[ -f "$copyright" ] && expect_words "$copyright" "the copyright file" briefmake "Liberation" "SIL Open Font License" \
  "License: SIL-OFL-1.1" "DejaVu" "License: bitstream-vera" "GPL-2"

# Installing: as root, with dpkg and apt-get, and only where briefmake is not installed already.
[ "$(id -u)" -eq 0 ] || skip "not installing the package: not root (the other checks passed)"
{ command -v apt-get >/dev/null && command -v dpkg >/dev/null; } ||
  skip "not installing the package: no dpkg or apt-get here (the other checks passed)"
if dpkg-query -W -f='${Status}' briefmake 2>/dev/null | grep -q 'install ok installed'; then
  skip "not installing the package: briefmake is installed as a Debian package already; not replacing it"
fi
installed_packages() { dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 ~ /^.i/ {print $2}' | sort; }
installed_packages >"$TMP/before.txt"
# Leaves the machine as found, even when the test dies half-way: purges briefmake and whatever
# the install brought in.
cleanup() {
  if [ -n "${installed:-}" ]; then
    dpkg -P briefmake >>"$TMP/dpkg.log" 2>&1 || echo "FAIL: dpkg -P briefmake failed: $(tail -5 "$TMP/dpkg.log")" >&2
    local extra
    extra=$(installed_packages | comm -13 "$TMP/before.txt" - | tr '\n' ' ')
    if [ -n "$extra" ]; then
      # shellcheck disable=SC2086  # one word per package
      apt-get purge -y $extra >>"$TMP/dpkg.log" 2>&1 || echo "FAIL: could not purge $extra" >&2
    fi
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
installed=1
# --path-include: install the man page and copyright file even where dpkg is told to leave
# documentation out (path-exclude in /etc/dpkg/dpkg.cfg.d, as in slim images).
if ! dpkg -i --path-include='/usr/share/man/man1/briefmake.1.gz' --path-include='/usr/share/doc/briefmake/*' \
     "$deb" >"$TMP/dpkg.log" 2>&1; then
  apt-get -f install -y >>"$TMP/dpkg.log" 2>&1 || fail "apt-get -f install failed: $(tail -10 "$TMP/dpkg.log")"
fi
dpkg-query -W -f='${Status}' briefmake 2>/dev/null | grep -q 'install ok installed' ||
  die "briefmake is not installed after dpkg -i and apt-get -f install: $(tail -10 "$TMP/dpkg.log")"

# /usr/bin/briefmake renders a copy of the sample brief in a temporary folder, the source tree
# hidden under a tmpfs.
dir=$TMP/installed
mkdir -p "$dir" && cp "$SOURCE_DIR/briefs/ospg-8.yaml" "$dir/"
rc=0
without_source "$dir" /usr/bin/briefmake ospg-8.yaml >"$TMP/stdout" 2>"$TMP/stderr" || rc=$?
[ $rc -ne 125 ] || fail "could not hide the source tree $SOURCE_DIR: $(cat "$TMP/stderr")"
if [ $rc -eq 0 ]; then
  [ -s "$dir/ospg-8.docx" ] || fail "the installed package wrote no DOCX"
  pdf_text "$dir/ospg-8.pdf" "$dir/pdf.txt"
  expect_words "$dir/pdf.txt" "the PDF from the installed package" Koşerbayev "2 Şubat 2026" "8,95"
else
  fail "the installed package cannot render ospg-8.yaml: exit status $rc: $(cat "$TMP/stderr")"
fi
[ "$(/usr/bin/briefmake --version)" = "briefmake $version" ] || fail "/usr/bin/briefmake --version: $(/usr/bin/briefmake --version)"

# man briefmake finds the installed page.
if MANPAGER=cat MANWIDTH=80 man briefmake >"$TMP/man.txt" 2>"$TMP/man.err"; then
  expect_words "$TMP/man.txt" "man briefmake" NAME "briefmake - render meeting briefs" EXAMPLES "briefmake --watch"
else
  fail "man briefmake: $(cat "$TMP/man.err")"
fi

# Purged: nothing of the package is left.
dpkg -P briefmake >>"$TMP/dpkg.log" 2>&1 || fail "dpkg -P briefmake failed: $(tail -5 "$TMP/dpkg.log")"
{ [ ! -e /usr/bin/briefmake ] && [ ! -e /usr/share/briefmake ] && [ ! -e /usr/share/man/man1/briefmake.1.gz ]; } ||
  fail "files left after dpkg -P briefmake"
finish
