"""Finds user-facing strings in src/ that are not marked for translation.

usage: unmarked_messages.py SOURCE_DIR POT EXCEPTIONS

Every string literal in src/*.cpp|hpp that reads like prose (a word, a space, a lower-case word)
must be part of a msgid of POT (what po/make-pot extracted: the literals marked with _, N_, trf,
ntrf, or passed to a helper listed in po/keywords), or be listed in EXCEPTIONS: lines
"PATH<TAB>TEXT" naming a literal that is deliberately not translated (written into a PDF or DOCX,
a protocol word, a key of a file format). Prints each unmarked literal as PATH:LINE: TEXT and exits
1 when there is any; also exits 1 when an exception no longer matches a literal (a stale list).
"""
import os
import re
import sys

LITERAL = re.compile(r'(?:u8|L|u|U)?"((?:[^"\\\n]|\\.)*)"')
PROSE = re.compile(r"[A-Za-z]{2,}[,;:.)]? \(?[a-z]{2,}")


def unescape_po(s):
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def read_pot(path):
    """The msgids and msgid_plurals of a .pot, unescaped (continuation lines joined)."""
    ids, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r'(msgid|msgid_plural) "(.*)"$', line)
        if m:
            if current:
                ids.append(unescape_po(current))
            current = m.group(2)
        elif current is not None and line.startswith('"'):
            current += line[1:-1]
        else:
            if current:
                ids.append(unescape_po(current))
            current = None
    if current:
        ids.append(unescape_po(current))
    return ids


def code_lines(text):
    """Yields (line number, code) with // and /* */ comments blanked, string literals kept."""
    out, i, n, line = [], 0, len(text), 1
    buf = []
    in_block = False
    while i < n:
        c = text[i]
        if in_block:
            if text.startswith("*/", i):
                in_block = False
                i += 2
                continue
            if c == "\n":
                out.append((line, "".join(buf)))
                buf, line = [], line + 1
            i += 1
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            buf.append(text[i:j + 1])
            i = j + 1
            continue
        if c == "'":
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            buf.append(text[i:j + 1])
            i = j + 1
            continue
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        if text.startswith("/*", i):
            in_block = True
            i += 2
            continue
        if c == "\n":
            out.append((line, "".join(buf)))
            buf, line = [], line + 1
        else:
            buf.append(c)
        i += 1
    out.append((line, "".join(buf)))
    return out


def unescape_c(s):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def main():
    source_dir, pot, exceptions_path = sys.argv[1:4]
    ids = read_pot(pot)
    exceptions = {}
    for raw in open(exceptions_path, encoding="utf-8"):
        raw = raw.rstrip("\n")
        if not raw or raw.startswith("#"):
            continue
        path, _, text = raw.partition("\t")
        exceptions[(path, text)] = False
    bad = []
    src = os.path.join(source_dir, "src")
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp")):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, source_dir)
            text = open(full, encoding="utf-8").read()
            for number, code in code_lines(text):
                if code.lstrip().startswith("#include"):
                    continue
                for m in LITERAL.finditer(code):
                    raw = m.group(1)
                    if not PROSE.search(raw):
                        continue
                    plain = unescape_c(raw)
                    if any(plain in i for i in ids):
                        continue
                    if (rel, raw) in exceptions:
                        exceptions[(rel, raw)] = True
                        continue
                    bad.append(f"{rel}:{number}: {raw}")
    for line in bad:
        print("unmarked: " + line)
    stale = [f"{p}\t{t}" for (p, t), used in exceptions.items() if not used]
    for line in stale:
        print("stale exception: " + line)
    sys.exit(1 if bad or stale else 0)


main()
