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


def _add_rule_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="extra rule folder or file on top of the defaults (repeatable)")
    p.add_argument("--disable", action="append", default=[], metavar="ID",
                   help="switch off a rule by id or id prefix (repeatable)")
    p.add_argument("--enable", action="append", default=[], metavar="ID",
                   help="switch on a rule by id or id prefix (repeatable)")
    p.add_argument("--profile", default=None, help="profile id (default: brev)")
    from .genres import GENRES

    p.add_argument("--genre", default=None, choices=list(GENRES),
                   help=f"genre: {', '.join(GENRES)} (default: detected)")
    p.add_argument("--model", default=None,
                   help="spaCy Danish pipeline by package name or path (default: LETTERLAB_MODEL or bundled)")


def load_ruleset(args):
    from .ruleset import load_rules

    rs = load_rules(args.rules)
    if args.disable or args.enable:
        rs = rs.with_switches(args.disable, args.enable)
    if args.profile:
        rs.profile(args.profile)
    return rs


def read_input(path: str):
    """A readers.Document from a file path or '-' (stdin, text)."""
    from .readers import read_document, read_text

    if path == "-":
        data = sys.stdin.buffer.read()
        text = data.decode("utf-8", errors="replace")
        return read_text(text, source="-")
    return read_document(path)


def cmd_check(args) -> int:
    from .core import analyse
    from .nlp.pipeline import ModelError
    from .readers import ReadError
    from .report.jsonout import render_json
    from .report.model import SEVERITY_RANK
    from .report.safe import safe_name
    from .report.text import render_text
    from .ruleset import RuleError

    try:
        rs = load_ruleset(args)
    except RuleError as exc:
        _err(str(exc))
        return EXIT_ERROR
    status = EXIT_OK
    outputs = []
    for path in args.files:
        try:
            document = read_input(path)
        except ReadError as exc:
            _err(f"{safe_name(path)}: {exc.message}")
            status = EXIT_ERROR
            continue
        except OSError as exc:
            _err(f"{safe_name(path)}: Filen kan ikke åbnes ({exc.strerror}).")
            status = EXIT_ERROR
            continue
        try:
            report = analyse(document, rs, model=args.model, genre=args.genre, profile=args.profile)
        except ModelError as exc:
            _err(exc.message)
            return EXIT_ERROR
        if any(n["code"] in ("empty", "too_long", "binary", "placeholders_only") for n in report.notices):
            status = max(status, EXIT_ERROR)
        if args.format == "json":
            outputs.append(report.to_dict())
        else:
            colour = args.colour == "always" or (args.colour == "auto" and sys.stdout.isatty()
                                                   and not os.environ.get("NO_COLOR"))
            print(render_text(report, name=path, colour=colour))
        if args.fail_on and report.findings:
            worst = max(SEVERITY_RANK[f.severity] for f in report.findings)
            if worst >= SEVERITY_RANK[args.fail_on] and status == EXIT_OK:
                status = EXIT_FINDINGS
    if args.format == "json":
        payload = outputs[0] if len(outputs) == 1 else {"reports": outputs}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
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
            print(f"  {r.id:45} {r.severity:8} {r.title}{state}")
    return EXIT_OK


def cmd_anatomy(args) -> int:
    """Print how letterlab reads the letter: each part with its Danish name (no spaCy needed)."""
    from .anatomy import describe, read_anatomy
    from .readers import ReadError

    status = EXIT_OK
    for path in args.files:
        try:
            document = read_input(path)
        except ReadError as exc:
            _err(f"{path}: {exc.message}")
            status = EXIT_ERROR
            continue
        if len(args.files) > 1:
            print(f"== {path}")
        print(describe(document.text, read_anatomy(document.text, document.blocks)))
    return status


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="letterlab", description="Klarsprog for kommunale breve.")
    p.add_argument("--version", action="version", version=f"letterlab {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="analyse one or more letters")
    c.add_argument("files", nargs="+", metavar="FILE", help="letter file (.txt .md .docx .html) or - for stdin")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--fail-on", choices=["info", "warning", "error"], default=None,
                   help="exit 1 when a finding has this severity or worse")
    c.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto")
    _add_rule_args(c)
    c.set_defaults(func=cmd_check)

    a = sub.add_parser("anatomy", help="show the letter's parts (letterhead, subject, body, signature ...)")
    a.add_argument("files", nargs="+", metavar="FILE", help="letter file (.txt .md .docx .html) or - for stdin")
    a.set_defaults(func=cmd_anatomy)

    m = sub.add_parser("model", help="train, evaluate or describe the Danish pipeline")
    msub = m.add_subparsers(dest="model_command", required=True)
    t = msub.add_parser("train", help="train the bundled pipeline from the DDT treebank")
    t.add_argument("--data", required=True, help="folder with ddt-train.conll and ddt-dev.conll")
    t.add_argument("--output", default=None, help="where to write the pipeline (default: the bundled one)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--max-steps", type=int, default=None)
    t.add_argument("--ops", choices=["numpy", "blis"], default="numpy",
                   help="matrix products through numpy's BLAS (default, about twice as fast) or thinc's blis "
                        "(how the bundled pipeline was trained)")
    t.set_defaults(func=cmd_model_train)
    e = msub.add_parser("evaluate", help="score a pipeline on a CoNLL-X or CoNLL-U file")
    e.add_argument("file")
    e.add_argument("--model", default=None)
    e.add_argument("--no-letter-components", action="store_true",
                   help="score the bare pipeline without letterlab's segmenter and placeholder merging")
    e.set_defaults(func=cmd_model_evaluate)
    i = msub.add_parser("info", help="show the pipeline's meta (data, licence, scores)")
    i.add_argument("--model", default=None)
    i.set_defaults(func=cmd_model_info)

    r = sub.add_parser("rules", help="list or check rule files")
    rsub = r.add_subparsers(dest="rules_command", required=True)
    rc = rsub.add_parser("check", help="validate rule files and run their examples")
    rc.add_argument("dirs", nargs="*", metavar="DIR")
    rc.add_argument("--model", default=None)
    rc.set_defaults(func=cmd_rules_check)
    rl = rsub.add_parser("list", help="list the active rules")
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
    status = main()
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
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
