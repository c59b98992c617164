#!/usr/bin/env python3
"""DOCX/PDF parity checks, read with programs nobody here wrote (pdftotext, LibreOffice) and the
DOCX's own XML:

  words  PDF DOCX        the words of pdftotext(PDF) and of the DOCX body are the same, in order
                         (running headers and footers aside; list labels, which Word numbers
                         itself, aside; the inside of charts aside: the PDF draws axis ticks,
                         values and labels, the DOCX holds a chart part, and exactly the words
                         of that part and numbers are dropped where the DOCX has the chart).
                         Case is compared without regard to case transforms (the DOCX keeps
                         typed text under w:caps), folded by the document's language.
  toc    PDF DOCX        the DOCX's cached TOC page numbers equal the page on which pdftotext
                         finds each heading, and the numbers printed in the PDF's own TOC.
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CHART_MARK = "\0chart:"  # stands in the DOCX's words where a chart is drawn
CHART_LABELS = ("Şekil", "Figure", "Рисунок", "Сурет")


def docx_language(docx):
    """The document's language ("tr-TR", "en", ...) from docProps/core.xml, else styles.xml."""
    with zipfile.ZipFile(docx) as z:
        names = set(z.namelist())
        if "docProps/core.xml" in names:
            lang = ET.fromstring(z.read("docProps/core.xml")).find("{http://purl.org/dc/elements/1.1/}language")
            if lang is not None and lang.text:
                return lang.text.strip()
        if "word/styles.xml" in names:
            lang = ET.fromstring(z.read("word/styles.xml")).find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
            if lang is not None:
                return lang.get(W + "val") or ""
    return ""


def fold(word, lang):
    """Case folding by the language's rules, so "BİLGİ" (PDF, upper-cased by the style) equals
    "Bilgi" in Turkish and "BRIEFING" equals "Briefing" in English."""
    if lang.split("-")[0].lower() in ("tr", "az"):  # dotted and dotless i
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower()


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
    text = re.sub(r"(\w-)\n(?=\w)", r"\1", text)  # a compound broken after its own hyphen ("Turkish-\nowned")
    text = re.sub(r"(://\S*/)\n", r"\1", text)  # a URL broken after a slash
    text = text.replace("\u00ad", "")
    return text.split()


def chart_words(part_xml):
    """The words a chart part holds (series names, categories, values, axis titles)."""
    root = ET.fromstring(part_xml)
    words = []
    for el in root.iter():
        if el.tag in (C + "v", A + "t") and el.text:
            words.extend(el.text.split())
    return words


def docx_words(docx):
    """The body's words, with CHART_MARK + N where the N-th chart stands, and each chart's words."""
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
        rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        words, charts = [], []
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
                    # A zero-width space marks where the PDF broke a line inside a token.
                    buf.append((el.text or "").replace("\u200b", ""))
                elif el.tag in (W + "tab", W + "br", W + "cr"):
                    buf.append(" ")
                elif el.tag == C + "chart":
                    words.extend("".join(buf).split())
                    buf = []
                    target = targets[el.get(R + "id")]
                    charts.append(chart_words(z.read("word/" + target.lstrip("/"))))
                    words.append(CHART_MARK + str(len(charts) - 1))
            words.extend("".join(buf).split())
    return words, charts


NUMBER = re.compile(r"[-+\u2212]?[\d.,%\u00a0\u202f]*\d[\d.,%\u00a0\u202f]*")
PUNCT = "()[]{}:;,.!?\"'\u201c\u201d\u2018\u2019"


def is_chart_word(word, vocabulary):
    """A word the PDF may draw inside a chart: a number (ticks, values, "(%45,3)") or one of the
    chart part's own words ("İnşaat:" for the category İnşaat)."""
    core = word.strip(PUNCT)
    return core == "" or NUMBER.fullmatch(core) is not None or core in vocabulary


def drop_chart_insides(pdf, docx, charts):
    """Where the DOCX has a chart (a CHART_MARK), the PDF has the chart's words: drops from the
    PDF the run of words that belong to that chart, and no more. The run ends at the last word
    that equals the DOCX's next word while every word before it is the chart's (the next heading
    may begin with a word the chart prints too). Returns both lists without the charts."""
    pdf_out, docx_out = [], []
    i = 0
    for j, w in enumerate(docx):
        if not w.startswith(CHART_MARK):
            docx_out.append(w)
            if i < len(pdf):
                pdf_out.append(pdf[i])
            i += 1
            continue
        vocabulary = charts[int(w[len(CHART_MARK):])]
        nxt = next((x for x in docx[j + 1:] if not x.startswith(CHART_MARK)), None)
        run = 0
        while i + run < len(pdf) and is_chart_word(pdf[i + run], vocabulary):
            run += 1
        n = max((k for k in range(run + 1) if i + k < len(pdf) and pdf[i + k] == nxt), default=run)
        i += n
    pdf_out.extend(pdf[i:])
    return pdf_out, docx_out


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


def normalise(words, lang):
    # TOC dot leaders are drawn as dots in the PDF and as a tab leader in the DOCX.
    return [w if w.startswith(CHART_MARK) else fold(w, lang) for w in drop_table_repeats(words)
            if not is_label(w) and set(w) != {"."}]


def cmd_words(pdf, docx):
    lang = docx_language(docx)
    words, charts = docx_words(docx)
    charts = [{fold(w.strip(PUNCT), lang) for w in c} for c in charts]
    a, b = drop_chart_insides(normalise(pdf_words(pdf), lang), normalise(words, lang), charts)
    if a == b:
        print(f"words: {len(a)} words identical in order ({len(charts)} chart(s) left aside, language {lang or '?'})")
        return 0
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    print(f"words differ at word {i} (PDF has {len(a)}, DOCX {len(b)}):", file=sys.stderr)
    print("  PDF : " + " ".join(a[max(0, i - 8):i + 8]), file=sys.stderr)
    print("  DOCX: " + " ".join(b[max(0, i - 8):i + 8]), file=sys.stderr)
    return 1


def cmd_toc(pdf, docx):
    lang = docx_language(docx)
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
        want = fold(title, lang)
        found = []
        for n, p in enumerate(pages, 1):
            for l in p:
                if re.sub(r"\d+", "#", l.strip()) in furn or "." * 3 in l.replace(" ", ""):
                    continue
                if fold(l.strip(), lang) == want:
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
