#!/usr/bin/env python3
"""Writes OUT_YAML: the first ```yaml block after the README's "### A template of your own".

  readme_example_template.py README OUT_YAML
"""
import sys
s = open(sys.argv[1], encoding="utf-8").read()
a = s.index("### A template of your own")
b = s.index("```yaml\n", a) + len("```yaml\n")
open(sys.argv[2], "w", encoding="utf-8").write(s[b:s.index("```", b)])
