#!/usr/bin/env python3
"""Checks that a link prints as the template says, in both outputs: in the layout dump, the
text runs inside the link areas to URI are in COLOR and, with UNDERLINE "yes",
each has a rule of that colour just under its baseline spanning it; in the DOCX, the Hyperlink
character style has w:color COLOR and an underline (w:u single) or none, and the link's runs use
it. Prints what it found; prints the problems and exits 1 if there is any.

  links_check.py DUMP DOCX URI COLOR UNDERLINE(yes|no)
"""
import re, sys, zipfile

dump_file, docx, uri, color, underline = sys.argv[1:6]
underline = underline == "yes"
dump = open(dump_file, encoding="utf-8").read().split("\n")
bad = 0
# The link's areas (page, x, y, w, h), then the text runs inside them and the rules.
links = [(m.group(1),) + tuple(map(float, m.groups()[1:5])) for m in
         (re.search(r'^page (\d+) link x=([\d.]+) y=([\d.]+) w=([\d.]+) h=([\d.]+) uri="' + re.escape(uri) + '"', l)
          for l in dump) if m]
if not links:
    print(f"no link to {uri} in the layout dump"); sys.exit(1)
runs, rules = [], []
for l in dump:
    m = re.search(r'^page (\d+) text x=([\d.]+) y=([\d.]+) w=([\d.]+) .* color=(\w+) "([^"]*)"', l)
    if m:
        pg, x, y, w = m.group(1), float(m.group(2)), float(m.group(3)), float(m.group(4))
        if any(pg == p and lx - 0.01 <= x and x + w <= lx + lw + 0.01 and ly <= y <= ly + lh for p, lx, ly, lw, lh in links):
            runs.append((pg, x, y, w, m.group(5), m.group(6)))
    m = re.search(r"^page (\d+) rule x1=([\d.]+) y1=([\d.]+) x2=([\d.]+) y2=([\d.]+) w=[\d.]+ color=(\w+)", l)
    if m:
        rules.append((m.group(1),) + tuple(map(float, m.groups()[1:5])) + (m.group(6),))
if not runs:
    print(f"no text run inside the link to {uri}"); sys.exit(1)
for pg, x, y, w, c, t in runs:
    if c.upper() != color.upper():
        print(f"PDF: {t!r} is in {c}, not {color}"); bad += 1
    under = [r for r in rules if r[0] == pg and r[5].upper() == color.upper() and 0 < r[2] - y < 4 and abs(r[2] - r[4]) < 0.01
             and r[1] <= x + 0.5 and r[3] >= x + w - 0.5]
    if underline and not under:
        print(f"PDF: no rule in {color} under {t!r}"); bad += 1
    if not underline and under:
        print(f"PDF: {t!r} is underlined"); bad += 1
text = " ".join(r[5] for r in runs)
with zipfile.ZipFile(docx) as z:
    styles = z.read("word/styles.xml").decode("utf-8")
    document = z.read("word/document.xml").decode("utf-8")
m = re.search(r'<w:style [^>]*w:styleId="Hyperlink".*?</w:style>', styles, re.S)
if not m:
    print("DOCX: no Hyperlink style"); sys.exit(1)
style = m.group(0)
if f'<w:color w:val="{color.upper()}"' not in style.upper().replace("W:VAL", "w:val").replace("<W:COLOR", "<w:color"):
    print(f"DOCX: the Hyperlink style's colour is not {color}"); bad += 1
u = re.search(r'<w:u w:val="(\w+)"', style)
if (u.group(1) if u else "none") != ("single" if underline else "none"):
    print(f"DOCX: the Hyperlink style's underline is {u.group(1) if u else 'absent'}"); bad += 1
if not re.search(r'<w:hyperlink [^>]*>\s*<w:r>\s*<w:rPr>\s*<w:rStyle w:val="Hyperlink"', document):
    print("DOCX: the link's runs do not use the Hyperlink style"); bad += 1
print(f"{text!r}: {len(runs)} run(s) in {color}, underlined: {underline}")
sys.exit(1 if bad else 0)
