"""The ``letterlab`` command: a thin door onto the core. No analysis logic lives here.

Exit status for ``check`` (and the other commands that analyse):
0 = ran fine, 1 = findings at or above ``--fail-on``, 2 = could not run
(unreadable input, missing model, broken rule file).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(msg: str) -> None:
    print(f"letterlab: {msg}", file=sys.stderr)


# --- Danish argparse -------------------------------------------------------------

_ARGPARSE_DA = [
    (r"the following arguments are required: (.*)", r"du mangler: \1"),
    (r"argument (\S+): invalid choice: '?([^'(]*)'? \(choose from (.*)\)", r"\1: '\2' findes ikke. Vælg en af: \3"),
    (r"argument (\S+): expected one argument", r"\1 skal have en værdi"),
    (r"argument (\S+): invalid (\w+) value: '([^']*)'", r"\1: '\3' er ikke et gyldigt tal"),
    (r"argument (\S+): ", r"\1: "),
    (r"unrecognized arguments: (.*)", r"ukendt valg: \1"),
    (r"ambiguous option: (.*)", r"valget er ikke entydigt: \1"),
]


class DanishHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Brug: " if prefix is None else prefix)


class DanishParser(argparse.ArgumentParser):
    """argparse with Danish headings, help and error messages (exit status 2 on a usage error)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumenter"
        self._optionals.title = "Valg"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjælp og stop")

    def error(self, message: str):
        import re

        for pattern, repl in _ARGPARSE_DA:
            new = re.sub(pattern, repl, message)
            if new != message:
                message = new
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"letterlab: {message}\n")


def _genres() -> dict[str, str]:
    from .genres import GENRES

    return GENRES


def _profiles() -> list[str]:
    from .ruleset import default_rules_dir

    return sorted(p.stem for p in (default_rules_dir() / "profiler").glob("*.toml"))


def _genre_arg(value: str) -> str:
    if value not in _genres():
        raise argparse.ArgumentTypeError(f"brevtypen '{value}' findes ikke. Vælg en af: {', '.join(_genres())}")
    return value


def _add_rule_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", default=[], metavar="MAPPE",
                   help="en mappe eller fil med flere regler oven i de indbyggede (kan gentages)")
    p.add_argument("--disable", action="append", default=[], metavar="ID",
                   help="slå en regel fra med dens id eller et id-præfiks, fx let-at-laese (kan gentages)")
    p.add_argument("--enable", action="append", default=[], metavar="ID",
                   help="slå en regel til med dens id eller et id-præfiks (kan gentages)")
    p.add_argument("--profile", default=None, metavar="PROFIL",
                   help=f"hvem brevet er til: {', '.join(_profiles())} (standard: brev)")
    p.add_argument("--genre", default=None, type=_genre_arg, metavar="BREVTYPE",
                   help=f"brevtypen: {', '.join(_genres())} (standard: letterlab finder den selv)")
    p.add_argument("--model", default=None, metavar="MODEL",
                   help="spaCy-model som pakkenavn eller sti (standard: LETTERLAB_MODEL eller den indbyggede)")


def load_ruleset(args):
    """The rules with --rules, --disable/--enable and --profile applied; RuleError for unknown ids or profiles."""
    from .ruleset import RuleError, load_rules

    rs = load_rules(args.rules)
    unknown = [p for p in [*args.disable, *args.enable] if not any(_id_matches(r.id, p) for r in rs.rules)]
    if unknown:
        raise RuleError(_unknown_ids_message(unknown, [r.id for r in rs.rules]))
    if args.disable or args.enable:
        rs = rs.with_switches(args.disable, args.enable)
    if args.profile:
        rs.profile(args.profile)
    return rs


def _id_matches(rule_id: str, pattern: str) -> bool:
    p = pattern.rstrip(".")
    return rule_id == p or rule_id.startswith(p + ".")


def _unknown_ids_message(unknown: list[str], ids: list[str]) -> str:
    import difflib

    prefixes = sorted({i.split(".")[0] for i in ids})
    lines = []
    for u in unknown:
        close = difflib.get_close_matches(u, ids + prefixes, n=3, cutoff=0.6)
        hint = f" Mente du {' eller '.join(close)}?" if close else ""
        lines.append(f"Reglen '{u}' findes ikke.{hint}")
    lines.append(f"Brug et id fra 'letterlab rules list' eller et af præfiksene: {', '.join(prefixes)}.")
    return " ".join(lines)


