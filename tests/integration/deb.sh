#!/usr/bin/env bash
# deb: `cpack -G DEB` in the build tree makes briefmake_VERSION_ARCH.deb whose control fields
# name the package and the shared libraries it needs (dpkg-shlibdeps: libhpdf, libicu,
# libyaml-cpp, ...), whose contents are the binary, templates, fonts, schema, man page and bash
# completion under /usr, and whose unpacked tree renders the sample brief. As root in CI ($CI
# set) the package is also installed with dpkg -i (plus apt-get -f install), used from
# /usr/bin, and removed again.
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
[ -n "$(field Maintainer)" ] || fail "no Maintainer field"
[ -n "$(field Description)" ] || fail "no Description field"
depends=$(field Depends)
for lib in libc6 libstdc++6 libhpdf libicu libyaml-cpp libharfbuzz libzip libcmark libpugixml libpng libhyphen; do
  [[ ", $depends" == *", $lib"* ]] || fail "Depends lacks $lib: $depends"
done
dpkg-deb -I "$deb" >"$TMP/info.txt" || fail "dpkg-deb -I cannot read the package"

# Contents.
dpkg-deb -c "$deb" | awk '{print $NF}' >"$TMP/contents.txt" || fail "dpkg-deb -c cannot list the package"
for f in ./usr/bin/briefmake ./usr/share/briefmake/templates/default.yaml \
         ./usr/share/briefmake/fonts/LiberationSerif-Regular.ttf ./usr/share/briefmake/fonts/LiberationSans-Bold.ttf \
         ./usr/share/briefmake/fonts/DejaVuSans.ttf ./usr/share/briefmake/fonts/LICENSE-DejaVu.txt \
         ./usr/share/briefmake/schema/brief-v1.schema.json ./usr/share/man/man1/briefmake.1 \
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

if [ -n "${CI:-}" ] && [ "$(id -u)" -eq 0 ]; then
  if dpkg-query -W -f='${Status}' briefmake 2>/dev/null | grep -q 'install ok installed'; then
    die "briefmake is already installed as a Debian package here; not replacing it"
  fi
  export DEBIAN_FRONTEND=noninteractive
  dpkg -i "$deb" >"$TMP/dpkg.log" 2>&1 || apt-get -f install -y >>"$TMP/dpkg.log" 2>&1 ||
    fail "the package does not install: $(tail -10 "$TMP/dpkg.log")"
  if dpkg-query -W -f='${Status}' briefmake 2>/dev/null | grep -q 'install ok installed'; then
    render_with /usr/bin/briefmake "the installed package"
    dpkg -r briefmake >>"$TMP/dpkg.log" 2>&1 || fail "dpkg -r briefmake failed: $(tail -5 "$TMP/dpkg.log")"
  else
    fail "briefmake is not installed after dpkg -i: $(tail -10 "$TMP/dpkg.log")"
  fi
else
  echo "deb: not installing the package (only as root in CI, with CI set)"
fi

finish
