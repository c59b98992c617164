"""A real SMTP server for the delivery tests: aiosmtpd on 127.0.0.1.

STARTTLS is required (or, with --smtps, TLS from the first byte; with --no-starttls it is not
offered at all), AUTH PLAIN/LOGIN is required when --auth USER:PASS is given (and only over TLS).
Every message accepted is stored as it arrived: DIR/NNNN.eml (the DATA bytes, dot-unstuffed,
CRLF line ends) and DIR/NNNN.json (envelope sender and recipients). Faults on request:
--refuse-rcpt ADDR answers RCPT TO with 550, --tempfail-match TEXT answers the end of a message
that contains TEXT with 451, --delay S waits S seconds before accepting each message.

The server writes its port to --port-file once it listens and stops by itself after --lifetime
seconds (or on SIGTERM).

    python3 smtpd.py --dir DIR --port-file F --cert C --key K [--auth U:P] [--smtps | --no-starttls]
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.args.refuse_rcpt:
            return "550 5.1.1 <%s>: Recipient address rejected: no such user here" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content
        for text in self.args.tempfail_match:
            if text.encode() in data:
                return "451 4.3.0 Try again later (test fault)"
        if self.args.delay:
            await asyncio.sleep(self.args.delay)
        with self.lock:
            n = len([f for f in os.listdir(self.args.dir) if f.endswith(".eml")]) + 1
            base = os.path.join(self.args.dir, "%04d" % n)
            with open(base + ".json.tmp", "w") as f:
                json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                           "tls": session.ssl is not None or  # STARTTLS, or TLS from the first byte
                           server.transport.get_extra_info("ssl_object") is not None,
                           "auth": session.authenticated}, f)
            with open(base + ".eml.tmp", "wb") as f:
                f.write(data)
            os.rename(base + ".json.tmp", base + ".json")
            os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 Ok: queued as %04d" % n


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--auth")
    p.add_argument("--smtps", action="store_true")
    p.add_argument("--no-starttls", action="store_true")
    p.add_argument("--refuse-rcpt", action="append", default=[])
    p.add_argument("--tempfail-match", action="append", default=[])
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--lifetime", type=float, default=300)
    args = p.parse_args()
    args.refuse_rcpt = [a.lower() for a in args.refuse_rcpt]
    os.makedirs(args.dir, exist_ok=True)

    ctx = None
    if args.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.cert, args.key)

    kwargs = dict(hostname="127.0.0.1", port=args.port or free_port(), ready_timeout=10)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and \
                auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    if args.smtps:
        kwargs.update(ssl_context=ctx, server_hostname="localhost")
    elif not args.no_starttls:
        kwargs.update(tls_context=ctx, require_starttls=True)
    controller = Controller(Handler(args), **kwargs)
    controller.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(kwargs["port"]))
    os.rename(args.port_file + ".tmp", args.port_file)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    stop.wait(args.lifetime)
    controller.stop()


if __name__ == "__main__":
    main()
