"""A pool of worker processes where one slow or dying task costs only itself.

``concurrent.futures.ProcessPoolExecutor`` cannot stop one task (a letter that
takes minutes holds its worker until it ends), and when one worker dies it
marks the whole pool broken, so every request in flight fails with it.
``WorkerPool`` gives each worker its own pipe instead:

* ``run(fn, args, timeout)`` hands the task to an idle worker and waits at
  most ``timeout`` seconds. A worker that is too slow is killed and replaced,
  and only that call raises ``TimeLimitExceeded``; the others carry on.
* A worker that dies (killed, out of memory) fails only its own call
  (``WorkerLost``); an idle worker found dead is replaced without an error.
* Workers are recycled: after ``max_tasks`` tasks, or when their resident
  memory passes ``max_rss_mb``, a fresh one is started, and the old one goes on
  taking work until the fresh one is ready; then it is ended (when it is idle,
  or as soon as its task is done). Recycling never leaves the pool short of a
  worker: a fresh worker spends seconds loading the pipeline, and before, the
  requests that came meanwhile waited for it or for the other workers.
  (A worker that is killed for its time limit or dies cannot serve meanwhile;
  its replacement is started before it is cleaned up.)
* A new worker runs ``initializer(*initargs)`` and ``warm()`` (e.g. load the
  pipeline) before it takes work, so set-up never counts against a time limit.
  An error there (a missing model) reaches the caller with its own type.

Workers are started with "spawn" (the server may already run threads).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
import time
from typing import Any, Callable


class Warmed:
    """Return ``Warmed(value)`` from a task to say the worker is now set up (no more start-up grace)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class TimeLimitExceeded(Exception):
    """The task took longer than its time limit; its worker was stopped."""


class WorkerLost(Exception):
    """The worker running the task stopped (killed, out of memory)."""


def _portable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(type(exc).__name__)   # the type only: a message may quote a letter


