"""Writes a copy of a real brief for tests/integration/deliver_smime.sh with another
classification and distribution list.

    python3 deliver_smime_brief.py SOURCE FILE CLASSIFICATION TO [CC]

SOURCE is a brief (e.g. briefs/ospg-8.yaml); CLASSIFICATION "-" drops its classification; TO and
CC are comma-separated addresses that replace the distribution's `to` and `cc` lists (its
`subject` stays). Everything else is copied line for line.
"""
import json
import sys


def main():
    source, path, classification, to = sys.argv[1:5]
    cc = sys.argv[5] if len(sys.argv) > 5 else ""
    out, seen_class, seen_dist, in_dist = [], False, False, False
    for line in open(source, encoding="utf-8").read().split("\n"):
        if line.startswith("classification:"):
            seen_class = True
            if classification != "-":
                out.append("classification: " + json.dumps(classification, ensure_ascii=False))
            continue
        if line.startswith("distribution:"):
            in_dist = seen_dist = True
            out.append(line)
            for key, value in (("to", to), ("cc", cc)):
                addrs = [a for a in value.split(",") if a]
                if addrs:
                    out.append("  %s: %s" % (key, json.dumps(addrs, ensure_ascii=False)))
            continue
        if in_dist and (line.startswith("  to:") or line.startswith("  cc:")):
            continue
        if in_dist and line and not line.startswith(" "):
            in_dist = False
        out.append(line)
    if not seen_class:
        raise SystemExit(source + ": no classification line to replace")
    if not seen_dist:
        raise SystemExit(source + ": no distribution to replace")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
