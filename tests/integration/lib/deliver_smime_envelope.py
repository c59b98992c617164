"""Checks the envelope the test SMTP server (lib/smtpd.py) stored beside a message, for
tests/integration/deliver_smime.sh.

    python3 deliver_smime_envelope.py SERVER_DIR/NNNN.json FROM ADDR,ADDR...

The envelope sender is FROM, the recipients are exactly ADDR... (each once), and the message came
over TLS after AUTH. Prints what is wrong; exit 1.
"""
import json
import sys


def main():
    meta = json.load(open(sys.argv[1]))
    want_from, want_rcpts = sys.argv[2], sorted(a.lower() for a in sys.argv[3].split(",") if a)
    errors = []
    if meta["mail_from"].lower() != want_from.lower():
        errors.append("envelope sender %s, expected %s" % (meta["mail_from"], want_from))
    rcpts = sorted(r.lower() for r in meta["rcpt_tos"])
    if rcpts != want_rcpts:
        errors.append("recipients %s, expected %s" % (rcpts, want_rcpts))
    if not meta["tls"]:
        errors.append("the message came without TLS")
    if not meta["auth"]:
        errors.append("the message came without AUTH")
    for e in errors:
        print("  %s: %s" % (sys.argv[1], e), file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
