#!/usr/bin/env python3
"""Writes each mutation of FOLDER/full.yaml as FOLDER/EXPECT-NAME.yaml (JSON, which is YAML).
MUTATIONS has one a line: NAME|accept|Python statements on the document `d` (or
NAME|reject|...). The YAML is read as y2j.py reads it (this folder's y2j module).

  schema_write_mutations.py FOLDER MUTATIONS
"""
import copy, json, sys
folder, mutations = sys.argv[1:]
import yaml
from y2j import Loader
base = yaml.load(open(folder + "/full.yaml", encoding="utf-8"), Loader=Loader)
for line in open(mutations, encoding="utf-8"):
    name, expect, code = line.rstrip("\n").split("|", 2)
    d = copy.deepcopy(base)
    exec(code)
    # JSON is YAML: briefmake reads the same document that the validator sees.
    with open(f"{folder}/{expect}-{name}.yaml", "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
