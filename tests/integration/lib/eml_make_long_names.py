#!/usr/bin/env python3
"""Writes OUT_YAML: briefs/ospg-8.yaml with long Turkish display names and a long subject that do
not fit in one encoded word.

  eml_make_long_names.py OSPG8_YAML OUT_YAML
"""
import sys, re
text = open(sys.argv[1], encoding="utf-8").read()
dist = '''distribution:
  to: ["T.C. Dışişleri Bakanlığı İkili Siyasi İşler Genel Müdürlüğü Asya Dairesi <x@example.org>",
       "Kazakistan Cumhuriyeti Dışişleri Bakanlığı Avrupa İşleri Dairesi Başkanlığı <kz@example.org>"]
  cc: ["Ankara Büyükelçiliği Müsteşarlığı ve Türkiye Kazakistan Çalışma Grubu Sekreteryası",
       "Özel Kalem Müdürlüğü", Bakanlık Müşavirliği ve Genel Sekreterlik Yardımcılığı Ofisi]
  subject: "Türkiye-Kazakistan Ortak Stratejik Planlama Grubu 8. Toplantısı Hazırlıkları Çerçevesinde Düzenlenecek Değerlendirme Toplantısına İlişkin Bilgi Notu (Şubat 2026)"
'''
assert re.search(r"^distribution:\n(  .*\n)+", text, re.M)
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"^distribution:\n(  .*\n)+", dist, text, flags=re.M))
