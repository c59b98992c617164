#!/usr/bin/env python3
"""Writes the briefs of eml.sh into DIR: ospg-8.yaml with a distribution of named, bare and
quoted addresses, a group and SUBJECT; no-dist.yaml without a distribution; ru.yaml, a Russian
brief with one address.

  eml_make_briefs.py OSPG8_YAML DIR SUBJECT
"""
import sys, re
src, out, subject = sys.argv[1:]
text = open(src, encoding="utf-8").read()
dist = f'''distribution:
  to: ["Bakan Özel Kalem Müdürlüğü <ozelkalem@example.org>", plain@example.org]
  cc: [Bakan Yardımcılığı Makamı, "T.C. Astana Büyükelçiliği <astana@example.org>", "\\"Doe, John\\" <jd@example.org>"]
  subject: "{subject}"
'''
assert re.search(r"^distribution:\n(  .*\n)+", text, re.M)
open(f"{out}/ospg-8.yaml", "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", dist, text, flags=re.M))
# No distribution at all: the subject is the title, no To/Cc.
open(f"{out}/no-dist.yaml", "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", "", text, flags=re.M))
open(f"{out}/ru.yaml", "w", encoding="utf-8").write('''brief: 1
title: Визит делегации в Астану
language: ru
reference: ОСПГ-8/2026
edition: 2026-01-30
meeting:
  name: Совместная группа стратегического планирования
  date: 2026-02-02
  location: Астана
agenda:
  - Открытие
distribution:
  to: ["Посольство <embassy@example.org>"]
''')
