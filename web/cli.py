"""``letterlab serve``: the web page, served by waitress (picked up by ``letterlab.cli``)."""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys


EXIT_OK, EXIT_ERROR = 0, 2


def register(subparsers, add_rule_args) -> None:
    p = subparsers.add_parser("serve", help="start websiden til sagsbehandlere (waitress)")
    p.add_argument("--host", default="127.0.0.1",
                   help="adressen, siden lytter på (standard: 127.0.0.1, kun denne maskine)")
    p.add_argument("--port", type=int, default=8000, help="porten (standard: 8000)")
    p.add_argument("--threads", type=int, default=8, help="tråde i waitress, der tager imod forespørgsler (standard: 8)")
    p.add_argument("--workers", type=int, default=None,
                   help="processer, der tjekker breve på samme tid, hver med sin egen model "
                        "(standard: antallet af kerner, højst 4)")
    p.add_argument("--time-limit", type=float, default=None, metavar="SEKUNDER",
                   help="den længste tid, ét brev må tage; et brev, der tager længere tid, får en fejl "
                        "(standard: 5)")
    p.add_argument("--quiet", action="store_true", help="ingen adgangslog (metode, sti, status, tid)")
    add_rule_args(p)
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from letterlab.cli import load_ruleset
    from letterlab.nlp.pipeline import ModelError
    from letterlab.ruleset import RuleError

    from . import create_app
    from .app import DEFAULT_TIME_LIMIT, make_server
    from .inputs import MAX_UPLOAD_BYTES

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        rules = load_ruleset(args)
        workers = args.workers if args.workers else min(4, os.cpu_count() or 1)
        limit = args.time_limit if args.time_limit and args.time_limit > 0 else DEFAULT_TIME_LIMIT
        app = create_app(model=args.model, ruleset=rules, genre=args.genre, profile=args.profile, workers=workers,
                         time_limit=limit)
    except RuleError as exc:
        print(f"letterlab: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ModelError as exc:
        print(f"letterlab: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    print(f"letterlab kører på http://{_display_host(args.host)}:{args.port}/ (stop med Ctrl+C)", flush=True)
    # SIGTERM (systemd, docker stop, kill) ends the server like Ctrl+C, so the
    # worker processes are shut down below instead of being left behind.
    signal.signal(signal.SIGTERM, _stop)
    try:
        make_server(app, args.host, args.port, max(args.threads, workers), MAX_UPLOAD_BYTES + 1024 * 1024).run()
    finally:
        app.extensions["letterlab"].close()
    return EXIT_OK


def _stop(signum, frame):
    raise KeyboardInterrupt


def _display_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
