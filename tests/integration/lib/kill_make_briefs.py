#!/usr/bin/env python3
"""Writes the 20 briefs of kill.sh into DIR (copies of the sample and test briefs), every title
marked with its stem and VERSION.

  kill_make_briefs.py SOURCE_DIR DIR VERSION
"""
import json, re, sys, yaml
src, out, version = sys.argv[1:]
copies = {"long-tr": "tests/briefs/long-tr.yaml", "casing-tr": "tests/briefs/casing-tr.yaml"}
for lang in ("en", "kk", "ru", "tr"): copies[f"lang-{lang}"] = f"tests/briefs/lang-{lang}.yaml"
for i in range(9): copies[f"ospg-8-{i}"] = "briefs/ospg-8.yaml"
for i in range(5): copies[f"ospg-8-en-{i}"] = "briefs/ospg-8-en.yaml"
for stem, path in copies.items():
    text = open(f"{src}/{path}", encoding="utf-8").read()
    title = yaml.safe_load(text)["title"]
    text, n = re.subn(r"^title: .*$", lambda m: "title: " + json.dumps(f"{title} ({stem}, v{version})", ensure_ascii=False),
                      text, count=1, flags=re.M)
    assert n == 1, path
    open(f"{out}/{stem}.yaml", "w", encoding="utf-8").write(text)
