"""The incremental cache: scores and finding offsets per file content, never letter text.

A cache entry is keyed by the SHA-256 of the file's bytes, the rule set's
version, the model, the profile and genre choice, and letterlab's version, so
any change that could change the result misses the cache.

An entry (a "record") holds what ``Report.to_dict`` needs except the text:
scores, notices, sentence offsets and, per finding, rule, category,
severity, start, end and message. Finding ``text`` and suggestions are
dropped. Where a message quotes the letter (``i stedet for "Under
henvisning til"``) the quote is replaced by a reference to its offsets and
put back from the re-read file, so the cache never holds a word of the
letter and a cached report reads exactly like a fresh one.
"""
from __future__ import annotations

import hashlib
import json
import re
from letterlab import rxcache
import sqlite3
import time
from pathlib import Path
from typing import Any

from ..report.model import Finding, Report

CACHE_FORMAT = 1
CACHE_FILE = "audit-cache.sqlite"
_REF = "\x00{}:{}\x00"
_REF_RE = rxcache.compile("\x00(\\d+):(\\d+)\x00")
_QUOTED = rxcache.compile(r'"([^"\n]{2,300})"|“([^”\n]{2,300})”|«([^»\n]{2,300})»|\'([^\'\n]{2,300})\'')
PRUNE_AFTER_DAYS = 90


def default_cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("letterlab", appauthor=False)) / CACHE_FILE


def cache_key(content_hash: str, ruleset_version: str, model: str, profile: str | None,
              genre: str | None) -> str:
    from .. import __version__

    parts = (str(CACHE_FORMAT), __version__, content_hash, ruleset_version, model, profile or "", genre or "")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _redact(message: str, text: str, start: int, end: int) -> str:
    """Replace every quote of the letter inside ``message`` by an offset reference."""
    quoted = text[start:end]
    if quoted.strip() and quoted in message:
        message = message.replace(quoted, _REF.format(start, end))

    def repl(mt: re.Match) -> str:
        inner = next(g for g in mt.groups() if g is not None)
        if "\x00" in inner:
            return mt.group(0)
        at = _nearest(text, inner, start)
        if at < 0:
            return mt.group(0)
        i = mt.start() + mt.group(0).index(inner)
        return mt.group(0)[: i - mt.start()] + _REF.format(at, at + len(inner)) + mt.group(0)[i - mt.start() + len(inner):]

    if '"' not in message and "'" not in message and "“" not in message and "«" not in message:
        return message      # no quote mark, no quote (``_QUOTED`` needs one)
    return _QUOTED.sub(repl, message)


def _nearest(text: str, needle: str, near: int) -> int:
    best, at = -1, text.find(needle)
    while at >= 0:
        if best < 0 or abs(at - near) < abs(best - near):
            best = at
        at = text.find(needle, at + 1)
    return best


def _restore(message: str, text: str) -> str:
    if "\x00" not in message:
        return message
    return _REF_RE.sub(lambda m: text[int(m.group(1)):int(m.group(2))], message)


def to_record(report: Report) -> dict[str, Any]:
    """The text-free cache form of a report."""
    text = report.text
    return {
        "format": CACHE_FORMAT,
        "genre": report.genre,
        "profile": report.profile,
        "model": report.model,
        "ruleset_version": report.ruleset_version,
        "scores": report.scores,
        "score_weights": report.score_weights,
        "notices": [dict(n) for n in report.notices],
        "sentences": [list(s) for s in report.sentences],
        "blocks": [[b["start"], b["end"], b["kind"]] for b in report.blocks],
        "parts": [[p["start"], p["end"], p["kind"]] for p in report.parts],      # offsets and kinds only
        "message": report.message, "appeal_guide": report.appeal_guide, "coverage": report.coverage,
        "findings": [[f.rule, f.category, f.severity, f.start, f.end, _redact(f.message, text, f.start, f.end)]
                     for f in report.findings],
    }


def from_record(record: dict[str, Any], text: str, source: str | None, explanations: dict[str, str]) -> Report:
    """A Report again, from a record and the re-read letter text."""
    findings = [
        Finding(rule=rule, category=cat, severity=sev, message=_restore(msg, text), start=s, end=e,
                text=text[s:e], explanation=explanations.get(rule, ""))
        for rule, cat, sev, s, e, msg in record["findings"]
    ]
    return Report(
        text=text, findings=findings, scores=record["scores"], source=source, genre=record["genre"],
        profile=record["profile"], model=record["model"], ruleset_version=record["ruleset_version"],
        notices=[dict(n) for n in record["notices"]], sentences=[tuple(s) for s in record["sentences"]],
        blocks=[{"start": s, "end": e, "kind": k} for s, e, k in record.get("blocks", [])],
        score_weights=record["score_weights"],
        parts=[{"kind": k, "start": s, "end": e} for s, e, k in record.get("parts", [])],
        message=record.get("message"), appeal_guide=record.get("appeal_guide"), coverage=record.get("coverage"),
    )


class Cache:
    """SQLite file with one row per cache key. Written by one process; workers open it read-only."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, content_hash TEXT, "
                "ruleset_version TEXT, model TEXT, record TEXT NOT NULL, used_at REAL NOT NULL)"
            )
            self.db.commit()

    def get(self, key: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM entries WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_many(self, rows) -> None:
        """Store ``(key, content_hash, ruleset_version, model, record_json)`` rows."""
        now = time.time()
        self.db.executemany(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?)",
            [(k, h, rv, m, rec, now) for k, h, rv, m, rec in rows],
        )
        self.db.commit()

    def touch(self, keys) -> None:
        now = time.time()
        self.db.executemany("UPDATE entries SET used_at = ? WHERE key = ?", [(now, k) for k in keys])
        self.db.commit()

    def prune(self, days: float = PRUNE_AFTER_DAYS) -> int:
        """Forget entries nobody used for ``days`` days; the cache would otherwise only grow."""
        cur = self.db.execute("DELETE FROM entries WHERE used_at < ?", (time.time() - days * 86400,))
        self.db.commit()
        return cur.rowcount

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        self.db.close()
