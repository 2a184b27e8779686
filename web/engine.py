"""The app's one handle on the core: the rules and the pipeline, loaded once per process.

With ``workers=1`` (the default, and what the tests use) requests take turns on
one pipeline in the server process. With ``workers=N > 1`` (``letterlab serve
--workers N``) the analysis runs in a pool of N worker processes, each with its
own pipeline, so that N letters are analysed at the same time on N cores. The
server process then holds only the rules. Letter text travels to a worker and
the report back through a pipe; neither is stored.
"""
from __future__ import annotations

import multiprocessing
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable

from letterlab.core import analyse
from letterlab.genres import GENRES
from letterlab.nlp.pipeline import load_pipeline
from letterlab.readers import Document
from letterlab.report.model import Report
from letterlab.ruleset import RuleError, RuleSet, load_rules

WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."


class EngineBusy(Exception):
    """A worker process stopped in the middle of a request (the pool has been restarted)."""


class Engine:
    """Rules + pipeline shared by all requests of one process."""

    def __init__(self, rules_dirs: Iterable[str | Path] | None = None, model: str | None = None,
                 ruleset: RuleSet | None = None, genre: str | None = None, profile: str | None = None,
                 workers: int = 1):
        self.rules = ruleset if ruleset is not None else load_rules(list(rules_dirs or []))
        self.model = model
        if genre is not None and genre not in GENRES:
            raise RuleError(f"Brevtypen '{genre}' findes ikke. Vælg en af: {', '.join(GENRES)}")
        self.genre = genre          # used when a request names none (``serve --genre``)
        self.profile = self.rules.profile(profile).id
        self.workers = max(1, int(workers))
        # spaCy does not promise that one Language object is safe to call from several
        # threads at once, and the GIL leaves little to gain, so in-process requests take turns.
        self._lock = threading.Lock()
        self.nlp = None
        self._pool: ProcessPoolExecutor | None = None
        if self.workers == 1:
            self.nlp = load_pipeline(model)
        else:
            self._rules_blob = pickle.dumps(self.rules)
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # "spawn": the server may already run threads, which fork does not copy safely.
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_init, initargs=(self._rules_blob, self.model))

    def analyse(self, source: str | Document, genre: str | None = None, profile: str | None = None) -> Report:
        genre, profile = genre or self.genre, profile or self.profile
        if self._pool is None:
            with self._lock:
                return analyse(source, self.rules, model=self.model, genre=genre, profile=profile, nlp=self.nlp)
        pool = self._pool
        try:
            return pool.submit(_worker_analyse, source, genre, profile).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._new_pool()
            raise EngineBusy() from None

    def warm_up(self) -> None:
        """Run one small letter in every worker so the first real request does not pay for set-up."""
        if self._pool is None:
            self.analyse(WARM_UP_TEXT)
            return
        for f in [self._pool.submit(_worker_analyse, WARM_UP_TEXT, None, None) for _ in range(self.workers)]:
            f.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# ------------------------------------------------------------ worker processes

_worker: dict = {}


def _worker_init(rules_blob: bytes, model: str | None) -> None:
    from letterlab.workerproc import init_worker_process

    init_worker_process()
    _worker["rules"] = pickle.loads(rules_blob)
    _worker["model"] = model


def _worker_analyse(source: str | Document, genre: str | None, profile: str | None) -> Report:
    # Loaded on the first call (load_pipeline keeps it for the process), not in the
    # initializer: a missing model then reaches the server as a ModelError with its
    # Danish message instead of a broken pool.
    nlp = load_pipeline(_worker["model"])
    return analyse(source, _worker["rules"], model=_worker["model"], genre=genre, profile=profile, nlp=nlp)
