#!/usr/bin/env python3
"""Writes OUT_DUMP: the layout dump DUMP after running the statements PYTHON on its `lines`
(to plant a defect that check_layout.py must find).

  dump_mutate.py DUMP OUT_DUMP PYTHON
"""
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
exec(sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
