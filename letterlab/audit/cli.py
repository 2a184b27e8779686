"""``letterlab audit DIR``: the command-line door onto ``runner.run_audit``.

Exit status: 0 the audit ran (also when some files could not be read: they
get an error row in every report and are counted on stderr), 1 ``--fail-under``
or ``--fail-on`` was triggered, 2 the audit could not run (bad arguments, a
folder that does not exist or holds no letters, a broken rule file, a model
that cannot load).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
DEFAULT_OUT = "letterlab-rapport"


def _score(value: str) -> float:
    try:
        v = float(value.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' er ikke et tal") from None
    if not 0 <= v <= 100:
        raise argparse.ArgumentTypeError("scoren skal være mellem 0 og 100")
    return v


def _jobs(value: str) -> int:
    try:
        v = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' er ikke et helt tal") from None
    if v < 1:
        raise argparse.ArgumentTypeError("--jobs skal være mindst 1")
    return v


def register(subparsers, add_rule_args) -> None:
    a = subparsers.add_parser(
        "audit", help="audit a folder of letter templates (HTML, CSV and JSON report)",
        description="Audit every letter template under DIR and write report.html, report.csv and "
                    "report.json to --out. See docs/audit.md.",
    )
    a.add_argument("dir", metavar="DIR", help="folder with letter templates (searched recursively)")
    a.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help=f"folder for the reports (default: ./{DEFAULT_OUT})")
    a.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="only files matching this glob, e.g. '**/*.docx' (repeatable; default: all letter files)")
    a.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="leave out files or folders matching this glob, e.g. 'arkiv/**' (repeatable)")
    a.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: one per core when there are enough files; 1 = no pool)")
    a.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                   help="longest analysis of one file when the audit runs worker processes; a file that takes "
                        "longer gets an error row (default: 5)")
    a.add_argument("--history", default=None, metavar="FILE",
                   help="history database (default: audit-history.sqlite in the user data folder)")
    a.add_argument("--no-history", action="store_true", help="neither read nor write the history")
    a.add_argument("--cache", default=None, metavar="FILE",
                   help="cache database (default: audit-cache.sqlite in the user cache folder)")
    a.add_argument("--no-cache", action="store_true", help="analyse every file again and do not store results")
    a.add_argument("--annotate", action="store_true",
                   help="write a copy of each .docx with a Word comment on every finding to OUT/annoteret/")
    a.add_argument("--fail-under", type=_score, default=None, metavar="SCORE",
                   help="exit 1 when a template's overall score is below SCORE")
    a.add_argument("--fail-on", choices=["info", "warning", "error"], default=None,
                   help="exit 1 when a template has a finding of this severity or worse")
    a.add_argument("--csv-sep", choices=[";", ","], default=";",
                   help="CSV separator (default ';' for Danish Excel; ',' uses a decimal point)")
    a.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="progress bar on stderr (default: only on a terminal)")
    add_rule_args(a)
    a.set_defaults(func=cmd_audit)


def _err(msg: str) -> None:
    print(f"letterlab: {msg}", file=sys.stderr)


def cmd_audit(args) -> int:
    from ..cli import load_ruleset
    from ..nlp.pipeline import ModelError
    from ..report.model import SEVERITY_RANK
    from ..ruleset import RuleError
    from .runner import AuditError, AuditOptions, run_audit

    try:
        rs = load_ruleset(args)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    opts = AuditOptions(
        root=Path(args.dir), out=Path(args.out), include=args.include, exclude=args.exclude, jobs=args.jobs,
        history_path=Path(args.history) if args.history else None, use_history=not args.no_history,
        cache_path=Path(args.cache) if args.cache else None, use_cache=not args.no_cache,
        annotate=args.annotate, csv_sep=args.csv_sep, model=args.model, profile=args.profile, genre=args.genre,
    )
    if args.time_limit is not None and args.time_limit > 0:
        opts.time_limit = args.time_limit
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit=" filer", desc="Tjekker breve", file=sys.stderr, dynamic_ncols=True)
        bar.update(done - bar.n)

    try:
        result = run_audit(opts, rs, on_progress=progress if show else None)
    except AuditError as exc:
        _err(exc.message)
        return EXIT_ERROR
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    finally:
        if bar is not None:
            bar.close()

    rows, run = result.rows, result.run
    parts = [f"{run['files']} filer", f"{run['analysed']} vurderet"]
    if run["from_cache"]:
        parts.append(f"{run['from_cache']} fra cachen")
    if run["errors"]:
        parts.append(f"{run['errors']} kan ikke læses")
    if run["not_scored"]:
        parts.append(f"{run['not_scored']} ikke vurderet")
    print(f"letterlab: {', '.join(parts)}. Rapporten er i {result.out / 'report.html'}", file=sys.stderr)
    for r in rows:
        if r["status"] == "error":
            print(f"letterlab: {r['rel']}: {r['error_message']}", file=sys.stderr)

    status = EXIT_OK
    if args.fail_under is not None:
        low = [r for r in rows if r["overall"] is not None and r["overall"] < args.fail_under]
        if low:
            _err(f"{len(low)} skabeloner har en samlet score under {args.fail_under:g}.")
            status = EXIT_FAIL
    if args.fail_on:
        limit = SEVERITY_RANK[args.fail_on]
        bad = [r for r in rows if r["worst_severity"] and SEVERITY_RANK[r["worst_severity"]] >= limit]
        if bad:
            _err(f"{len(bad)} skabeloner har fund, der er mindst lige så alvorlige som '{args.fail_on}'.")
            status = EXIT_FAIL
    return status
