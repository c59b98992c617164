#!/usr/bin/env python3
"""Writes OUT_DOCX: DOCX with its last "dır." in word/document.xml changed to "dı." (a change
that parity.py words must notice).

  docx_plant_word_change.py DOCX OUT_DOCX
"""
import sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "word/document.xml":
            s = data.decode("utf-8")
            k = s.rindex("dır.</w:t>")
            data = (s[:k] + "dı.</w:t>" + s[k + len("dır.</w:t>"):]).encode("utf-8")
        zout.writestr(info, data)
