#!/usr/bin/env python3
"""Synthetic briefs for bench/run (BRIEF-FORMAT v1, Turkish).

    bench/gen.py --pages N [--seed S] OUT.yaml     one brief of about N A4 pages
    bench/gen.py --batch COUNT DIR                 COUNT two-page briefs, each with its own number
    bench/gen.py --pages N --next-edition OUT.yaml the same brief's next edition: a week later,
                                                   every 10th table's first value +1 and a word
                                                   added to every 10th agenda note (editions)

The text is Turkish (dotted and dotless i, ş, ğ, ç, long agglutinated words that hyphenate),
with a nested agenda, talking points, bullet lists, a bar chart and a table per block. The
number of blocks is calibrated so that `--pages N` gives about N pages with the default
template; bench/run reports the real page count from the PDF.
"""
import argparse
import os
import random

WORDS = (
    "Türkiye Kazakistan ikili ilişkiler stratejik planlama grubu toplantısı Dışişleri Bakanı "
    "iş birliği ticaret hacmi yatırım enerji ulaştırma savunma sanayii eğitim kültürel "
    "bağlantısallığın lojistik altyapının geliştirilmesi değerlendirilecektir öngörülmektedir "
    "gerçekleştirilmiştir Cumhurbaşkanlarınca belirlenen hedefine ulaşılması çalışmaların "
    "gündeme gelmesi beklenmektedir Orta Koridor Hazar Geçişli Doğu-Batı bölgesel küresel "
    "gelişmeler ilişkin fikir alışverişinde bulunmaları mekanizmaları aracılığıyla düzenli "
    "etkin şekilde yürütülmektedir sermayeli şirket faaliyet göstermektedir Afganistan İran "
    "Filistin meselesi dahil çok taraflı platformlarda güçlendirilmesinin önemi vurgulanacak "
    "ıslahı ağırlıklı öğrencilerin üniversitelerarası değişim programlarının genişletilmesi"
).split()


def sentence(rng, lo=9, hi=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def block(rng, i, out, edit=False):
    """About half a page: an agenda item, a section with a list, a table and a chart."""
    out.append(f"  - title: \"Gündem maddesi {i}: {sentence(rng, 4, 7)[:-1]}\"\n")
    notes = paragraph(rng, 3)
    if edit and i % 10 == 0:
        notes = notes[:-1] + " güncellenmiştir."
    out.append("    notes: |\n      " + notes + "\n")
    out.append("    points:\n")
    for _ in range(2):
        out.append("      - " + sentence(rng) + "\n")
    out.append("    items:\n")
    out.append(f"      - title: Alt madde {i}.1\n        points:\n          - {sentence(rng)}\n")
    out.append("      - Enerji ve ulaştırma\n")


def section(rng, i, out):
    out.append(f"  - heading: Bölüm {i}\n")
    out.append("    body: |\n      " + paragraph(rng, 5) + "\n\n")
    out.append("      - " + sentence(rng, 4, 8) + "\n      - " + sentence(rng, 4, 8) + "\n\n")
    out.append("      " + paragraph(rng, 4) + "\n")
    out.append(f"    figures: [tablo-{i}, grafik-{i}]\n")


def figures(rng, i, out, edit=False):
    out.append(f"  - id: tablo-{i}\n    title: Temel göstergeler {i}\n    kind: table\n")
    out.append("    columns: [Gösterge, Değer, Birim]\n    rows:\n")
    for r in range(4):
        label, value = sentence(rng, 3, 6)[:-1], rng.randint(1, 9999) / 100
        if edit and i % 10 == 0 and r == 0:
            value = round(value + 1, 2)
        out.append(f"      - [\"{label}\", {value}, milyar $]\n")
    out.append("    source: ANKA\n")
    out.append(f"  - id: grafik-{i}\n    title: Ticaret {i}\n    kind: bar\n")
    out.append("    categories: [İhracat, İthalat, Toplam]\n    series:\n")
    a, b = rng.randint(100, 900) / 100, rng.randint(100, 900) / 100
    out.append(f"      - name: \"{2000 + i % 26}\"\n        values: [{a}, {b}, {round(a + b, 2)}]\n")
    out.append("    unit: milyar $\n    decimals: 2\n")


# Blocks (one agenda item + one section with a table and a chart) per page, measured with the
# default template: 2 pages take 1 block, and each further block adds about 1.43 pages.
PAGES_PER_BLOCK = 1.43


def brief(pages, seed, number, edit=False):
    rng = random.Random(seed)
    blocks = 1 + max(0, round((pages - 2) / PAGES_PER_BLOCK))
    out = [
        "brief: 1\n",
        f"title: \"Sentetik Deneme Notu {number}: Türkiye-Kazakistan İlişkileri\"\n",
        "subtitle: Bilgi Notu\nlanguage: tr\nclassification: HİZMETE ÖZEL\n",
        f"reference: BENCH-{number}/2026\nedition: {'2026-02-08' if edit else '2026-02-01'}\nauthor: Ölçüm Birimi\n",
        "meeting:\n  name: Türkiye-Kazakistan Ortak Stratejik Planlama Grubu\n",
        f"  number: {number}\n  date: 2026-02-02\n  location: Ankara\n",
        "  chairs:\n    - {name: Hakan Fidan, role: T.C. Dışişleri Bakanı, country: TR}\n",
        "    - {name: Yermek Koşerbayev, role: Kazakistan Dışişleri Bakanı, country: KZ}\n",
        "summary: |\n  " + paragraph(rng, 3) + "\n",
        "agenda:\n",
    ]
    for i in range(1, blocks + 1):
        block(rng, i, out, edit)
    out.append("sections:\n")
    for i in range(1, blocks + 1):
        section(rng, i, out)
    out.append("figures:\n")
    for i in range(1, blocks + 1):
        figures(rng, i, out, edit)
    out.append("sources:\n  - ANKA, 01.02.2026\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, help="about this many pages")
    ap.add_argument("--batch", type=int, help="this many two-page briefs into the folder OUT")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--next-edition", action="store_true", help="the brief's next edition")
    ap.add_argument("out")
    a = ap.parse_args()
    if a.batch:
        os.makedirs(a.out, exist_ok=True)
        for n in range(1, a.batch + 1):
            with open(os.path.join(a.out, f"brief-{n:04d}.yaml"), "w", encoding="utf-8") as f:
                f.write(brief(2, a.seed + n, n))
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(brief(a.pages or 2, a.seed, a.pages or 2, a.next_edition))


if __name__ == "__main__":
    main()
