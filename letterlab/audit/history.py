"""Audit history in SQLite: per run and template, path, hash, scores and counts. No letter text.

Runs are grouped by the audited folder (its absolute path), so "since last
run" compares with the last audit of the same folder.

Paths are stored as the reports show them (``report.safe.safe_name``): CPR
numbers masked, undecodable bytes and bidi controls replaced. A database
written by an older letterlab is cleaned the same way when it is opened.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

HISTORY_FILE = "audit-history.sqlite"
TREND_RUNS = 20

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    root TEXT NOT NULL,
    started_at REAL NOT NULL,
    finished_at REAL,
    ruleset_version TEXT,
    model TEXT,
    profile TEXT,
    files INTEGER,
    scored INTEGER,
    errors INTEGER,
    findings INTEGER,
    mean_score REAL
);
CREATE TABLE IF NOT EXISTS templates (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT,
    status TEXT NOT NULL,
    error_code TEXT,
    overall REAL,
    lix REAL,
    passive_share REAL,
    jargon_count INTEGER,
    message_first INTEGER,
    words INTEGER,
    findings INTEGER,
    counts TEXT,
    PRIMARY KEY (run_id, path)
);
CREATE INDEX IF NOT EXISTS runs_root ON runs(root, id);
"""

TEMPLATE_FIELDS = ("path", "sha256", "status", "error_code", "overall", "lix", "passive_share",
                   "jargon_count", "message_first", "words", "findings", "counts")


def default_history_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("letterlab", appauthor=False)) / HISTORY_FILE


class History:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        self.db.commit()
        if self.db.execute("PRAGMA user_version").fetchone()[0] < 1:
            self._clean_names()

    def _clean_names(self) -> None:
        """Mask CPR numbers in paths stored before names were made safe (history format 1)."""
        from ..report.safe import safe_name

        for table, col, key in (("templates", "path", "rowid"), ("runs", "root", "id")):
            rows = self.db.execute(f"SELECT {key}, {col} FROM {table}").fetchall()
            changed = [(safe_name(v), k) for k, v in rows if safe_name(v) != v]
            self.db.executemany(f"UPDATE OR REPLACE {table} SET {col} = ? WHERE {key} = ?", changed)
        self.db.execute("PRAGMA user_version = 1")
        self.db.commit()

    def last_run(self, root: str) -> dict[str, Any] | None:
        """The newest finished run of ``root`` with its templates by path, or None."""
        row = self.db.execute(
            "SELECT id, started_at FROM runs WHERE root = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1",
            (root,),
        ).fetchone()
        if not row:
            return None
        cols = ", ".join(TEMPLATE_FIELDS)
        templates = {}
        for r in self.db.execute(f"SELECT {cols} FROM templates WHERE run_id = ?", (row[0],)):
            d = dict(zip(TEMPLATE_FIELDS, r))
            d["counts"] = json.loads(d["counts"]) if d["counts"] else {}
            templates[d["path"]] = d
        return {"id": row[0], "started_at": row[1], "templates": templates}

    def start_run(self, root: str, ruleset_version: str, model: str, profile: str | None) -> int:
        cur = self.db.execute(
            "INSERT INTO runs (root, started_at, ruleset_version, model, profile) VALUES (?, ?, ?, ?, ?)",
            (root, time.time(), ruleset_version, model, profile),
        )
        self.db.commit()
        return cur.lastrowid

    def add_templates(self, run_id: int, rows) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO templates (run_id, {', '.join(TEMPLATE_FIELDS)}) "
            f"VALUES (?, {', '.join('?' for _ in TEMPLATE_FIELDS)})",
            [(run_id, *(json.dumps(r[f]) if f == "counts" else r.get(f) for f in TEMPLATE_FIELDS)) for r in rows],
        )
        self.db.commit()

    def finish_run(self, run_id: int, files: int, scored: int, errors: int, findings: int,
                   mean_score: float | None) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, files = ?, scored = ?, errors = ?, findings = ?, mean_score = ? "
            "WHERE id = ?",
            (time.time(), files, scored, errors, findings, mean_score, run_id),
        )
        self.db.commit()

    def trend(self, root: str, limit: int = TREND_RUNS) -> list[dict[str, Any]]:
        """The last ``limit`` finished runs of ``root``, oldest first."""
        rows = self.db.execute(
            "SELECT id, started_at, files, scored, errors, findings, mean_score FROM runs "
            "WHERE root = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT ?",
            (root, limit),
        ).fetchall()
        keys = ("id", "started_at", "files", "scored", "errors", "findings", "mean_score")
        return [dict(zip(keys, r)) for r in reversed(rows)]

    def close(self) -> None:
        self.db.close()
