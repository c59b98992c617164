"""Checks a floated figure in a --dump-layout file and in LibreOffice's rendering of the DOCX.

float_check.py floated DUMP CAPTION TEXT LATER_CAPTION
  CAPTION (a figure's caption prefix, "Şekil 1.") starts a page: the first text line below the
  header on its page; TEXT (a line of text that follows the figure in the brief) stands on an
  earlier page, so the text after the figure filled the gap it left; LATER_CAPTION ("Şekil 2.")
  comes after CAPTION in reading order (page, then y): figure numbers stay in order.
float_check.py stays DUMP CAPTION TEXT
  Without floats: TEXT is on a later page than CAPTION, or on the same page below it.
float_check.py same-page PDF LO_PDF CAPTION
  CAPTION is on the same page in briefmake's PDF and in LibreOffice's rendering of the DOCX
  (pdftotext per page), and both have the same number of pages.
"""
import re
import subprocess
import sys

TEXT = re.compile(r'^page (\d+) text x=\S+ y=(\S+) .*?"(.*)"(?: \[hyphen\])?$')


def lines(dump):
    """(page, y, text) of every text run, in the dump's order."""
    out = []
    with open(dump, encoding="utf-8") as f:
        for line in f:
            m = TEXT.match(line.rstrip("\n"))
            if m:
                out.append((int(m.group(1)), float(m.group(2)), m.group(3)))
    return out


def find(runs, prefix, what):
    for page, y, text in runs:
        if text.startswith(prefix):
            return page, y
    sys.exit(f"{what} {prefix!r} is not in the layout dump")


def find_words(runs, words, what):
    """The first line whose runs, joined, start with `words` (justified text is one run a word)."""
    by_line = {}
    for page, y, text in runs:
        by_line.setdefault((page, y), []).append(text)
    for (page, y), texts in sorted(by_line.items()):
        if " ".join(texts).startswith(words):
            return page, y
    sys.exit(f"{what} {words!r} is not in the layout dump")


def floated(dump, caption, text, later):
    runs = lines(dump)
    cap = find(runs, caption, "the caption")
    header_y = min(y for page, y, _ in runs if page == cap[0])  # the running header
    body = [y for page, y, _ in runs if page == cap[0] and y > header_y + 1]
    if not body or abs(min(body) - cap[1]) > 0.01:
        sys.exit(f"{caption} is not the first line of page {cap[0]}: it stands at y={cap[1]}, the page's text starts at {min(body)}")
    after = find_words(runs, text, "the text after the figure")
    if after[0] >= cap[0]:
        sys.exit(f"{text!r} (after {caption} in the brief) is on page {after[0]}, not before the figure's page {cap[0]}")
    nxt = find(runs, later, "the later caption")
    if nxt <= cap:
        sys.exit(f"{later} (page {nxt[0]}, y={nxt[1]}) comes before {caption} (page {cap[0]}, y={cap[1]})")
    return f"{caption} floated to the top of page {cap[0]}; {text!r} filled page {after[0]}; {later} follows on page {nxt[0]}"


def stays(dump, caption, text):
    runs = lines(dump)
    cap = find(runs, caption, "the caption")
    after = find_words(runs, text, "the text after the figure")
    if after <= cap:
        sys.exit(f"without floats, {text!r} (page {after[0]}) still comes before {caption} (page {cap[0]})")
    return f"without floats, {caption} (page {cap[0]}) comes before {text!r} (page {after[0]})"


def pages_text(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def same_page(pdf, lo, caption):
    a, b = pages_text(pdf), pages_text(lo)
    if len(a) != len(b):
        sys.exit(f"the PDF has {len(a)} pages, LibreOffice's rendering of the DOCX {len(b)}")
    pa = [i + 1 for i, t in enumerate(a) if caption in t]
    pb = [i + 1 for i, t in enumerate(b) if caption in t]
    if not pa or pa != pb:
        sys.exit(f"{caption} is on page(s) {pa} of the PDF and {pb} of LibreOffice's rendering of the DOCX")
    return f"{caption} on page {pa[0]} in both ({len(a)} pages)"


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    print({"floated": floated, "stays": stays, "same-page": same_page}[cmd](*args))
