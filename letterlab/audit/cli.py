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
        "audit", help="tjek en mappe med brevskabeloner (rapport i HTML, CSV og JSON)",
        description="Tjek alle brevskabeloner i MAPPE, og skriv report.html, report.csv og report.json "
                    "i --out. Se docs/audit.md.",
        epilog="Afslutningskoder:\n"
               "  0  letterlab tjekkede mappen (også når nogle filer ikke kan læses)\n"
               "  1  --fail-under eller --fail-on slog til\n"
               "  2  letterlab kunne ikke tjekke mappen\n\n"
               "Et brev kan selv slå en regel fra for det næste afsnit med en linje som\n"
               "'letterlab: ignorer let-at-laese.passiv' (se docs/audit.md).",
    )
    a.add_argument("dir", metavar="MAPPE", help="mappen med brevskabeloner (også undermapper)")
    a.add_argument("--out", default=DEFAULT_OUT, metavar="MAPPE",
                   help=f"mappen til rapporterne (standard: ./{DEFAULT_OUT})")
    a.add_argument("--include", action="append", default=[], metavar="MØNSTER",
                   help="kun filer, der passer til mønstret, fx '**/*.docx' (kan gentages; standard: alle breve)")
    a.add_argument("--exclude", action="append", default=[], metavar="MØNSTER",
                   help="spring filer eller mapper over, der passer til mønstret, fx 'arkiv/**' (kan gentages)")
    a.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="antal processer (standard: én for hver kerne, når der er filer nok; 1 = ingen)")
    a.add_argument("--time-limit", type=float, default=None, metavar="SEKUNDER",
                   help="den længste tid, ét brev må tage; en fil, der tager længere tid, får en besked "
                        "i rapporten og ingen score (standard: 5)")
    a.add_argument("--history", default=None, metavar="FIL",
                   help="historikkens database (standard: audit-history.sqlite i brugerens datamappe)")
    a.add_argument("--no-history", action="store_true", help="brug ikke historikken, hverken til at læse eller skrive")
    a.add_argument("--cache", default=None, metavar="FIL",
                   help="cachens database (standard: audit-cache.sqlite i brugerens cache-mappe)")
    a.add_argument("--no-cache", action="store_true", help="tjek alle filer igen, og gem ikke resultaterne")
    a.add_argument("--annotate", action="store_true",
                   help="gem en kopi af hver .docx med en Word-kommentar ved hvert fund i OUT/annoteret/")
    a.add_argument("--baseline", default=None, metavar="FIL",
                   help="en report.json fra en tidligere kørsel: vis kun de fund, der er kommet til siden")
    a.add_argument("--fail-under", type=_score, default=None, metavar="SCORE",
                   help="afslut med kode 1, når en skabelon har en samlet score under SCORE")
    a.add_argument("--fail-on", choices=["info", "warning", "error"], default=None,
                   help="afslut med kode 1, når en skabelon har et fund med denne alvor eller værre "
                        "(info = tip, warning = advarsel, error = fejl)")
    a.add_argument("--csv-sep", choices=[";", ","], default=";",
                   help="skilletegn i CSV-filen (standard ';' til dansk Excel; ',' giver decimalpunktum)")
    a.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="vis fremdriften på stderr (standard: kun i en terminal)")
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
        baseline=Path(args.baseline) if args.baseline else None,
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
    if args.annotate:
        _report_annotations(rows, result.out)
    from ..report.words import count_summary

    counts = {k: sum((r.get("severities") or {}).get(k, 0) for r in rows) for k in ("error", "warning", "info")}
    scored = sum(1 for r in rows if r["status"] != "error")
    line = count_summary(counts, scored)
    if args.baseline:
        line += f", som er kommet til siden {Path(args.baseline).name}"
    print(f"letterlab: {line}.", file=sys.stderr)

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


def _report_annotations(rows, out: Path) -> None:
    """Say what --annotate made; without .docx files there is nothing to comment on."""
    from .runner import ANNOTATE_DIR

    docx = [r for r in rows if r["rel"].lower().endswith(".docx")]
    folder = out / ANNOTATE_DIR
    if not docx:
        try:
            folder.rmdir()   # empty: we made it, and nothing went into it
        except OSError:
            pass
        _err("--annotate laver kun kommentarer i Word-filer (.docx), og der er ingen .docx-filer i mappen.")
        return
    made = sum(1 for r in docx if r.get("comments") is not None)
    failed = sum(1 for r in docx if r.get("annotate_error"))
    msg = f"Vi har lavet {made} kopier med kommentarer i {folder}."
    if failed:
        msg += f" {failed} kunne vi ikke kommentere."
    _err(msg)
