#!/usr/bin/env python3
"""Checks the address line a template's link-address adds after a paragraph with a link, in
both outputs. In the layout dump: a text run ADDRESS at SIZE points (the footnote-sized style),
inside a link area to URI. In pdftotext's text of the PDF and in the DOCX (a paragraph of the
Note style, or LinkAddress): the line "WORDS: ADDRESS", the address a w:hyperlink. With
"absent": no such line in either.

  link_address_check.py DUMP PDF DOCX URI "WORDS: ADDRESS" SIZE present|absent
"""
import re
import subprocess
import sys
import zipfile

dump_file, pdf, docx, uri, line, size, want = sys.argv[1:8]
address = line.split(": ", 1)[1]
dump = open(dump_file, encoding="utf-8").read().split("\n")
links = [(m.group(1),) + tuple(map(float, m.groups()[1:5])) for m in
         (re.search(r'^page (\d+) link x=([\d.]+) y=([\d.]+) w=([\d.]+) h=([\d.]+) uri="' + re.escape(uri) + '"', l)
          for l in dump) if m]
runs = []
for l in dump:
    m = re.search(r'^page (\d+) text x=([\d.]+) y=([\d.]+) w=[\d.]+ size=([\d.]+) .*"' + re.escape(address) + '"$', l)
    if m:
        pg, x, y, s = m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4))
        inside = any(pg == p and lx - 0.01 <= x <= lx + lw and ly <= y <= ly + lh for p, lx, ly, lw, lh in links)
        runs.append((pg, s, inside))
text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
pdf_has = any(l.strip() == line for l in text.split("\n"))
with zipfile.ZipFile(docx) as z:
    document = z.read("word/document.xml").decode("utf-8")
paras = re.findall(r"<w:p>(?:(?!</w:p>).)*</w:p>", document, re.S)
docx_lines = []
for p in paras:
    words = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
    style = re.search(r'<w:pStyle w:val="([^"]+)"', p)
    docx_lines.append((words, style.group(1) if style else "Normal", re.search(r"<w:hyperlink[^>]*>.*" + re.escape(address), p, re.S) is not None))
docx_has = [d for d in docx_lines if d[0] == line]
problems = []
if want == "present":
    if not runs:
        problems.append(f"layout dump: no text run {address!r}")
    for pg, s, inside in runs:
        if abs(s - float(size)) > 0.01:
            problems.append(f"layout dump: {address!r} on page {pg} is {s} pt, not {size}")
        if not inside:
            problems.append(f"layout dump: {address!r} on page {pg} is not inside a link to {uri}")
    if not pdf_has:
        problems.append(f"PDF text: no line {line!r}")
    if not docx_has:
        problems.append(f"DOCX: no paragraph {line!r}")
    for words, style, linked in docx_has:
        if style not in ("Note", "LinkAddress"):
            problems.append(f"DOCX: the address line is in style {style}, not the footnote-sized one")
        if not linked:
            problems.append("DOCX: the address is not a hyperlink")
else:
    if runs or pdf_has or docx_has:
        problems.append(f"an address line {line!r} without link-address")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"{line!r}: {'in both outputs, ' + size + ' pt, a link' if want == 'present' else 'in neither output'}")
