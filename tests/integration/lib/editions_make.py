#!/usr/bin/env python3
"""Editions of one long Turkish brief with figures, for tests/integration/editions.sh.

    editions_make.py K DIR [--template NAME] [--language LANG] [--agenda-replaced]

writes DIR/brief.yaml and DIR/ticaret.csv as edition K (0 = the first). Each edition makes one
more change than the one before, cumulatively:
  1 a number changed in the CSV table, 2 a talking point added, 3 a sentence removed from a
  section, 4 the summary reworded, 5 a chart value changed, 6 an agenda item moved.
The edition date is 2026-03-(K+1). Prints, one per line, what the changes box must list for
edition K against K-1 ("ENTRY<TAB>text") and the words of the lines that must carry change bars
("BAR<TAB>words").
"""
import argparse
import os

FILLER = ("Türkiye ile Kazakistan arasındaki ilişkiler stratejik ortaklık düzeyinde yürütülmekte "
          "olup ticaret, enerji, ulaştırma ve eğitim alanlarında iş birliğinin geliştirilmesi için "
          "çalışmalar sürdürülmektedir.")

REMOVED = "Bu cümle üçüncü baskıda metinden çıkarılacaktır."


def section_body(i, k):
    parts = [FILLER] * 2
    if i == 3 and k < 3:
        parts.insert(1, REMOVED)
    parts.append(f"Bölüm {i} kapsamında değerlendirilecek konular aşağıda özetlenmiştir.")
    return " ".join(parts)


def agenda(k):
    items = []
    for n in range(1, 5):
        item = [f"  - title: Gündem konusu {['bir', 'iki', 'üç', 'dört'][n - 1]}\n",
                f"    notes: |\n      {FILLER}\n",
                "    points:\n",
                f"      - \"Konuşma noktası {n}a: işbirliğinin güçlendirilmesinin vurgulanması.\"\n"]
        if n == 2:
            item.append("    items:\n      - title: Alt konu iki bir\n        points:\n"
                        "          - Alt konuşma noktası ilk.\n")
            if k >= 2:
                item.append("          - Yeni eklenen konuşma noktası limanlar.\n")
        items.append("".join(item))
    if k >= 6:
        items.insert(0, items.pop(3))  # the fourth item moves to the top
    return "agenda:\n" + "".join(items)


def replaced_agenda():
    out = "agenda:\n"
    for n in range(1, 16):
        out += f"  - title: Tamamen yeni gündem {n}\n    points:\n      - Yeni nokta {n}.\n"
    return out


def brief(k, template, agenda_replaced, language="tr"):
    summary = ("Toplantı iki ülke arasındaki ilişkilerin bütün boyutlarıyla ele alınmasına "
               "imkan verecektir.")
    if k >= 4:
        summary = ("Toplantı iki ülke arasındaki ilişkilerin bütün boyutlarıyla yeniden "
                   "değerlendirilmesine imkan verecektir.")
    out = ["brief: 1\n"]
    if template:
        out.append(f"template: {template}\n")
    out += ["title: Türkiye-Kazakistan Ortak Stratejik Planlama Grubu\n",
            f"subtitle: Bilgi Notu\nlanguage: {language}\nclassification: HİZMETE ÖZEL\n",
            f"reference: OSPG-9/2026\nedition: 2026-03-{k + 1:02d}\nauthor: Baskı Birimi\n",
            "meeting:\n  name: OSPG 9. Toplantısı\n  date: 2026-03-20\n  location: Astana\n",
            f"summary: |\n  {summary}\n\n  {FILLER}\n",
            replaced_agenda() if agenda_replaced else agenda(k),
            "sections:\n"]
    for i in range(1, 6):
        out.append(f"  - heading: Bölüm {i}\n    body: |\n      {section_body(i, k)}\n")
        if i == 2:
            out.append("    figures: [ticaret, grafik]\n")
    ithalat = "6.10" if k >= 5 else "6.04"
    out += ["figures:\n",
            "  - id: ticaret\n    title: Aylık ticaret\n    kind: table\n    csv: ticaret.csv\n    source: ANKA\n",
            "  - id: grafik\n    title: Ticaret 2025\n    kind: bar\n    categories: [İhracat, İthalat, Toplam]\n",
            f"    series:\n      - name: \"2025\"\n        values: [2.91, {ithalat}, 8.95]\n",
            "    unit: milyar $\n    decimals: 2\n",
            "sources:\n  - ANKA, 01.03.2026\n"]
    return "".join(out)


def csv(k):
    rows = ["Ay,Ülke,İhracat,İthalat",
            f"Mart 2025,Kazakistan,{'162.45' if k >= 1 else '150.12'},98.30",
            "Mart 2025,Özbekistan,88.10,45.00",
            "Nisan 2025,Kazakistan,151.00,97.20"]
    return "\n".join(rows) + "\n"


# What the box lists for edition K against K-1, and the words on the lines with change bars.
EXPECT = {
    1: (["Tablo 1, Mart 2025 / Kazakistan / İhracat: 150,12 → 162,45"], ["162,45"]),
    2: (["Gündem 2.1: eklendi"], ["limanlar"]),
    3: (["Bölüm 3: güncellendi"], ["Türkiye ile Kazakistan"]),
    4: (["Özet: güncellendi"], ["yeniden"]),
    5: (["Şekil 1, İthalat / 2025: 6,04 → 6,10"], []),
    # The moved item's lines where it now is, and a short mark where it was (the heading after).
    6: (["Gündem 1: eklendi", "Gündem 4: çıkarıldı"],
        ["Gündem konusu dört", "Türkiye ile Kazakistan arasındaki ilişkiler stratejik ortaklık düzeyinde yürütülmekte olup",
         "ticaret, enerji, ulaştırma", "sürdürülmektedir.", "Konuşma noktası 4a", "BÖLÜM 1"]),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("k", type=int)
    ap.add_argument("dir")
    ap.add_argument("--template")
    ap.add_argument("--agenda-replaced", action="store_true")
    ap.add_argument("--language", default="tr")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    with open(os.path.join(a.dir, "brief.yaml"), "w", encoding="utf-8") as f:
        f.write(brief(a.k, a.template, a.agenda_replaced, a.language))
    with open(os.path.join(a.dir, "ticaret.csv"), "w", encoding="utf-8") as f:
        f.write(csv(a.k))
    if a.k >= 1 and not a.agenda_replaced:
        entries, bars = EXPECT[a.k]
        # Every edition also has a new date (the meeting table's edition row).
        entries = [f"Hazırlanma Tarihi: {a.k} Mart 2026 → {a.k + 1} Mart 2026"] + entries
        bars = [f"{a.k + 1} Mart 2026"] + bars
        for e in entries:
            print("ENTRY\t" + e)
        for b in bars:
            print("BAR\t" + b)


if __name__ == "__main__":
    main()
