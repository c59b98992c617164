#!/usr/bin/env python3
"""Checks that a DOCX has soft hyphens only where its PDF hyphenates a line end: the number of
w:softHyphen in word/document.xml equals the number of hyphenated line ends in pdftotext's text
of the PDF (a line ending in U+00AD), and pandoc's plain-text reading of the DOCX holds U+00AD
only inside those very words (the line end's last word and the next line's first, joined).
Prints the counts; prints the problems and exits 1 if there is any.

  docx_soft_hyphens.py PDF_TXT DOCX PANDOC_TXT
"""
import collections, re, sys, zipfile

SHY = "\u00ad"
PUNCT = "\"'“”«»‘’()[].,;:!?"

pdf = open(sys.argv[1], encoding="utf-8").read()
with zipfile.ZipFile(sys.argv[2]) as z:
    xml = z.read("word/document.xml").decode("utf-8")
plain = open(sys.argv[3], encoding="utf-8").read()

# The PDF's hyphenated words: "Kori\u00ad" at a line end, "dor" first on the next line (a line
# end at the foot of a page is followed by the page's footer: only its first part is known).
lines = pdf.split("\n")
pdf_heads = collections.Counter()
pdf_words = collections.Counter()
ends = 0
for i, line in enumerate(lines):
    if not line.endswith(SHY):
        continue
    ends += 1
    head = line[:-1].split()[-1].lstrip(PUNCT) if line[:-1].split() else ""
    pdf_heads[head] += 1
    rest = lines[i + 1:]
    k = next((j for j, l in enumerate(rest) if l.split()), None)
    # The footer comes before the page's form feed: a form feed within a few lines marks a foot.
    if k is not None and "\f" not in "".join(rest[:8]):
        pdf_words[(head + SHY + rest[k].split()[0]).strip(PUNCT)] += 1

docx_count = len(re.findall(r"<w:softHyphen\s*/>", xml))
pandoc_count = plain.count(SHY)
docx_words = collections.Counter(w.strip(PUNCT) for w in re.findall(r"\S*" + SHY + r"\S*", plain))

bad = 0
print(f"hyphenated line ends in the PDF: {ends}; w:softHyphen in the DOCX: {docx_count}; "
      f"U+00AD in pandoc's text: {pandoc_count}")
if docx_count != ends:
    print(f"the DOCX has {docx_count} soft hyphens, the PDF {ends} hyphenated line ends"); bad += 1
if pandoc_count != ends:
    print(f"pandoc's text has {pandoc_count} U+00AD, the PDF {ends} hyphenated line ends"); bad += 1
docx_heads = collections.Counter(w.split(SHY)[0] for w in docx_words.elements())
if docx_heads != pdf_heads:
    print("soft hyphens not after the PDF's line-end parts: " + ", ".join(sorted(docx_heads - pdf_heads)))
    print("PDF line-end parts without a soft hyphen after them: " + ", ".join(sorted(pdf_heads - docx_heads)))
    bad += 1
missing = pdf_words - docx_words
if missing:
    print("hyphenated words of the PDF not so in the DOCX: " + ", ".join(sorted(missing))); bad += 1
sys.exit(1 if bad else 0)
