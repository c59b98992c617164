#!/usr/bin/env python3
"""Writes the peers' inputs from a brief, so that every tool sets the same text.

    bench/peers/inputs.py BRIEF.yaml OUTDIR [NUMBER]

OUTDIR gets brief.typ (Typst >= 0.11; bench/run derives a 0.10 copy), brief.md (pandoc
Markdown) and data.json (docxtemplater: the same content as plain fields). NUMBER, when
given, goes into the title, so that a batch has a different document each time.
Nothing here lays anything out: each tool does that itself with its own defaults, Liberation
Serif, A4, the header "classification" and the footer "Sayfa X / Y".
"""
import json
import os
import re
import sys

import yaml


def md_inline_to_typst(s):
    s = s.replace("\\", "\\\\")
    for ch in "#$@<>`~=":
        s = s.replace(ch, "\\" + ch)
    s = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", lambda m: f'#link("{m.group(2)}")[{m.group(1)}]', s)
    s = re.sub(r"\*\*(.+?)\*\*", lambda m: "\x00" + m.group(1) + "\x00", s)
    s = re.sub(r"(?<![\w*])\*(.+?)\*", r"_\1_", s)
    return s.replace("\x00", "*")


def paragraphs(text):
    """Rich text -> list of ('p', text) and ('ul', [items])."""
    out = []
    for chunk in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [l.strip() for l in chunk.splitlines() if l.strip()]
        if lines and all(l.startswith("- ") for l in lines):
            out.append(("ul", [l[2:] for l in lines]))
        elif lines:
            out.append(("p", " ".join(lines)))
    return out


def agenda_lines(items, depth=0):
    """(depth, title, notes, points) for every agenda item, depth-first."""
    for it in items:
        if isinstance(it, str):
            yield depth, it, "", []
        else:
            yield depth, it["title"], it.get("notes", ""), it.get("points", [])
            yield from agenda_lines(it.get("items", []), depth + 1)


def sections(secs, level=1):
    for s in secs:
        yield level, s["heading"], s.get("body", ""), s.get("figures", [])
        yield from sections(s.get("sections", []), level + 1)


def typst(b, figs):
    o = []
    o.append('#set document(title: "%s")' % b["title"].replace('"', '\\"'))
    o.append('#set text(font: "Liberation Serif", size: 11pt, lang: "tr")')
    o.append("#set par(justify: true)")
    o.append('#set page(paper: "a4", margin: 2cm,')
    o.append('  header: align(center, text(size: 9pt, weight: "bold")[%s]),' % b.get("classification", ""))
    o.append('  footer: align(center, text(size: 9pt)[Sayfa #context counter(page).display("1 / 1", both: true)]))')
    o.append("#set enum(numbering: \"1.1.\", full: true)")
    o.append('#align(center)[#text(size: 16pt, weight: "bold")[%s] \\ #text(size: 12pt)[%s]]' %
             (md_inline_to_typst(b["title"]), b.get("subtitle", "").upper().replace("I", "İ")))
    m = b["meeting"]
    o.append("#table(columns: (auto, 1fr), stroke: none,")
    o.append('  [*Toplantı*], [%s], [*Tarih*], [%s], [*Yer*], [%s],' % (m["name"], m["date"], m.get("location", "")))
    for c in m.get("chairs", []):
        o.append('  [*Eş Başkan*], [%s, %s],' % (c["name"], c.get("role", "")))
    o.append(")")
    o.append("= Özet")
    for kind, t in paragraphs(b.get("summary")):
        o.append(md_inline_to_typst(t) if kind == "p" else "\n".join("- " + md_inline_to_typst(x) for x in t))
        o.append("")
    o.append("= Gündem")
    for depth, title, notes, points in agenda_lines(b.get("agenda", [])):
        o.append("  " * depth + "+ " + md_inline_to_typst(title))
        for kind, t in paragraphs(notes):
            o.append("  " * (depth + 1) + (md_inline_to_typst(t) if kind == "p" else " ".join(t)))
        for p in points:
            o.append("  " * (depth + 1) + "- " + md_inline_to_typst(" ".join(p.split())))
    o.append("")
    for level, heading, body, fig_ids in sections(b.get("sections", [])):
        o.append("=" * level + " " + heading)
        for kind, t in paragraphs(body):
            o.append(md_inline_to_typst(t) if kind == "p" else "\n".join("- " + md_inline_to_typst(x) for x in t))
            o.append("")
        for fid in fig_ids:
            f = figs[fid]
            o.append("#figure(caption: [%s],\n" % md_inline_to_typst(f["title"]))
            if f["kind"] == "table":
                o.append("  table(columns: (1fr, auto, auto), fill: (x, y) => if y == 0 { luma(220) },")
                o.append("    " + ", ".join("[*%s*]" % c for c in f["columns"]) + ",")
                for r in f["rows"]:
                    o.append("    " + ", ".join("[%s]" % md_inline_to_typst(str(c)).replace(".", ",", 1)
                                                 if isinstance(c, float) else "[%s]" % md_inline_to_typst(str(c))
                                                 for c in r) + ",")
                o.append("  ))")
            else:
                vals = f["series"][0]["values"]
                top = max(vals)
                o.append("  stack(dir: ltr, spacing: 1em, " + ", ".join(
                    "stack(spacing: 3pt, align(center)[%s], rect(width: 3em, height: %.1fcm, fill: rgb(\"#1f4e79\")), [%s])"
                    % (str(v).replace(".", ","), 4 * v / top, c) for c, v in zip(f["categories"], vals)) + "))")
    o.append("= Kaynaklar")
    for s in b.get("sources", []):
        o.append("- " + md_inline_to_typst(s))
    return "\n".join(o) + "\n"


