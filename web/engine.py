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

The worker stops an analysis itself when it passes the limit (``core.analyse_many``'s
``time_limit``), so a too-slow letter costs its time and no more: the worker is not
replaced (a new one spends seconds loading the pipeline). The pool's own limit, a little
longer, only stops a worker that did not stop in time.

Requests reach the workers through ``_Dispatcher`` (admission control), one thread per worker:

* long letters (over ``LONG_CHARS`` characters) take the long lane: at most
  ``workers - 1`` of them run at once (one on two cores), so short letters always
  have a worker; ``LONG_WAITING`` more may wait, and the next one gets ``EngineFull``
  (a Danish 503 with ``Retry-After``) at once instead of holding a server thread;
* short letters go first, in the order they came; with ``MAX_BATCH`` > 1 a worker takes
  the short letters that wait (``BATCH_CHARS`` characters in all) and parses them together
  (spaCy's ``nlp.pipe``; off by default, see ``MAX_BATCH``);
* a long letter that has waited ``LONG_AFTER`` seconds goes before short ones, so it is
  not starved by a steady stream of them.

Letter text travels to a worker and the report back through a pipe; neither is stored.
"""
from __future__ import annotations

import pickle
import threading
import time
from collections import deque
from pathlib import Path
from typing import Iterable

from letterlab.core import analyse, analyse_many
from letterlab.genres import GENRES
from letterlab.nlp.pipeline import load_pipeline
from letterlab.readers import Document
from letterlab.report.model import Report
from letterlab.ruleset import RuleError, RuleSet, load_rules
from letterlab.workpool import TimeLimitExceeded, WorkerLost, WorkerPool

WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."


MAX_TASKS = 500          # analyses before a worker is replaced by a fresh one
MAX_RSS_MB = 900         # ... or when it holds more memory than this (a fresh worker holds about 350 MB)
LONG_CHARS = 12_000      # a longer letter (about 6 pages) takes the long lane
# Short letters a worker may parse together, and their characters in all. Off (1): with 20 clients
# on 2 cores shared with other work (load 6-8), batches of 4 or 8 gave 6.4-6.8 requests a second
# against 6.4 without, and the workers' memory grew 21-23 % during the run against 8 % (#15).
MAX_BATCH = 1
BATCH_CHARS = 24_000
LONG_WAITING = 2         # long letters that may wait for the long lane; the next one is turned away
LONG_AFTER = 2.0         # seconds a long letter waits before it goes ahead of short ones
HARD_GRACE = 5.0         # seconds the pool waits past the worker's own limit before it stops the worker


class EngineBusy(Exception):
    """The worker process stopped in the middle of this request (it has been replaced)."""


class EngineTimeout(Exception):
    """The analysis took longer than the time limit (it was stopped)."""


class EngineFull(Exception):
    """Too many long letters wait already; this one was turned away without being analysed."""


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
            self._dispatcher = _Dispatcher(self._pool, self.workers, time_limit)

    def analyse(self, source: str | Document, genre: str | None = None, profile: str | None = None) -> Report:
        genre, profile = genre or self.genre, profile or self.profile
        if self._pool is None:
            with self._lock:
                return analyse(source, self.rules, model=self.model, genre=genre, profile=profile, nlp=self.nlp)
        report = self._dispatcher.submit(_Job(source, genre, profile))
        if any(n.get("code") == "too_slow" for n in report.notices):
            raise EngineTimeout()
        return report

    def warm_up(self) -> None:
        """Wait until every worker has loaded the pipeline and analysed a small letter (in-process: do it here)."""
        if self._pool is None:
            self.analyse(WARM_UP_TEXT)
            return
        self._pool.wait_ready()

    def close(self) -> None:
        if self._pool is not None:
            self._dispatcher.close()
            self._pool.close()
            self._pool = None


class _Job:
    __slots__ = ("source", "genre", "profile", "size", "since", "done", "report", "error")

    def __init__(self, source, genre, profile):
        self.source, self.genre, self.profile = source, genre, profile
        self.size = len(source.text if isinstance(source, Document) else source)
        self.since = time.monotonic()
        self.done = threading.Event()
        self.report: Report | None = None
        self.error: BaseException | None = None

    def finish(self, report: Report | None = None, error: BaseException | None = None) -> None:
        self.report, self.error = report, error
        self.done.set()


class _Dispatcher:
    """Admission control in front of the pool: a long lane, short letters first and in batches."""

    def __init__(self, pool: WorkerPool, workers: int, time_limit: float | None):
        self.pool = pool
        self.time_limit = time_limit
        self.long_slots = max(1, workers - 1)
        self._cv = threading.Condition()
        self._short: deque[_Job] = deque()
        self._long: deque[_Job] = deque()
        self._long_running = 0
        self._closed = False
        for k in range(workers):
            threading.Thread(target=self._loop, daemon=True, name=f"letterlab-dispatch-{k}").start()

    def submit(self, job: _Job) -> Report:
        with self._cv:
            if self._closed:
                raise EngineBusy()
            if job.size > LONG_CHARS:
                if len(self._long) >= LONG_WAITING:
                    raise EngineFull()
                self._long.append(job)
            else:
                self._short.append(job)
            self._cv.notify()
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.report

    def _next(self) -> tuple[list[_Job], bool] | None:
        """The next work for a free worker (call with the lock held): (jobs, long lane?)."""
        if self._long and self._long_running < self.long_slots and (
                not self._short or time.monotonic() - self._long[0].since > LONG_AFTER):
            self._long_running += 1
            return [self._long.popleft()], True
        if not self._short:
            return None
        first = self._short.popleft()
        batch, size = [first], first.size
        for job in list(self._short):
            if len(batch) >= MAX_BATCH:
                break
            if (job.genre, job.profile) == (first.genre, first.profile) and size + job.size <= BATCH_CHARS:
                batch.append(job)
                size += job.size
                self._short.remove(job)
        return batch, False

    def _loop(self) -> None:
        while True:
            with self._cv:
                work = None
                while not self._closed and (work := self._next()) is None:
                    self._cv.wait(0.5)       # wake up now and then: a waiting long letter may be due
                if self._closed:
                    return
            jobs, long_lane = work
            try:
                self._run(jobs)
            except BaseException as exc:  # noqa: BLE001  (never leave a request waiting)
                for job in jobs:
                    if not job.done.is_set():
                        job.finish(error=exc)
            finally:
                if long_lane:
                    with self._cv:
                        self._long_running -= 1
                        self._cv.notify_all()

    def _run(self, jobs: list[_Job]) -> None:
        limit = self.time_limit
        # The worker stops each letter itself after ``limit`` seconds; a batch that runs out of
        # time is run again letter by letter there, so it may take up to twice its letters' limits.
        hard = None if limit is None else (limit if len(jobs) == 1 else 2 * limit * len(jobs)) + HARD_GRACE
        first = jobs[0]
        try:
            reports = self.pool.run(_worker_analyse_many, ([j.source for j in jobs], first.genre, first.profile,
                                                            limit), timeout=hard)
        except (TimeLimitExceeded, WorkerLost) as exc:
            if len(jobs) > 1:           # one letter at a time: only the one at fault fails
                for job in jobs:
                    self._run([job])
                return
            first.finish(error=EngineTimeout() if isinstance(exc, TimeLimitExceeded) else EngineBusy())
            return
        for job, report in zip(jobs, reports):
            job.finish(report)

    def close(self) -> None:
        with self._cv:
            self._closed = True
            waiting = list(self._short) + list(self._long)
            self._short.clear()
            self._long.clear()
            self._cv.notify_all()
        for job in waiting:
            job.finish(error=EngineBusy())


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


def _worker_analyse_many(sources: list, genre: str | None, profile: str | None,
                         time_limit: float | None) -> list[Report]:
    nlp = load_pipeline(_worker["model"])
    return list(analyse_many(sources, _worker["rules"], model=_worker["model"], genre=genre, profile=profile,
                             nlp=nlp, time_limit=time_limit))
