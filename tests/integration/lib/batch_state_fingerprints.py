#!/usr/bin/env python3
"""Prints "FILE FINGERPRINT" for each FILE, as the state file records it among its inputs
("absent" when it does not).

  batch_state_fingerprints.py STATE_FILE FILE...
"""
import json, sys
inputs = {i["path"]: i["fingerprint"] for i in json.load(open(sys.argv[1], encoding="utf-8"))["inputs"]}
for f in sys.argv[2:]:
    print(f, inputs.get(f, "absent"))
