#!/usr/bin/env bash
# pdf_writer: the PDF writer's own samples (tests/unit/pdf_sample.hpp and the TJ, two-byte and
# soft-hyphen samples of write_samples.cpp), written by write_samples without the CLI, read back
# with poppler, qpdf, Ghostscript and xmllint by lib/pdf_writer_readback.py: letters, positions,
# colours, fonts, info, bookmarks, links, images, PDF/A-2b parts. (The writer's checks that need
# no other program stay in tests/unit/pdf_writer.cpp.)
# shellcheck source=lib/common.bash
source "$(dirname "$0")/lib/common.bash"
need pdftotext pdffonts pdfinfo pdfimages pdftoppm qpdf gs xmllint python3

samples=${BRIEFMAKE_WRITE_SAMPLES:-$BIN_DIR/tests/write_samples}
[ -x "$samples" ] || die "$samples is missing (build first: scripts/build)"
"$samples" "$TMP/s" || die "write_samples failed (exit $?)"
python3 "$LIB/pdf_writer_readback.py" "$TMP/s" >"$TMP/readback.out" ||
  fail "the PDF writer's samples do not read back as written:
$(cat "$TMP/readback.out")"

finish