def read_input(path: str):
    """A readers.Document from a file path or '-' (stdin, text)."""
    from .readers import read_document, read_text

    if path == "-":
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8", errors="replace")
        return read_text(text, source="-")
    return read_document(path)




def cmd_check(args) -> int:
    from .core import TIME_LIMIT, UNCHECKED, analyse
    from .nlp.pipeline import ModelError
    from .readers import ReadError
    from .report.jsonout import render_json
    from .report.model import SCHEMA_VERSION, SEVERITY_RANK
    from .report.safe import safe_name
    from .report.text import render_text
    from .report.words import count_summary, severity_counts
    from .ruleset import RuleError

    try:
        rs = load_ruleset(args)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    status = EXIT_OK
    entries: list[dict] = []
    severities: list[str] = []
    letters = failed = 0
    colour = args.colour == "always" or (args.colour == "auto" and sys.stdout.isatty()
                                         and not os.environ.get("NO_COLOR"))

    def failed_file(path: str, code: str, message: str) -> None:
        nonlocal status, failed
        _err(f"{safe_name(path)}: {message}")
        entries.append({"source": safe_name(path), "error": {"code": code, "message": message}})
        status = EXIT_ERROR
        failed += 1

    for path in args.files:
        if path != "-" and Path(path).is_dir():
            failed_file(path, "folder", f"Det er en mappe. Brug 'letterlab audit {path}' for at tjekke alle "
                                        "breve i en mappe.")
            continue
        try:
            document = read_input(path)
        except ReadError as exc:
            failed_file(path, exc.code, exc.message)
            continue
        except OSError as exc:
            failed_file(path, "unreadable", f"Filen kan ikke åbnes ({exc.strerror}).")
            continue
        try:
            report = analyse(document, rs, model=args.model, genre=args.genre, profile=args.profile,
                             time_limit=args.time_limit if args.time_limit and args.time_limit > 0 else TIME_LIMIT)
        except ModelError as exc:
            _err(exc.message)
            return EXIT_ERROR
        letters += 1
        severities.extend(f.severity for f in report.findings)
        if any(n["code"] in UNCHECKED for n in report.notices):   # not checked at all (too slow too)
            status = max(status, EXIT_ERROR)
        if args.format == "json":
            entries.append(report.to_dict())
        else:
            print(render_text(report, name=path, colour=colour))
        if args.fail_on and report.findings:
            worst = max(SEVERITY_RANK[f.severity] for f in report.findings)
            if worst >= SEVERITY_RANK[args.fail_on] and status == EXIT_OK:
                status = EXIT_FINDINGS
    counts = severity_counts(severities)
    if args.format == "json":
        payload = {"schema_version": SCHEMA_VERSION, "reports": entries,
                   "summary": {"letters": letters, "unreadable": failed, "findings": counts}}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        line = count_summary(counts, letters)
        if failed:
            line += f" ({failed} {'fil' if failed == 1 else 'filer'} kunne ikke læses)"
        print(line + ".")
    return status


def cmd_model_train(args) -> int:
    from .nlp.pipeline import BUNDLED_MODEL
    from .nlp.training.train import train

    out = Path(args.output) if args.output else BUNDLED_MODEL
    result = train(Path(args.data), out, seed=args.seed, max_steps=args.max_steps, ops=args.ops)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_model_evaluate(args) -> int:
    from .nlp.evaluate import evaluate
    from .nlp.pipeline import ModelError, load_pipeline, model_label, resolve_model_name

    try:
        nlp = load_pipeline(args.model, letter_components=not args.no_letter_components)
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    if not Path(args.file).exists():
        _err(f"{args.file}: Filen findes ikke.")
        return EXIT_ERROR
    result = evaluate(args.file, nlp, model_label(resolve_model_name(args.model)))
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_model_info(args) -> int:
    from .nlp.pipeline import ModelError, load_pipeline, resolve_model_name

    try:
        nlp = load_pipeline(args.model)
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    meta = dict(nlp.meta)
    info = {k: meta.get(k) for k in ("lang", "name", "version", "license", "description", "sources",
                                      "performance", "letterlab_training")}
    info["path"] = resolve_model_name(args.model)
    info["pipeline"] = nlp.pipe_names
    print(json.dumps(info, indent=2, ensure_ascii=False, default=str))
    return EXIT_OK


