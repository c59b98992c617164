"""Writes small briefs for the delivery tests.

    python3 mail_briefs.py FILE TITLE CLASSIFICATION TO [CC]

CLASSIFICATION "-" leaves the brief unclassified; TO and CC are comma-separated addresses
("" for none). The brief renders as is (BRIEF-FORMAT v1).
"""
import json
import sys


def main():
    path, title, classification, to = sys.argv[1:5]
    cc = sys.argv[5] if len(sys.argv) > 5 else ""
    lines = ["brief: 1", "title: " + json.dumps(title, ensure_ascii=False), "language: tr"]
    if classification != "-":
        lines.append("classification: " + json.dumps(classification, ensure_ascii=False))
    lines += ["reference: T-1/2026", "edition: 2026-02-01", "meeting:", "  name: Ortak Çalışma Grubu",
              "  date: 2026-02-02", "  location: Ankara", "agenda:", "  - Açılış", "  - " + json.dumps(title, ensure_ascii=False),
              "distribution:"]
    for key, value in (("to", to), ("cc", cc)):
        addrs = [a for a in value.split(",") if a]
        if addrs:
            lines.append("  %s:" % key)
            lines += ["    - " + json.dumps(a, ensure_ascii=False) for a in addrs]
    if not to and not cc:
        lines.append("  subject: " + json.dumps(title, ensure_ascii=False))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
