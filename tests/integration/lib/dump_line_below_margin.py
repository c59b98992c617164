#!/usr/bin/env python3
"""Writes OUT_DUMP: the layout dump DUMP with page 2's last table line moved 20 pt down.

  dump_line_below_margin.py DUMP OUT_DUMP
"""
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = max(i for i, l in enumerate(lines) if re.match(r"page 2 line .*style=table( |$)", l))
lines[i] = re.sub(r" y=([0-9.]+)", lambda m: f" y={float(m.group(1)) + 20:.2f}", lines[i], count=1)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