def cmd_rules_check(args) -> int:
    """Validate rule files and run their examples."""
    from .core import analyse
    from .nlp.pipeline import ModelError, load_pipeline
    from .ruleset import RuleError, load_rules

    try:
        rs = load_rules(args.dirs)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    try:
        nlp = load_pipeline(args.model)
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    own = {str(Path(d).resolve()) for d in args.dirs}
    failures = 0
    checked = 0
    for rule in rs.rules:
        if own and not any(str(Path(rule.source).resolve()).startswith(o) for o in own):
            continue
        for expect in ("flag", "pass"):
            for text in rule.examples[expect]:
                checked += 1
                rep = analyse(text, rs, nlp=nlp, genre=rule.genres[0] if rule.genres else None)
                hit = any(f.rule == rule.id for f in rep.findings)
                if hit != (expect == "flag"):
                    failures += 1
                    what = "burde finde noget i" if expect == "flag" else "burde ikke finde noget i"
                    print(f"{rule.source}:{rule.line}: {rule.id} {what}: {text!r}")
    print(f"{len(rs.rules)} regler læst, {checked} eksempler tjekket, {failures} fejl.")
    return EXIT_ERROR if failures else EXIT_OK


def cmd_rules_list(args) -> int:
    from .report.words import rule_severity_text
    from .ruleset import RuleError, THEMES

    try:
        rs = load_ruleset(args)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    for theme, title in THEMES.items():
        rules = [r for r in rs.rules if r.theme == theme]
        if not rules:
            continue
        print(f"{title}:")
        for r in rules:
            state = "" if r.enabled else " (slået fra)"
            print(f"  {r.id:45} {rule_severity_text(r):24} {r.title}{state}")
    return EXIT_OK


def cmd_anatomy(args) -> int:
    """Print how letterlab reads the letter: each part with its Danish name (no spaCy needed)."""
    from .anatomy import describe, read_anatomy
    from .readers import ReadError
    from .report.safe import safe_name

    status = EXIT_OK
    for path in args.files:
        try:
            document = read_input(path)
        except ReadError as exc:
            _err(f"{safe_name(path)}: {exc.message}")
            status = EXIT_ERROR
            continue
        if len(args.files) > 1:
            print(f"== {path}")
        print(describe(document.text, read_anatomy(document.text, document.blocks)))
    return status


