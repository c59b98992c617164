#!/usr/bin/env python3
"""Reads a tagged PDF's structure tree as poppler shows it (pdfinfo -struct-text) and compares it
with poppler's text extraction (pdftotext). Prints what is wrong; prints nothing when all is well.

  struct_text_check.py FILE.pdf MARGIN_PT

MARGIN_PT: the template's top and bottom margins; what pdftotext finds above or below them is
the running header and footer. Checks:
  - the tree's words equal the body's (pdftotext inside the margins), as counted words, except
    that the body may also hold, as artifacts, a table's header rows and caption repeated on the
    pages it continues to (words of the tree's TH and Caption elements, and "(devam)"-like
    labels) and dot leaders;
  - each heading and paragraph's text is found whole in the body text, and in the tree's order;
  - no line of the running header or footer is in the tree (unless the body has it too);
  - every Table's first row has a TH.
"""
import re
import subprocess
import sys
from collections import Counter

pdf, margin = sys.argv[1], float(sys.argv[2])
problems = []


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def norm(t):
    t = re.sub("\u00ad\\s*", "", t)  # a word hyphenated at a line end is whole again
    return re.sub(r"[\s\u00a0\u202f\u2007\u2009\u200b]+", " ", t).strip()


# ---- the tree ----
nodes = []  # [depth, role, texts]
for line in run("pdfinfo", "-struct-text", pdf).splitlines():
    m = re.match(r'^(\s*)"(.*)"$', line)
    if m and nodes:
        nodes[-1][2].append(m.group(2))
        continue
    m = re.match(r"^(\s*)([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\))?:?$", line)
    if m:
        nodes.append([len(m.group(1)), m.group(2), []])
if not nodes or nodes[0][1] != "Document":
    problems.append("the tree does not start with Document")

# The writer ends every word with a space (tagged PDF marks word breaks so), so an element's
# pieces (one per marked-content sequence) join as they are: a word hyphenated across a page
# break reads whole. Elements are joined with a space.
tree_text = norm(" ".join("".join(n[2]) for n in nodes))
tree_words = Counter(tree_text.split())

# ---- the page text: body and furniture ----
height = float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+)", run("pdfinfo", pdf)).group(1))
body = norm(run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", str(int(margin)), "-W", "10000", "-H",
                str(int(height - 2 * margin)), pdf, "-"))
furniture = run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "0", "-W", "10000", "-H", str(int(margin) - 8), pdf,
                "-")
furniture += run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", str(int(height - margin) + 8), "-W", "10000", "-H",
                 str(int(margin)), pdf, "-")
body_words = Counter(w for w in body.split() if not re.fullmatch(r"[.\s]+", w))

# Words the body may hold as artifacts: repeated header rows and captions.
repeatable = set()
for d, role, texts in nodes:
    if role in ("TH", "Caption"):
        repeatable.update(norm("".join(texts)).split())
repeatable.update(["(devam)", "(continued)", "(продолжение)", "(жалғасы)"])

extra = tree_words - body_words
if extra:
    problems.append(f"words in the tree but not in the body text: {sorted(extra.elements())[:20]}")
missing = body_words - tree_words
stray = sorted(w for w in missing.elements() if w not in repeatable)
if stray:
    problems.append(f"body words missing from the tree (and not a repeated header): {stray[:20]}")

# Headings and paragraphs: whole, and in order.
at = 0
for d, role, texts in nodes:
    if not re.fullmatch(r"H[1-6]|P", role) or not texts:
        continue
    t = norm("".join(texts))
    i = body.find(t, at)
    if i < 0:
        where = body.find(t)
        problems.append(f"{role} {t[:60]!r} " + ("is out of order" if where >= 0 else "is not in the body text"))
    else:
        at = i + len(t)

for line in dict.fromkeys(norm(x) for x in furniture.splitlines()):
    # (A footer may repeat what the body says, such as the meeting's date: only text the body
    # lacks tells.)
    if line and line in tree_text and line not in body:
        problems.append(f"running header/footer text {line!r} is in the tree")
if not norm(furniture):
    problems.append("no running header or footer found outside the margins (is MARGIN_PT right?)")

# Tables: the first row has a TH.
for i, (d, role, _) in enumerate(nodes):
    if role != "Table":
        continue
    j = i + 1
    while j < len(nodes) and nodes[j][0] > d and nodes[j][1] != "TR":
        j += 1
    if j >= len(nodes) or nodes[j][0] <= d:
        problems.append("a Table without rows")
        continue
    first_row = []
    for n in nodes[j + 1:]:
        if n[0] <= nodes[j][0]:
            break
        if n[0] == nodes[j][0] + 2:
            first_row.append(n[1])
    if "TH" not in first_row:
        problems.append(f"a Table whose first row has no TH: {first_row}")

for p in problems:
    print(f"{pdf}: {p}")
