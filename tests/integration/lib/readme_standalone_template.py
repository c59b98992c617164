#!/usr/bin/env python3
"""Writes OUT_YAML: the first ```yaml block after the README's "### A template that stands
alone", which must not extend another template.

  readme_standalone_template.py README OUT_YAML
"""
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index("### A template that stands alone")
m = re.search(r"```yaml\n(.*?)```", s[i:], re.S)
assert m and "extends:" not in m.group(1)
open(sys.argv[2], "w", encoding="utf-8").write(m.group(1))