CHECK_EPILOG = """\
Formater (--format):
  text  én linje for hvert fund: fil:linje:kolonne: alvor regel: besked, og til sidst en
        linje med det samlede antal, fx "3 fejl, 12 advarsler, 4 tips i 2 breve"
  json  ét JSON-objekt med listen "reports" (også for én fil), se docs/report-schema.md

Alvor: fejl (error), advarsel (warning), tip (info). I --fail-on og i JSON bruger
vi de engelske id'er.

Afslutningskoder:
  0  letterlab tjekkede brevene
  1  et fund er mindst lige så alvorligt som --fail-on
  2  letterlab kunne ikke tjekke alt: en fil kan ikke læses, modellen mangler,
     en regelfil har fejl, eller du har skrevet et valg forkert

Profiler: {profiles}
Brevtyper: {genres}

Vil du tjekke alle breve i en mappe, så brug 'letterlab audit MAPPE'.
"""


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = DanishParser(prog="letterlab", description="Klarsprog for kommunale breve.",
                     epilog="Skriv 'letterlab KOMMANDO --help' for at se valgene til en kommando.")
    p.add_argument("--version", action="version", version=f"letterlab {__version__}",
                   help="vis versionen og stop")
    sub = p.add_subparsers(dest="command", required=True, title="Kommandoer", metavar="KOMMANDO")

    c = sub.add_parser("check", help="tjek et eller flere breve",
                       description="Tjek et eller flere breve for klarsprog.",
                       epilog=CHECK_EPILOG.format(profiles=", ".join(_profiles()), genres=", ".join(_genres())))
    c.add_argument("files", nargs="+", metavar="FIL", help="brevet (.txt .md .docx .odt .html), eller - for standard-input")
    c.add_argument("--format", choices=["text", "json"], default="text", help="text (standard) eller json")
    c.add_argument("--fail-on", choices=["info", "warning", "error"], default=None,
                   help="afslut med kode 1, når et fund har denne alvor eller værre (info = tip, "
                        "warning = advarsel, error = fejl)")
    c.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto",
                   help="farver i teksten: auto (standard, kun i en terminal), always eller never")
    c.add_argument("--time-limit", type=float, default=None, metavar="SEKUNDER",
                   help="den længste tid, ét brev må tage; et brev, der tager længere tid, får en besked "
                        "og ingen score (standard: 5)")
    _add_rule_args(c)
    c.set_defaults(func=cmd_check)

    a = sub.add_parser("anatomy", help="vis brevets dele (brevhoved, emne, brødtekst, underskrift ...)",
                       description="Vis, hvordan letterlab læser brevets dele. Kræver ingen model.")
    a.add_argument("files", nargs="+", metavar="FIL", help="brevet (.txt .md .docx .html) eller - for standard-input")
    a.set_defaults(func=cmd_anatomy)

    m = sub.add_parser("model", help="træn, mål eller beskriv den danske model",
                       description="Træn, mål eller beskriv den danske spaCy-model.")
    msub = m.add_subparsers(dest="model_command", required=True, title="Kommandoer", metavar="KOMMANDO")
    t = msub.add_parser("train", help="træn den indbyggede model på DDT-trætbanken")
    t.add_argument("--data", required=True, metavar="MAPPE", help="mappe med ddt-train.conll og ddt-dev.conll")
    t.add_argument("--output", default=None, metavar="MAPPE", help="hvor modellen skal gemmes (standard: den indbyggede)")
    t.add_argument("--seed", type=int, default=0, help="startværdi for tilfældige tal (standard: 0)")
    t.add_argument("--max-steps", type=int, default=None, metavar="N", help="højst så mange trin")
    t.add_argument("--ops", choices=["numpy", "blis"], default="numpy",
                   help="regn med numpy (standard, cirka dobbelt så hurtigt) eller blis "
                        "(sådan blev den indbyggede model trænet)")
    t.set_defaults(func=cmd_model_train)
    e = msub.add_parser("evaluate", help="mål en model på en CoNLL-X- eller CoNLL-U-fil")
    e.add_argument("file", metavar="FIL", help="CoNLL-filen")
    e.add_argument("--model", default=None, help="modellen (standard: den indbyggede)")
    e.add_argument("--no-letter-components", action="store_true",
                   help="mål modellen uden letterlabs sætningsdeling og pladsholdere")
    e.set_defaults(func=cmd_model_evaluate)
    i = msub.add_parser("info", help="vis modellens data, licens og resultater")
    i.add_argument("--model", default=None, help="modellen (standard: den indbyggede)")
    i.set_defaults(func=cmd_model_info)

    r = sub.add_parser("rules", help="vis eller tjek reglerne", description="Vis eller tjek reglerne.")
    rsub = r.add_subparsers(dest="rules_command", required=True, title="Kommandoer", metavar="KOMMANDO")
    rc = rsub.add_parser("check", help="tjek regelfiler og kør deres eksempler")
    rc.add_argument("dirs", nargs="*", metavar="MAPPE", help="mapper med regelfiler (standard: de indbyggede)")
    rc.add_argument("--model", default=None, help="modellen (standard: den indbyggede)")
    rc.set_defaults(func=cmd_rules_check)
    rl = rsub.add_parser("list", help="vis reglerne med id, alvor og titel")
    _add_rule_args(rl)
    rl.set_defaults(func=cmd_rules_list)

    for extra in ("letterlab.rewrite.cli", "letterlab.audit.cli", "letterlab_web.cli"):
        try:
            mod = __import__(extra, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name not in (extra, extra.rsplit(".", 1)[0]):
                raise
            continue
        mod.register(sub, _add_rule_args)
    return p


def main(argv: list[str] | None = None) -> int:
    from .workerproc import limit_blas_threads

    limit_blas_threads()   # before anything loads numpy; a user's own *_NUM_THREADS wins
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


# Commands that hold nothing an exit must finish (no pool, no database, no server) and may
# leave with os._exit: tearing the pipeline down object by object took 0.17 s of a 1.2 s check.
FAST_EXIT_COMMANDS = ("check", "rewrite", "compare")


def run() -> None:
    """The ``letterlab`` console script: ``main()``, then a quick exit where that is safe."""
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if command in FAST_EXIT_COMMANDS:
        from .workerproc import pause_gc_until_loaded

        pause_gc_until_loaded()     # they load the pipeline at once; the collector resumes after it
    status = main()
    import threading

    if command in FAST_EXIT_COMMANDS and threading.active_count() == 1:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:
            pass                         # the reader has gone; there is nothing left to write
        except OSError:
            status = status or EXIT_ERROR  # the output could not be written (a full disk)
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
