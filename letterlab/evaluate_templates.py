"""How well letterlab reads whole letters: verdicts on the annotated template set.

Usage:  python -m letterlab.evaluate_templates [DIR] [--json] [--model NAME_OR_PATH]

DIR (default ``corpora/templates``) holds the built templates and ``src/*.toml``,
one source spec per template with a ``[gold]`` table (see corpora/templates/README.md).
All templates go through the real command line, ``letterlab check --format json``, in
one process. The verdicts read from each report:

* **heading**: the subject line is found (no "ingen overskrift" finding when the letter
  has one; a subject line that only names a topic gets the topic finding, one that says
  the message gets none; a topic finding never lands on another line). When the report
  has ``parts`` (the anatomy contract), the ``subject`` parts must also cover the gold
  subject line and little else.
* **message-first**: ``message.first``, or ``scores.message_first`` in older reports.
  Letters whose gold has no message (only a letterhead, only merge fields, alternatives
  side by side) are not scored here.
* **message sentence** (reported, not guarded): the reported message span overlaps the gold
  message sentence, or the subject line when that states the message.
* **cannot judge** (reported, not guarded): a template the gold marks ``judgeable = false``
  (only a letterhead, only merge fields, alternative outcomes side by side) gets a notice
  (any code but ``reader`` and ``not_danish``) and no warning or error that it lacks a message.
* **genre**: ``genre`` against the gold genre.
* **appeal guide**: ``appeal_guide.needed`` / ``.present``. Older reports have no such
  field; then "needed" is read as "the genre is afgoerelse" and "present" as "needed and no
  'Afgørelsen har ingen klagevejledning' finding", and "present" is only scored where the
  gold says a guide is needed.
* **non-body text in suggestions**: suggestions whose replacement holds text from the gold
  letterhead, recipient, reference or signature lines (a whole line, a phone number, an
  e-mail address or a case number), unless the suggestion only edits such a line. Must be 0.

Good plain letters (``good_plain = true``) also report their errors and warnings.
Letter text is never printed: misses show file names, verdicts and rule ids only.
"""
from __future__ import annotations

import argparse
import json
import re
from letterlab import rxcache
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "corpora" / "templates"

HEADING_RULE = "klart-budskab.overskrift"
APPEAL_RULE = "genre.klagevejledning"
NO_HEADING = "ingen overskrift"
NO_APPEAL = "ingen klagevejledning"
NONBODY_KEYS = ("letterhead", "recipient", "reference", "signature")
VERDICTS = ("heading", "message_first", "genre", "appeal")
REPORTED = ("message_sentence", "cannot_judge", "tone")   # reported, not guarded by the tests (yet)
TONE_PREFIX = "anerkendende-tone."
QUIET_NOTICES = {"reader", "not_danish"}

_PHONE = rxcache.compile(r"\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")
_EMAIL = rxcache.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_CASE_NO = rxcache.compile(r"\b[\w.-]*\d[\w.-]*[.-][\w.-]*\d[\w.-]*\b")
MIN_FRAGMENT = 5


@dataclass
class Template:
    name: str                     # the built file's name, e.g. "01-afslag-el-scooter.docx"
    path: Path
    gold: dict
    good_plain: bool = False


@dataclass
class Result:
    name: str
    verdicts: dict = field(default_factory=dict)   # verdict -> True/False (absent: not scored)
    details: dict = field(default_factory=dict)    # verdict -> short reason for a miss
    nonbody: int = 0
    false_no_heading: bool = False
    tone_found: set = field(default_factory=set)     # tone families letterlab flagged
    tone_gold: set | None = None                     # tone families the editor marked (None: not annotated)
    errors: int = 0
    warnings: int = 0
    failed: str | None = None


# --- the set --------------------------------------------------------------------------------

