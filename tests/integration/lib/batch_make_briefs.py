#!/usr/bin/env python3
"""Writes DIR/b000.yaml .. b054.yaml, copies of briefs/ospg-8.yaml with their own title and meeting
number; a third read their key-figures table from DIR/data.csv, a third from DIR/other.csv
(also written), the rest keep it inline.

  batch_make_briefs.py OSPG8_YAML DIR
"""
import sys, re
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
rows = re.compile(r"    columns: \[Gösterge, Değer, Birim\]\n    rows:\n(      - .*\n)+")
assert rows.search(text), "ospg-8.yaml changed: the temel-gostergeler table is not where expected"
csv_head = "Gösterge,Değer,Birim\n"
open(f"{out}/data.csv", "w", encoding="utf-8").write(csv_head + "İkili ticaret hacmi,8.95,milyar $\nHedef,15,milyar $\n")
open(f"{out}/other.csv", "w", encoding="utf-8").write(csv_head + "Yatırımlar,5.8,milyar $\n")
for i in range(55):
    t = re.sub(r'^title: .*$', f'title: "Bilgi Notu {i:03d}: Türkiye-Kazakistan OSPG"', text, count=1, flags=re.M)
    t = re.sub(r'^  number: 8$', f'  number: {i + 1}', t, count=1, flags=re.M)
    if i % 3 == 0:
        t = rows.sub("    csv: data.csv\n", t, count=1)
    elif i % 3 == 1:
        t = rows.sub("    csv: other.csv\n", t, count=1)
    open(f"{out}/b{i:03d}.yaml", "w", encoding="utf-8").write(t)
