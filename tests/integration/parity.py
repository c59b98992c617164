#!/usr/bin/env python3
"""DOCX/PDF parity checks, read with programs nobody here wrote (pdftotext, LibreOffice) and the
DOCX's own XML:

  words  PDF DOCX        the words of pdftotext(PDF) and of the DOCX body are the same, in order
                         (running headers and footers aside; list labels, which Word numbers
                         itself, aside; the inside of charts aside: the PDF draws axis ticks,
                         the DOCX holds a chart part). Case is compared without regard to case
                         transforms (the DOCX keeps typed text under w:caps).
  toc    PDF DOCX        the DOCX's cached TOC page numbers equal the page on which pdftotext
                         finds each heading, and the numbers printed in the PDF's own TOC.
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHART_LABELS = ("Şekil", "Figure", "Рисунок", "Сурет")
SOURCE_LABELS = ("Kaynak:", "Source:", "Источник:", "Дереккөз:", "Not:", "Note:", "Примечание:", "Ескерту:")


def fold(word):
    # Turkish-aware case folding, so "BİLGİ" (PDF, upper-cased by the style) equals "Bilgi".
    return word.replace("İ", "i").replace("I", "ı").lower()


def is_label(word):
    return re.fullmatch(r"(\d+\.)+|•", word) is not None


def pdf_pages(pdf):
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[l for l in p.split("\n") if l.strip()] for p in pages]


def furniture_lines(pages):
    """Lines that are running headers or footers: the first and last lines of a page that
    recur (with page numbers blanked) on every page."""
    if len(pages) < 2:
        return set()
    norm = lambda l: re.sub(r"\d+", "#", l.strip())
    common = None
    for p in pages:
        edge = {norm(l) for l in p[:2] + p[-2:]}
        common = edge if common is None else common & edge
    return common or set()


def pdf_words(pdf):
    pages = pdf_pages(pdf)
    furn = furniture_lines(pages)
    lines = []
    for p in pages:
        for l in p:
            if re.sub(r"\d+", "#", l.strip()) in furn:
                continue
            if is_label(l.strip()):  # a list label on a line of its own (Word numbers itself)
                continue
            lines.append(l)
    text = "\n".join(lines)
    text = re.sub("\u00ad\n", "", text)  # a word hyphenated at a line end
    text = re.sub(r"(://\S*/)\n", r"\1", text)  # a URL broken after a slash
    text = text.replace("\u00ad", "")
    return text.split()


def docx_words(docx):
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    words = []
    body = root.find(W + "body")
    for p in body.iter(W + "p"):
        buf = []
        in_field_code = False
        for el in p.iter():
            if el.tag == W + "fldChar":
                t = el.get(W + "fldCharType")
                in_field_code = t == "begin"
                if t == "separate":
                    in_field_code = False
            elif el.tag == W + "instrText":
                continue
            elif el.tag == W + "t" and not in_field_code:
                buf.append(el.text or "")
            elif el.tag in (W + "tab", W + "br", W + "cr"):
                buf.append(" ")
        words.extend("".join(buf).split())
    return words


def drop_chart_insides(words):
    """Removes what lies between a chart's caption line and its source/note line: the PDF
    draws ticks and value labels there, the DOCX a chart part."""
    out, skipping = [], False
    for i, w in enumerate(words):
        if w in CHART_LABELS and i + 1 < len(words) and re.fullmatch(r"\d+\.", words[i + 1]):
            skipping = "caption"
            out.append(w)
            continue
        if skipping == "caption":
            out.append(w)
            if w.endswith(")") or i + 1 < len(words) and words[i + 1] in SOURCE_LABELS:
                pass
            # the caption ends where the chart's own words start: we cannot see that boundary,
            # so the caption is compared only up to its label and number
            skipping = "chart"
            continue
        if skipping == "chart":
            if w in SOURCE_LABELS:
                skipping = False
                out.append(w)
            continue
        out.append(w)
    return out


CONTINUED = ("(devam)", "(continued)", "(продолжение)", "(жалғасы)")


def drop_table_repeats(words):
    """A table split across pages repeats its caption with a "continued" mark and its header
    rows in the PDF; Word repeats the header rows by itself (w:tblHeader). Drops the repeats."""
    out = []
    i = 0
    while i < len(words):
        if words[i] in CONTINUED:
            # the caption just copied into `out`: find where the same caption first appeared
            j = len(out) - 1
            while j >= 0 and out[j] not in CHART_LABELS + ("Tablo", "Table", "Таблица", "Кесте"):
                j -= 1
            caption = out[j:]
            del out[j:]
            first = next((k for k in range(len(out) - len(caption) + 1)
                          if out[k:k + len(caption)] == caption), None)
            i += 1
            if first is not None:
                k = first + len(caption)
                while i < len(words) and k < len(out) and words[i] == out[k]:
                    i += 1
                    k += 1
            continue
        out.append(words[i])
        i += 1
    return out


def normalise(words):
    # TOC dot leaders are drawn as dots in the PDF and as a tab leader in the DOCX.
    return [fold(w) for w in drop_chart_insides(drop_table_repeats(words))
            if not is_label(w) and set(w) != {"."}]


def cmd_words(pdf, docx):
    a, b = normalise(pdf_words(pdf)), normalise(docx_words(docx))
    if a == b:
        print(f"words: {len(a)} words identical in order")
        return 0
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    print(f"words differ at word {i} (PDF has {len(a)}, DOCX {len(b)}):", file=sys.stderr)
    print("  PDF : " + " ".join(a[max(0, i - 8):i + 8]), file=sys.stderr)
    print("  DOCX: " + " ".join(b[max(0, i - 8):i + 8]), file=sys.stderr)
    return 1


def cmd_toc(pdf, docx):
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    entries = []
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or not re.fullmatch(r"TOC\d", style.get(W + "val") or ""):
            continue
        texts = [t.text or "" for t in p.iter(W + "t")]
        if not texts or not texts[-1].strip().isdigit():
            continue
        entries.append(("".join(texts[:-1]).strip(), int(texts[-1])))
    if not entries:
        print("toc: the DOCX has no cached TOC entries", file=sys.stderr)
        return 1
    pages = pdf_pages(pdf)
    furn = furniture_lines(pages)
    bad = 0
    # The PDF's own TOC: lines "TITLE . . . . N" or "TITLE" ... "N" (pdftotext -raw keeps leaders).
    for title, page in entries:
        want = fold(title)
        found = []
        for n, p in enumerate(pages, 1):
            for l in p:
                if re.sub(r"\d+", "#", l.strip()) in furn or "." * 3 in l.replace(" ", ""):
                    continue
                if fold(l.strip()) == want:
                    found.append(n)
        # the heading itself: the last page where the line stands alone outside the TOC
        if not found:
            print(f"toc: heading {title!r} not found in the PDF's text", file=sys.stderr)
            bad += 1
        elif page not in found:
            print(f"toc: {title!r}: DOCX says page {page}, the PDF has it on page {found}", file=sys.stderr)
            bad += 1
    # numbers printed by the PDF's TOC
    text = "\n".join("\n".join(p) for p in pages)
    for title, page in entries:
        m = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", text, re.M | re.I)
        if m and int(m.group(1)) != page:
            print(f"toc: {title!r}: the PDF's TOC prints {m.group(1)}, the DOCX {page}", file=sys.stderr)
            bad += 1
    if bad == 0:
        print(f"toc: {len(entries)} cached entries match the PDF")
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, pdf, docx = sys.argv[1:4]
    sys.exit({"words": cmd_words, "toc": cmd_toc}[cmd](pdf, docx))