def load_set(folder: Path) -> list[Template]:
    """The templates in ``folder`` with the gold from ``folder/src/*.toml``."""
    folder = Path(folder)
    out = []
    for spec_path in sorted((folder / "src").glob("*.toml")):
        spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
        name = f"{spec_path.stem}.{spec['format']}"
        out.append(Template(name, folder / name, spec.get("gold", {}), bool(spec.get("good_plain"))))
    return out


def run_check(paths: list[Path], extra: list[str] = ()) -> dict[str, dict | str]:
    """Reports by file name from one ``letterlab check --format json`` run; a string where it failed."""
    cmd = [sys.executable, "-m", "letterlab", "check", "--format", "json", *extra, *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        payload = json.loads(proc.stdout)
    except json.JSONDecodeError:
        if len(paths) == 1:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return {paths[0].name: f"letterlab check failed (exit {proc.returncode}): {last[:200]}"}
        out: dict[str, dict | str] = {}
        for p in paths:             # find the file that broke the run
            out.update(run_check([p], extra))
        return out
    reports = payload["reports"] if "reports" in payload else [payload]
    out = {r.get("source"): r for r in reports}
    for p in paths:
        out.setdefault(p.name, f"no report (exit {proc.returncode})")
    return out


def read_text(path: Path) -> str:
    """The text the reader gives letterlab's checks (the report's offsets point into it)."""
    from .readers import read_document
    return read_document(path).text


# --- gold helpers ---------------------------------------------------------------------------

def _lines(value) -> list[str]:
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [ln.strip() for item in items for ln in item.split("\n") if ln.strip()]


def _alternatives(value) -> list[str]:
    """A gold message: one sentence, or a list of sentences an editor would each accept."""
    return [value] if isinstance(value, str) else list(value)


def gold_strings(gold: dict) -> list[str]:
    """Every string the gold quotes from the letter: subject lines, non-body blocks and message alternatives."""
    items = _lines(gold.get("subject")) + [ln for k in NONBODY_KEYS for ln in _lines(gold.get(k))]
    return items + (_alternatives(gold["message"]) if gold.get("message") else [])


def find_spans(text: str, items: list[str]) -> list[tuple[int, int]]:
    """Spans of each item in ``text`` (the first occurrence at or after the previous one)."""
    spans, pos = [], 0
    for item in items:
        i = text.find(item, pos)
        if i < 0:
            i = text.find(item)
        if i < 0:
            raise ValueError(f"gold string not in the letter's text: {item!r}")
        spans.append((i, i + len(item)))
        pos = i + 1
    return spans


def subject_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    return find_spans(text, _lines(gold.get("subject")))


def _is_nonbody_line(line: str, gold_lines: list[str]) -> bool:
    """A line of the text is one of the gold lines (or starts with one that makes up most of it)."""
    return any(line == g or (line.startswith(g) and 2 * len(g) >= len(line)) for g in gold_lines)


def nonbody_fragments(text: str, gold: dict) -> list[str]:
    """Pieces of the letterhead, recipient, reference and signature lines that the body does not hold."""
    lines = [ln for key in NONBODY_KEYS for ln in _lines(gold.get(key))]
    body = "\n".join(tl for tl in text.split("\n") if not _is_nonbody_line(tl.strip(), lines))
    frags = set()
    for ln in lines:
        frags.add(ln)
        if ":" in ln:
            frags.add(ln.split(":", 1)[1].strip())
        for rx in (_PHONE, _EMAIL, _CASE_NO):
            frags.update(m.group(0) for m in rx.finditer(ln))
    return sorted(f for f in frags if len(f) >= MIN_FRAGMENT and f not in body)


# --- verdicts from a report -----------------------------------------------------------------

def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def heading_right(report: dict, text: str, gold: dict) -> tuple[bool, str]:
    kind = gold.get("subject_kind", "none" if not gold.get("subject") else "message")
    spans = subject_spans(text, gold)
    over = [f for f in report.get("findings", []) if f["rule"] == HEADING_RULE]
    none_finding = any(NO_HEADING in f["message"].lower() for f in over)
    topic = [(f["start"], f["end"]) for f in over if NO_HEADING not in f["message"].lower()]
    parts = report.get("parts")
    if parts is not None:
        found = [(p["start"], p["end"]) for p in parts if p["kind"] == "subject"]
        if kind == "none":
            if found:
                return False, "a subject line was found where the letter has none"
        else:
            gold_len = sum(e - s for s, e in spans)
            covered = sum(_overlap(f, g) for f in found for g in spans)
            extra = sum(e - s for s, e in found) - covered
            if covered < 0.8 * gold_len:
                return False, "subject line not found" if not found else "another line read as the subject"
            if extra > max(10, 0.2 * gold_len):
                return False, "the subject part holds more than the subject line"
    if kind == "none":
        return (not topic), "topic finding on a letter without a subject line" if topic else ""
    if none_finding:
        return False, "'ingen overskrift' although the letter has a subject line"
    if any(not any(_overlap(t, g) for g in spans) for t in topic):
        return False, "the heading finding sits on another line than the subject"
    if kind == "topic" and not topic:
        return False, "topic-only subject line not noticed"
    if kind == "message" and topic:
        return False, "a subject line that states the message called topic-only"
    return True, ""


def message_verdict(report: dict) -> tuple[bool | None, tuple[int, int] | None]:
    msg = report.get("message")
    if isinstance(msg, dict):
        pos = (msg["start"], msg["end"]) if msg.get("start") is not None else None
        return msg.get("first"), pos
    scores = report.get("scores") or {}
    p = scores.get("message_position")
    return scores.get("message_first"), ((p["start"], p["end"]) if p else None)


def genre_of(report: dict) -> str | None:
    g = report.get("genre")
    if isinstance(g, dict):
        return g.get("id") or g.get("genre")
    return g


def appeal_verdict(report: dict) -> tuple[bool | None, bool | None, bool]:
    """(needed, present, from_contract): from ``appeal_guide`` or, failing that, the genre findings."""
    ag = report.get("appeal_guide")
    if isinstance(ag, dict):
        return ag.get("needed"), ag.get("present"), True
    if not report.get("scores"):
        return None, None, False
    needed = genre_of(report) == "afgoerelse"
    missing = any(f["rule"] == APPEAL_RULE and NO_APPEAL in f["message"].lower()
                  for f in report.get("findings", []))
    return needed, needed and not missing, False


def _nonbody_lines(gold: dict) -> list[str]:
    return sorted({ln for key in NONBODY_KEYS for ln in _lines(gold.get(key))}, key=len, reverse=True)


def suggestions_with_nonbody(report: dict, text: str, gold: dict) -> list[str]:
    """Rule ids of suggestions whose replacement holds letterhead, recipient, reference or signature text.

    A suggestion that only edits such a line (its span holds nothing else) does not count:
    it does not carry the text anywhere. Any other suggestion counts when its replacement holds
    a piece of those lines, also when its span covered them (a message moved above the
    letterhead glues the two together)."""
    frags = nonbody_fragments(text, gold)
    lines = _nonbody_lines(gold)
    bad = []
    for f in report.get("findings", []):
        for s in f.get("suggestions", []):
            repl = s.get("replacement") or ""
            orig = text[s["start"]:s["end"]]
            rest = orig
            for ln in lines:
                rest = rest.replace(ln, " ")
            if orig.strip() and not re.search(r"\w", rest) or any(orig in ln for ln in lines if orig.strip()):
                continue
            if any(fr in repl for fr in frags):
                bad.append(f["rule"])
    return bad


def judge(t: Template, report: dict | str, text: str | None) -> Result:
    r = Result(t.name)
    if isinstance(report, str) or text is None:
        r.failed = report if isinstance(report, str) else "the reader failed"
        for v in VERDICTS:
            r.verdicts[v] = False
            r.details[v] = "no report"
        return r
    g = t.gold
    ok, why = heading_right(report, text, g)
    r.verdicts["heading"], r.details["heading"] = ok, why
    r.false_no_heading = bool(g.get("subject")) and any(
        f["rule"] == HEADING_RULE and NO_HEADING in f["message"].lower() for f in report.get("findings", []))
    first, pos = message_verdict(report)
    if "message_first" in g:
        r.verdicts["message_first"] = first == g["message_first"]
        r.details["message_first"] = f"reported {first}, gold {g['message_first']}"
    if g.get("message"):
        spans = find_spans(text, _alternatives(g["message"]))
        if g.get("subject_kind") == "message":     # a subject line that states the message is the message
            spans += subject_spans(text, g)
        r.verdicts["message_sentence"] = pos is not None and any(_overlap(pos, sp) > 0 for sp in spans)
        r.details["message_sentence"] = "another sentence taken as the message" if pos else "no message found"
    if g.get("judgeable") is False:
        notices = [n.get("code") for n in report.get("notices", []) if n.get("code") not in QUIET_NOTICES]
        nags = [f["rule"] for f in report.get("findings", [])
                if f["rule"] == "klart-budskab.budskab-foerst" and f["severity"] in ("warning", "error")]
        r.verdicts["cannot_judge"] = bool(notices) and not nags
        r.details["cannot_judge"] = f"notices {notices or 'none'}, message findings {nags or 'none'}"
    if g.get("genre"):
        got = genre_of(report)
        r.verdicts["genre"] = got == g["genre"]
        r.details["genre"] = f"reported {got}, gold {g['genre']}"
    needed, present, contract = appeal_verdict(report)
    ok = needed == g.get("appeal_needed", False)
    if contract or g.get("appeal_needed"):
        ok = ok and present == g.get("appeal_present", False)
    r.verdicts["appeal"] = ok
    r.details["appeal"] = (f"reported needed={needed} present={present}, "
                           f"gold needed={g.get('appeal_needed', False)} present={g.get('appeal_present', False)}")
    r.tone_found = tone_families(report)
    if "tone" in g:
        r.tone_gold = set(g["tone"])
        r.verdicts["tone"] = r.tone_found == r.tone_gold
        r.details["tone"] = (f"reported {sorted(r.tone_found) or 'none'}, "
                             f"gold {sorted(r.tone_gold) or 'none'}")
    r.nonbody = len(suggestions_with_nonbody(report, text, g))
    r.details["nonbody"] = ", ".join(sorted(set(suggestions_with_nonbody(report, text, g))))
    sev = [f["severity"] for f in report.get("findings", [])]
    r.errors, r.warnings = sev.count("error"), sev.count("warning")
    if t.good_plain:
        r.details["plain"] = ", ".join(f["rule"] for f in report.get("findings", [])
                                       if f["severity"] in ("error", "warning"))
    return r


def tone_families(report: dict) -> set[str]:
    """The tone families (``anerkendende-tone.<family>``) with at least one finding in the report."""
    return {f["rule"][len(TONE_PREFIX):] for f in report.get("findings", [])
            if f["rule"].startswith(TONE_PREFIX)}


def tone_counts(results: list[Result]) -> dict:
    """Family-level precision and recall over the letters whose gold marks their tone problems."""
    tp = fp = fn = 0
    for r in results:
        if r.tone_gold is None or r.failed:
            continue
        tp += len(r.tone_found & r.tone_gold)
        fp += len(r.tone_found - r.tone_gold)
        fn += len(r.tone_gold - r.tone_found)
    rated = [r for r in results if r.tone_gold is not None and not r.failed]
    return {"letters": len(rated), "tp": tp, "fp": fp, "fn": fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "false_alarm_letters": sum(1 for r in rated if not r.tone_gold and r.tone_found)}


# --- summary --------------------------------------------------------------------------------

def summarise(templates: list[Template], results: list[Result]) -> dict:
    out: dict = {"letters": len(results)}
    for v in (*VERDICTS, *REPORTED):
        scored = [r.verdicts[v] for r in results if v in r.verdicts]
        out[v] = {"right": sum(scored), "n": len(scored),
                  "accuracy": round(sum(scored) / len(scored), 3) if scored else None}
    out["false_no_heading"] = sum(r.false_no_heading for r in results)
    out["nonbody_suggestions"] = sum(r.nonbody for r in results)
    out["letters_with_nonbody_suggestions"] = sum(1 for r in results if r.nonbody)
    plain = [r for t, r in zip(templates, results) if t.good_plain and not r.failed]
    out["good_plain"] = {"n": len(plain), "errors": sum(r.errors for r in plain),
                         "warnings_per_letter": round(sum(r.warnings for r in plain) / len(plain), 2) if plain else None}
    out["tone_families"] = tone_counts(results)
    out["failed"] = [r.name for r in results if r.failed]
    return out


def evaluate(folder: Path = DEFAULT_DIR, extra: list[str] = ()) -> tuple[dict, list[Result]]:
    templates = load_set(folder)
    reports = run_check([t.path for t in templates], list(extra))
    results = []
    for t in templates:
        try:
            text = read_text(t.path)
        except Exception:                # a reader crash is a result, not a stop
            text = None
        results.append(judge(t, reports.get(t.name, "no report"), text))
    return summarise(templates, results), results


def miss_table(results: list[Result]) -> str:
    """One row per letter with a miss (or warnings on a good plain letter), and why, below it."""
    cols = (*VERDICTS, *REPORTED)
    head = f"{'letter':44} " + " ".join(f"{c[:9]:>9}" for c in cols) + f" {'nonbody':>7}"
    rows = []
    for r in results:
        notes = [f"    {c}: {r.details[c]}" for c in cols
                 if c in r.verdicts and not r.verdicts[c] and r.details.get(c)]
        if r.nonbody:
            notes.append(f"    nonbody: {r.details['nonbody']}")
        if r.failed:
            notes.append(f"    failed: {r.failed}")
        if r.details.get("plain"):
            notes.append(f"    good plain letter, warnings/errors: {r.details['plain']}")
        if not notes:
            continue
        marks = " ".join(f"{('-' if c not in r.verdicts else 'ok' if r.verdicts[c] else 'MISS'):>9}" for c in cols)
        rows += [f"{r.name[:44]:44} {marks} {r.nonbody:>7}", *notes]
    return "\n".join([head, *rows]) if rows else "no misses"


def format_summary(summary: dict) -> str:
    lines = [f"{summary['letters']} letters"]
    for v in (*VERDICTS, *REPORTED):
        s = summary[v]
        acc = "-" if s["accuracy"] is None else f"{100 * s['accuracy']:.0f} %"
        lines.append(f"  {v:17} {s['right']:>3}/{s['n']:<3} {acc}")
    lines.append(f"  'ingen overskrift' on letters with a subject line: {summary['false_no_heading']}")
    lines.append(f"  suggestions with letterhead/reference/signature text: {summary['nonbody_suggestions']}"
                 f" (in {summary['letters_with_nonbody_suggestions']} letters)")
    gp = summary["good_plain"]
    lines.append(f"  good plain letters: {gp['n']}, errors {gp['errors']}, warnings per letter {gp['warnings_per_letter']}")
    tc = summary.get("tone_families") or {}
    if tc.get("letters"):
        lines.append(f"  tone families on {tc['letters']} annotated letters: precision {tc['precision']}, "
                     f"recall {tc['recall']} (tp {tc['tp']}, fp {tc['fp']}, fn {tc['fn']}); "
                     f"letters without tone problems given a tone finding: {tc['false_alarm_letters']}")
    if summary["failed"]:
        lines.append(f"  failed: {', '.join(summary['failed'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m letterlab.evaluate_templates",
                                 description="Verdicts of letterlab check on the annotated template set.")
    ap.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    extra = ["--model", args.model] if args.model else []
    summary, results = evaluate(Path(args.dir), extra)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(summary))
        print()
        print(miss_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