def markdown(b, figs):
    o = ["---", 'title: "%s"' % b["title"].replace('"', '\\"'), 'subtitle: "%s"' % b.get("subtitle", ""),
         "lang: tr-TR", "---", ""]
    m = b["meeting"]
    o.append("**%s** · %s · %s\n" % (m["name"], m["date"], m.get("location", "")))
    for c in m.get("chairs", []):
        o.append("- %s, %s" % (c["name"], c.get("role", "")))
    o.append("\n# Özet\n")
    o.append((b.get("summary") or "").strip() + "\n")
    o.append("# Gündem\n")
    for depth, title, notes, points in agenda_lines(b.get("agenda", [])):
        ind = "    " * depth
        o.append(ind + "1. " + title)
        for kind, t in paragraphs(notes):
            o.append("")
            o.append(ind + "    " + (t if kind == "p" else " ".join(t)))
        for p in points:
            o.append("")
            o.append(ind + "    - " + " ".join(p.split()))
        o.append("")
    for level, heading, body, fig_ids in sections(b.get("sections", [])):
        o.append("#" * level + " " + heading + "\n")
        o.append((body or "").strip() + "\n")
        for fid in fig_ids:
            f = figs[fid]
            if f["kind"] == "table":
                o.append("| " + " | ".join(f["columns"]) + " |")
                o.append("|" + "---|" * len(f["columns"]))
                for r in f["rows"]:
                    o.append("| " + " | ".join(str(c).replace(".", ",") if isinstance(c, float) else str(c)
                                               for c in r) + " |")
            else:
                o.append("| " + " | ".join(f["categories"]) + " |")
                o.append("|" + "---|" * len(f["categories"]))
                o.append("| " + " | ".join(str(v).replace(".", ",") for v in f["series"][0]["values"]) + " |")
            o.append("\n: " + f["title"] + "\n")
    o.append("# Kaynaklar\n")
    for s in b.get("sources", []):
        o.append("- " + s)
    return "\n".join(o) + "\n"


def data(b):
    m = b["meeting"]
    return {
        "title": b["title"], "subtitle": b.get("subtitle", ""), "classification": b.get("classification", ""),
        "meeting": m["name"], "date": str(m["date"]), "location": m.get("location", ""),
        "chairs": [{"name": c["name"], "role": c.get("role", "")} for c in m.get("chairs", [])],
        "summary": [t if k == "p" else " ".join(t) for k, t in paragraphs(b.get("summary"))],
        "agenda": [{"number": "", "title": t, "notes": " ".join(x if k == "p" else " ".join(x)
                                                               for k, x in paragraphs(n)),
                    "points": [{"text": " ".join(p.split())} for p in pts]}
                   for _, t, n, pts in agenda_lines(b.get("agenda", []))],
        "sections": [{"heading": h, "paragraphs": [{"text": t if k == "p" else " · ".join(t)}
                                                   for k, t in paragraphs(body)]}
                     for _, h, body, _ in sections(b.get("sections", []))],
        "sources": b.get("sources", []),
    }


def main():
    brief_path, out = sys.argv[1], sys.argv[2]
    number = sys.argv[3] if len(sys.argv) > 3 else None
    with open(brief_path, encoding="utf-8") as f:
        b = yaml.safe_load(f)
    if number:
        b["title"] = f"{b['title']} ({number})"
    figs = {f["id"]: f for f in b.get("figures", [])}
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "brief.typ"), "w", encoding="utf-8") as f:
        f.write(typst(b, figs))
    with open(os.path.join(out, "brief.md"), "w", encoding="utf-8") as f:
        f.write(markdown(b, figs))
    with open(os.path.join(out, "data.json"), "w", encoding="utf-8") as f:
        json.dump(data(b), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
