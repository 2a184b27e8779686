"""report.csv and report.json, and the spool that keeps per-template output on disk until the end."""
from __future__ import annotations

import csv
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from ..report.model import CATEGORIES
from .summary import CATEGORY_DA, STATUS_DA, fmt_change, fmt_num

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Spool:
    """Per-template JSON and HTML written to temporary files inside --out, removed at the end.

    So the main process never holds 10,000 reports in memory.
    """

    def __init__(self, out: Path):
        self.reports_path = out / ".report-templates.tmp"
        self.sections_path = out / ".report-sections.tmp"

    def __enter__(self):
        self._reports = open(self.reports_path, "w", encoding="utf-8")
        self._sections = open(self.sections_path, "w", encoding="utf-8")
        return self

    def add(self, row: dict[str, Any], report_json: str | None, section: str) -> None:
        self._reports.write((report_json or "null") + "\n")
        self._sections.write(section)

    def _flush(self):
        for fh in (self._reports, self._sections):
            if not fh.closed:
                fh.flush()

    def reports(self) -> Iterator[str]:
        self._flush()
        with open(self.reports_path, encoding="utf-8") as fh:
            for line in fh:
                yield line.rstrip("\n")

    def sections(self) -> Iterator[str]:
        self._flush()
        with open(self.sections_path, encoding="utf-8") as fh:
            while True:
                block = fh.read(1 << 20)
                if not block:
                    return
                yield block

    def __exit__(self, *exc):
        for fh in (self._reports, self._sections):
            fh.close()
        for p in (self.reports_path, self.sections_path):
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
        return False


def _text_cell(value: Any) -> str:
    """Text for a CSV cell; a leading = + - @ would make Excel run it as a formula."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


CSV_HEADER = [
    "Fil", "Status", "Samlet score", "Ændring siden sidst", "LIX", "LIX-niveau", "Passiv (%)", "Kancellisprog",
    "Budskab først", "Fund i alt", "Fejl", "Advarsler", "Info",
    *(f"Fund: {CATEGORY_DA[c]}" for c in CATEGORIES), "Ord", "RIX", "Læsetid (minutter)", "Genre",
    "Bemærkning",
]


def write_csv(path: Path, rows: list[dict[str, Any]], sep: str = ";") -> None:
    """One row per template. UTF-8 with BOM so Excel shows æ, ø and å; decimal comma with ';'."""
    comma = sep == ";"
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        wr = csv.writer(fh, delimiter=sep, lineterminator="\r\n")
        wr.writerow(CSV_HEADER)
        for r in rows:
            mf = r.get("message_first")
            sev = r.get("severities") or {}
            note = r.get("error_message") if r["status"] == "error" else " ".join(r.get("notices") or [])
            wr.writerow([
                _text_cell(r["rel"]), STATUS_DA[r["status"]],
                "" if r["overall"] is None else r["overall"],
                "ny" if r.get("new") else fmt_change(r.get("change")),
                fmt_num(r.get("lix"), 1, comma),
                r.get("lix_band") or "",
                "" if r.get("passive_share") is None else fmt_num(100 * r["passive_share"], 1, comma),
                "" if r.get("jargon_count") is None else r["jargon_count"],
                "" if mf is None else ("ja" if mf else "nej"),
                r["findings"], sev.get("error", 0), sev.get("warning", 0), sev.get("info", 0),
                *((r.get("counts") or {}).get(c, 0) for c in CATEGORIES),
                "" if r.get("words") is None else r["words"],
                fmt_num(r.get("rix"), 1, comma),
                "" if r.get("reading_seconds") is None else fmt_num(r["reading_seconds"] / 60, 1, comma),
                r.get("genre") or "",
                _text_cell(note),
            ])
    os.replace(tmp, path)


def write_json(path: Path, run: dict[str, Any], rows: list[dict[str, Any]], spool: Spool,
               totals: dict[str, int], jargon: Counter, trend: list[dict[str, Any]] | None,
               rules_seen: dict[str, tuple[str, str, int]] | None = None) -> None:
    """Run metadata, collection summary, then one entry per template with its ``Report.to_dict()``.

    Findings carry an empty ``explanation``: each rule's title and explanation are written once,
    under ``rules``, instead of once per finding (that alone was most of the file).
    Written piece by piece: the per-template reports come straight from the spool.
    """
    tmp = path.with_name(path.name + ".tmp")
    head = {
        "schema_version": run["schema_version"],
        "run": run,
        "summary": {
            "findings_per_category": totals,
            "jargon": [{"text": t, "count": n} for t, n in jargon.most_common(50)],
            "trend": trend,
        },
        "rules": {rid: {"title": t, "explanation": e, "findings": n}
                  for rid, (t, e, n) in sorted((rules_seen or {}).items())},
    }
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
        fh.write(',\n "templates": [\n')
        for i, (r, report_json) in enumerate(zip(rows, spool.reports())):
            entry = {
                "path": r["rel"], "sha256": r["sha256"], "status": r["status"],
                "error": {"code": r["error_code"], "message": r["error_message"]} if r["status"] == "error" else None,
                "from_cache": r["from_cache"], "new_since_last_run": r.get("new", False),
                "change_since_last_run": r.get("change"), "comments_added": r.get("comments"),
            }
            text = json.dumps(entry, ensure_ascii=False)[:-1] + ', "report": ' + report_json + "}"
            fh.write(("," if i else "") + "  " + text + "\n")
        fh.write(" ]\n}\n")
    os.replace(tmp, path)
