"""``letterlab rewrite`` and ``letterlab compare``: thin doors onto ``rewrite_letter`` and ``compare_reports``.

Exit status: 0 = ran fine, 2 = could not run (unreadable input, missing
model, broken rule file, a letter that cannot be analysed).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 2
SCHEMA_VERSION = "1.0"

# What the user reads (tests/rewrite/test_rewrite_words.py runs them through letterlab's own rules).
MSG_LETTER = "Det nye brev:"
MSG_CHANGES = "Ændringer:"
MSG_NO_CHANGES = "(ingen ændringer)"
MSG_SUMMARY = "Letterlab har {n} forslag. {safe} af dem er sikre. Vi har brugt {used} (--apply {mode})."
MSG_SAVED = "Du finder det nye brev i {path}."
MSG_CANNOT_SAVE = "Vi kan ikke gemme filen ({why})."
MSG_CANNOT_OPEN = "Vi kan ikke åbne filen ({why})."
MSG_NOT_CHANGED = "Det har vi ikke ændret:"
MSG_GUARD = "Det nye brev har stadig disse fejl:"
MSG_LEFT_OUT = "{n} forslag om budskabet og overskriften har vi ikke brugt. Se dem med --format json."


def _err(msg: str) -> None:
    print(f"letterlab: {msg}", file=sys.stderr)


def register(sub, add_rule_args) -> None:
    """Add the ``rewrite`` and ``compare`` subcommands to the ``letterlab`` parser."""
    r = sub.add_parser("rewrite", help="foreslå ændringer, og ret brevet (sikre, alle eller ingen)",
                       description="Foreslå ændringer til brevet, og ret det. Sikre ændringer er dem, der "
                                   "ikke ændrer fakta, tiltale eller hvem der gør hvad.")
    r.add_argument("file", metavar="FIL", help="brevet (.txt .md .docx .html), eller - for standard-input")
    r.add_argument("--apply", choices=["safe", "all", "none"], default="safe",
                   help="hvilke forslag letterlab skal bruge: safe = de sikre (standard), all = alle, none = ingen")
    r.add_argument("-o", "--output", default=None, metavar="FIL", help="gem kun det nye brev i FIL")
    r.add_argument("--format", choices=["text", "json"], default="text", help="text (standard) eller json")
    add_rule_args(r)
    r.set_defaults(func=cmd_rewrite)

    c = sub.add_parser("compare", help="sammenlign to versioner af et brev",
                       description="Sammenlign to versioner af et brev regel for regel, og se, hvad der er "
                                   "blevet bedre. letterlab siger også til, hvis det nye brev har mistet fakta.")
    c.add_argument("before", metavar="FØR", help="det gamle brev (eller - for standard-input)")
    c.add_argument("after", metavar="EFTER", help="det nye brev")
    c.add_argument("--format", choices=["text", "json"], default="text", help="text (standard) eller json")
    add_rule_args(c)
    c.set_defaults(func=cmd_compare)


def _load(args):
    """(ruleset, None) or (None, exit status) after printing the problem."""
    from ..cli import load_ruleset
    from ..ruleset import RuleError

    try:
        return load_ruleset(args), None
    except RuleError as exc:
        _err(str(exc))
        return None, EXIT_ERROR


def _read(path: str):
    """(document, None) or (None, exit status) after printing the problem in Danish."""
    from ..cli import read_input
    from ..readers import ReadError

    try:
        return read_input(path), None
    except ReadError as exc:
        _err(f"{path}: {exc.message}")
    except OSError as exc:
        _err(f"{path}: " + MSG_CANNOT_OPEN.format(why=exc.strerror))
    return None, EXIT_ERROR


def _fatal(report, path: str) -> bool:
    from ..core import UNCHECKED     # not checked at all, too slow included

    bad = [n for n in report.notices if n["code"] in UNCHECKED]
    for n in bad:
        _err(f"{path}: {n['message']}")
    return bool(bad)


def _score_line(scores: dict) -> str:
    parts = []
    if scores.get("lix") is not None:
        parts.append(f"LIX {round(scores['lix'])}")
    if scores.get("reading_time"):
        parts.append(f"læsetid {scores['reading_time']}")
    if scores.get("passive_share") is not None:
        parts.append(f"passiv {round(100 * scores['passive_share'])} %")
    counts = scores.get("counts") or {}
    parts.append(f"kancellisprog {scores.get('jargon_count', 0)}")
    parts.append(f"tiltale {counts.get('address', 0)}")
    if scores.get("message_first") is not None:
        parts.append("budskab først: " + ("ja" if scores["message_first"] else "nej"))
    if scores.get("overall") is not None:
        parts.append(f"samlet {scores['overall']}/100")
    return ", ".join(parts)


def cmd_rewrite(args) -> int:
    from ..nlp.pipeline import ModelError
    from ..checks.privacy import mask_cprs
    from .run import rewrite_letter, suggestion_rows

    rs, status = _load(args)
    if rs is None:
        return status
    document, status = _read(args.file)
    if document is None:
        return status
    try:
        result = rewrite_letter(document, rs, args.apply, model=args.model, genre=args.genre, profile=args.profile)
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    if _fatal(result.before, args.file):
        return EXIT_ERROR
    if args.output:
        try:
            Path(args.output).write_text(result.text, encoding="utf-8")
        except OSError as exc:
            _err(f"{args.output}: " + MSG_CANNOT_SAVE.format(why=exc.strerror))
            return EXIT_ERROR
    if args.format == "json":
        payload = {
            "schema_version": SCHEMA_VERSION,
            "source": result.before.source,
            "apply": result.mode,
            "text": result.text,
            "suggestions": suggestion_rows(result.before, result.offered, result.applied),
            "second_pass": {
                "text": result.first_pass_text,
                "suggestions": [dict(s.to_dict(), applied=True, text=result.first_pass_text[s.start:s.end])
                                for s in result.second_pass],
            },
            "scores": {"before": result.before.scores, "after": result.after.scores},
            "not_changed": [dict(row, text=mask_cprs(row["text"])) for row in result.not_changed()],
            "guard": result.guard,
            "compare": result.comparison(rs),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    n_safe = sum(1 for s in result.offered if s.safe)
    used = len(result.applied) + len(result.second_pass)
    out = []
    if not args.output:
        out += [MSG_LETTER, "", result.text.rstrip("\n"), ""]
    diff = result.diff(f"{args.file} (før)", f"{args.file} (efter)")
    out += [MSG_CHANGES, diff.rstrip("\n") if diff else MSG_NO_CHANGES, ""]
    out.append(MSG_SUMMARY.format(n=len(result.offered), safe=n_safe, used=used, mode=result.mode))
    rows = result.not_changed()
    items = not_changed_lines(rows, result)
    if items:
        out += ["", MSG_NOT_CHANGED] + items      # the heading only over a list that has something in it
    if result.guard:
        out += ["", MSG_GUARD] + [f"  {p['message']}" for p in result.guard]
    out.append("")
    out.append(f"Før:   {_score_line(result.before.scores)}")
    out.append(f"Efter: {_score_line(result.after.scores)}")
    if args.output:
        out.append(MSG_SAVED.format(path=args.output))
    print("\n".join(out))
    return EXIT_OK


def cmd_compare(args) -> int:
    from ..compare import compare_reports, render_compare_text
    from ..core import analyse_many
    from ..nlp.pipeline import ModelError

    rs, status = _load(args)
    if rs is None:
        return status
    docs = []
    for path in (args.before, args.after):
        document, status = _read(path)
        if document is None:
            return status
        docs.append(document)
    try:
        before, after = analyse_many(docs, rs, model=args.model, genre=args.genre, profile=args.profile)
        if args.genre is None and after.genre != before.genre:
            # both versions are the same letter: judge them as the same genre
            after = next(iter(analyse_many([docs[1]], rs, model=args.model, genre=before.genre,
                                           profile=args.profile)))
    except ModelError as exc:
        _err(exc.message)
        return EXIT_ERROR
    if _fatal(before, args.before) or _fatal(after, args.after):
        return EXIT_ERROR
    result = compare_reports(before, after, rs)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(render_compare_text(result, args.before, args.after))
    return EXIT_OK


def not_changed_lines(rows: list[dict], result) -> list[str]:
    """The lines under "Det har vi ikke ændret:": one per finding left as it was (its words on one line, or only
    the reason when it has no words), and one for the suggestions on the message and the heading that were
    offered but not used. Empty when there is nothing to list."""
    from ..checks.privacy import mask_cprs

    lines = []
    for r in rows:
        words = " ".join(mask_cprs(r.get("text") or "").split())[:60]
        why = (r.get("why") or "").strip()
        if words and why:
            lines.append(f"  \"{words}\": {why}")
        elif words or why:
            lines.append(f"  {words or why}")
    used = {(s.start, s.end, s.replacement) for s in result.applied}
    left = [s for s in result.offered if s.kind in ("move", "heading") and (s.start, s.end, s.replacement) not in used]
    if left and not result.second_pass:
        lines.append("  " + MSG_LEFT_OUT.format(n=len(left)))
    return lines
