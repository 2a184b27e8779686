"""The app's one handle on the core: the rules and the pipeline, loaded once per process.

With ``workers=1`` and no time limit (what the tests use) requests take turns
on one pipeline in the server process. Otherwise (``letterlab serve``, which
always sets a time limit) the analysis runs in a ``letterlab.workpool``
pool of worker processes, each with its own pipeline:

* each analysis has a time limit (``time_limit`` seconds, 5 by default in
  ``serve``): a letter that takes longer stops its worker, which is replaced,
  and the request gets a Danish 422 message (``EngineTimeout``);
* a worker that dies fails only the request it was working on (503);
* workers are recycled after ``max_tasks`` analyses or above ``max_rss_mb``
  MB resident memory, so memory taken by one huge letter is given back.

Letter text travels to a worker and the report back through a pipe; neither is stored.
"""
from __future__ import annotations

import pickle
import threading
from pathlib import Path
from typing import Iterable

from letterlab.core import analyse
from letterlab.genres import GENRES
from letterlab.nlp.pipeline import load_pipeline
from letterlab.readers import Document
from letterlab.report.model import Report
from letterlab.ruleset import RuleError, RuleSet, load_rules
from letterlab.workpool import TimeLimitExceeded, WorkerLost, WorkerPool

WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."


MAX_TASKS = 500          # analyses before a worker is replaced by a fresh one
MAX_RSS_MB = 900         # ... or when it holds more memory than this (a fresh worker holds about 350 MB)


class EngineBusy(Exception):
    """The worker process stopped in the middle of this request (it has been replaced)."""


class EngineTimeout(Exception):
    """The analysis took longer than the time limit (its worker has been replaced)."""


class Engine:
    """Rules + pipeline shared by all requests of one process."""

    def __init__(self, rules_dirs: Iterable[str | Path] | None = None, model: str | None = None,
                 ruleset: RuleSet | None = None, genre: str | None = None, profile: str | None = None,
                 workers: int = 1, time_limit: float | None = None, max_tasks: int | None = MAX_TASKS,
                 max_rss_mb: float | None = MAX_RSS_MB):
        self.rules = ruleset if ruleset is not None else load_rules(list(rules_dirs or []))
        self.model = model
        if genre is not None and genre not in GENRES:
            raise RuleError(f"Brevtypen '{genre}' findes ikke. Vælg en af: {', '.join(GENRES)}")
        self.genre = genre          # used when a request names none (``serve --genre``)
        self.profile = self.rules.profile(profile).id
        self.workers = max(1, int(workers))
        self.time_limit = time_limit
        # spaCy does not promise that one Language object is safe to call from several
        # threads at once, and the GIL leaves little to gain, so in-process requests take turns.
        self._lock = threading.Lock()
        self.nlp = None
        self._pool: WorkerPool | None = None
        if self.workers == 1 and time_limit is None:
            self.nlp = load_pipeline(model)
        else:
            self._pool = WorkerPool(self.workers, initializer=_worker_init,
                                    initargs=(pickle.dumps(self.rules), self.model), warm=_worker_warm,
                                    max_tasks=max_tasks, max_rss_mb=max_rss_mb)

    def analyse(self, source: str | Document, genre: str | None = None, profile: str | None = None) -> Report:
        genre, profile = genre or self.genre, profile or self.profile
        if self._pool is None:
            with self._lock:
                return analyse(source, self.rules, model=self.model, genre=genre, profile=profile, nlp=self.nlp)
        try:
            return self._pool.run(_worker_analyse, (source, genre, profile), timeout=self.time_limit)
        except TimeLimitExceeded:
            raise EngineTimeout() from None
        except WorkerLost:
            raise EngineBusy() from None

    def warm_up(self) -> None:
        """Wait until every worker has loaded the pipeline and analysed a small letter (in-process: do it here)."""
        if self._pool is None:
            self.analyse(WARM_UP_TEXT)
            return
        self._pool.wait_ready()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


# ------------------------------------------------------------ worker processes

_worker: dict = {}


def _worker_init(rules_blob: bytes, model: str | None) -> None:
    from letterlab.workerproc import init_worker_process

    init_worker_process()
    _worker["rules"] = pickle.loads(rules_blob)
    _worker["model"] = model


def _worker_warm() -> None:
    # Before the worker takes requests, so loading never counts against a time limit.
    # A missing model reaches the server as a ModelError with its Danish message.
    _worker_analyse(WARM_UP_TEXT, None, None)


def _worker_analyse(source: str | Document, genre: str | None, profile: str | None) -> Report:
    nlp = load_pipeline(_worker["model"])   # kept for the process by load_pipeline
    return analyse(source, _worker["rules"], model=_worker["model"], genre=genre, profile=profile, nlp=nlp)