def _worker_main(conn, initializer, initargs, warm) -> None:
    try:
        if initializer is not None:
            initializer(*initargs)
        if warm is not None:
            warm()
        conn.send(("ready", None))
    except BaseException as exc:  # noqa: BLE001  (sent to the parent, which raises it)
        conn.send(("error", _portable(exc)))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        fn, args = msg
        try:
            result = ("ok", fn(*args))
        except BaseException as exc:  # noqa: BLE001
            result = ("error", _portable(exc))
        conn.send(result)


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (0 when it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


class _Slot:
    __slots__ = ("proc", "conn", "tasks", "warm", "retiring", "retire")

    def __init__(self, proc, conn, warm):
        self.proc, self.conn, self.tasks, self.warm = proc, conn, 0, warm
        self.retiring = False     # a replacement is starting; this worker serves until it is ready
        self.retire = False       # the replacement is ready: end this worker once it is free


class _Idle:
    """The idle workers, first in first out; one can be taken out from the middle (to retire it)."""

    def __init__(self):
        self._cv = threading.Condition()
        self._slots: list[_Slot] = []

    def put(self, slot: _Slot) -> None:
        with self._cv:
            self._slots.append(slot)
            self._cv.notify()

    def get(self, timeout: float) -> _Slot:
        with self._cv:
            if not self._slots and not self._cv.wait_for(lambda: self._slots, timeout):
                raise queue.Empty
            return self._slots.pop(0)

    def get_nowait(self) -> _Slot:
        with self._cv:
            if not self._slots:
                raise queue.Empty
            return self._slots.pop(0)

    def remove(self, slot: _Slot) -> bool:
        with self._cv:
            if slot in self._slots:
                self._slots.remove(slot)
                return True
            return False

    def qsize(self) -> int:
        with self._cv:
            return len(self._slots)


class WorkerPool:
    def __init__(self, size: int, *, initializer: Callable | None = None, initargs: tuple = (),
                 warm: Callable | None = None, max_tasks: int | None = None, max_rss_mb: float | None = None,
                 first_task_grace: float = 0.0, warm_first: bool = True):
        self.size = max(1, int(size))
        self.max_tasks = max_tasks
        self.max_rss_mb = max_rss_mb
        # Extra seconds for a task on a worker that has not warmed up yet (warm_first=False: the
        # first workers skip ``warm`` and set up lazily, e.g. load the pipeline only if they need it;
        # replacements always warm up). A task returns ``Warmed(value)`` once its worker is set up.
        self.first_task_grace = first_task_grace
        self._ctx = multiprocessing.get_context("spawn")
        self._init = (initializer, initargs, warm)
        self._idle = _Idle()
        self._errors: queue.Queue[BaseException] = queue.Queue()
        self._lock = threading.Lock()
        self._processes: dict[int, Any] = {}      # pid -> Process, every worker alive or starting
        self._busy: set[int] = set()
        self._closed = False
        self.recycled = 0
        for _ in range(self.size):
            self._spawn(warm=warm_first)

    # -- workers ------------------------------------------------------------------------------

    def _spawn(self, warm: bool = True, retiring: _Slot | None = None) -> None:
        """Start a worker; ``retiring``: the worker it replaces, ended once this one is ready."""
        if self._closed:
            return
        parent, child = self._ctx.Pipe()
        initializer, initargs, warm_fn = self._init
        warm_fn = warm_fn if warm else None
        proc = self._ctx.Process(target=_worker_main, args=(child, initializer, initargs, warm_fn), daemon=True,
                                 name="letterlab-worker")
        proc.start()
        child.close()
        with self._lock:
            self._processes[proc.pid] = proc
        threading.Thread(target=self._await_ready,
                         args=(proc, parent, warm_fn is not None or self._init[2] is None, retiring),
                         daemon=True, name="letterlab-worker-start").start()

    def _await_ready(self, proc, conn, warm: bool, retiring: _Slot | None = None) -> None:
        try:
            kind, value = conn.recv()
        except (EOFError, OSError):
            kind, value = "error", WorkerLost()
        if kind == "ready" and not self._closed:
            self._idle.put(_Slot(proc, conn, warm))
            if retiring is not None:
                with self._lock:        # with ``run`` putting it back: it is either idle here or ended there
                    retiring.retire = True
                    idle = self._idle.remove(retiring)
                if idle:                # busy: ``run`` ends it after its task
                    self._end(retiring.proc, retiring.conn, gently=True)
            return
        self._end(proc, conn)
        if retiring is not None:
            retiring.retiring = False      # the old worker goes on; it asks for a replacement again later
        if not self._closed:
            self._errors.put(value)

    def _end(self, proc, conn, gently: bool = False) -> None:
        with self._lock:
            self._processes.pop(proc.pid, None)
            self._busy.discard(proc.pid)
        if gently:
            try:
                conn.send(None)
            except (OSError, ValueError):
                pass
            proc.join(2)
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        conn.close()

    def _replace(self, slot: _Slot) -> None:
        """``slot``'s worker cannot serve (stuck or dead): start its replacement, then clean it up."""
        if not slot.retiring:           # else a replacement is starting already
            self._spawn()
        self._end(slot.proc, slot.conn)

    def _take(self) -> _Slot:
        while True:
            try:
                slot = self._idle.get(timeout=0.2)
            except queue.Empty:
                if self._closed:
                    raise WorkerLost() from None
                try:
                    err = self._errors.get_nowait()
                except queue.Empty:
                    continue
                self._spawn()          # try again next time (the cause may be gone)
                raise err
            if slot.retire:            # its replacement is ready (it was busy when that one came)
                threading.Thread(target=self._end, args=(slot.proc, slot.conn, True), daemon=True).start()
                continue
            if slot.proc.is_alive():
                return slot
            self._replace(slot)        # died while idle: nobody was waiting for it

    # -- the API ------------------------------------------------------------------------------

    def run(self, fn: Callable, args: tuple = (), timeout: float | None = None):
        """``fn(*args)`` in a worker; raises TimeLimitExceeded, WorkerLost or the task's own exception."""
        slot = self._take()
        with self._lock:
            self._busy.add(slot.proc.pid)
        limit = None if timeout is None else timeout + (0.0 if slot.warm else self.first_task_grace)
        try:
            slot.conn.send((fn, args))
            if not slot.conn.poll(limit):
                self._replace(slot)
                raise TimeLimitExceeded()
            kind, value = slot.conn.recv()
        except (EOFError, OSError):
            self._replace(slot)
            raise WorkerLost() from None
        with self._lock:
            self._busy.discard(slot.proc.pid)
        slot.tasks += 1
        if isinstance(value, Warmed):
            slot.warm, value = True, value.value
        if not slot.retiring and ((self.max_tasks and slot.tasks >= self.max_tasks) or
                                  (self.max_rss_mb and rss_mb(slot.proc.pid) > self.max_rss_mb)):
            self.recycled += 1
            slot.retiring = True
            self._spawn(retiring=slot)      # this worker serves on until the fresh one is ready
        with self._lock:
            retire = slot.retire
            if not retire:
                self._idle.put(slot)
        if retire:
            threading.Thread(target=self._end, args=(slot.proc, slot.conn, True), daemon=True).start()
        if kind == "error":
            raise value
        return value

    def wait_ready(self, timeout: float | None = None) -> None:
        """Wait until every worker has started; raise the first start error (e.g. a missing model)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._idle.qsize() < self.size:
            try:
                err = self._errors.get(timeout=0.1)
            except queue.Empty:
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeLimitExceeded() from None
                continue
            raise err

    def busy_pids(self) -> list[int]:
        with self._lock:
            return sorted(self._busy)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(self._processes)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                slot = self._idle.get_nowait()
            except queue.Empty:
                break
            self._end(slot.proc, slot.conn, gently=True)
        with self._lock:
            procs = list(self._processes.values())
            self._processes.clear()
        for proc in procs:
            if proc.is_alive():
                proc.kill()
            proc.join(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
