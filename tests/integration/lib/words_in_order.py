#!/usr/bin/env python3
"""Prints what is wrong when the WORDs do not all occur in FILE in this order (first
occurrences): the missing ones, or the order found. Prints nothing when all is well.

  words_in_order.py FILE WORD...
"""
import sys
t = open(sys.argv[1], encoding="utf-8").read()
pos = [(w, t.find(w)) for w in sys.argv[2:]]
missing = [w for w, p in pos if p < 0]
if missing:
    print("lacks " + ", ".join(missing))
elif [p for _, p in pos] != sorted(p for _, p in pos):
    print("wrong order: " + " < ".join(w for w, _ in sorted(pos, key=lambda x: x[1])))
