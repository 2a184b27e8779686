"""letterlab.workpool on real worker processes: recycling never leaves the pool short of a worker (#15).

The workers' set-up is ``time.sleep``: a fresh worker is ready only after that many seconds (the
pipeline's load in the server), so the tests see what happens while a replacement starts. Tasks
are ``os.getpid`` (which worker answered) and ``os._exit`` (a worker that dies).
"""
from __future__ import annotations

import functools
import os
import time

import pytest

from letterlab.workpool import WorkerLost, WorkerPool

SETUP = 3.0        # seconds a fresh worker takes to start


def _wait_for(cond, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


@pytest.fixture
def pool():
    made = []

    def make(size: int = 1, **kw) -> WorkerPool:
        p = WorkerPool(size, warm=functools.partial(time.sleep, SETUP), **kw)
        made.append(p)
        p.wait_ready(120)
        return p

    yield make
    for p in made:
        p.close()


def test_a_recycled_worker_serves_until_its_replacement_is_ready_then_ends(pool):
    p = pool(1, max_tasks=2)
    old = p.run(os.getpid)
    assert p.run(os.getpid) == old           # its 2nd task: a replacement starts now (SETUP seconds)
    assert p.recycled == 1
    # Calls made while the replacement starts are answered by the old worker, not made to wait
    # for the new one (before: the old one was ended at once, and these waited SETUP seconds).
    assert [p.run(os.getpid) for _ in range(3)] == [old] * 3
    assert p.recycled == 1                   # one replacement, however many tasks the old one does meanwhile
    assert len(p.pids()) == 2                # the old worker and the one starting
    # once the new worker is ready the old one is ended, and the pool is back to its size
    assert _wait_for(lambda: old not in p.pids() and len(p.pids()) == 1)
    new = p.run(os.getpid)
    assert new != old and p.pids() == [new]


def test_a_worker_busy_when_its_replacement_is_ready_ends_after_its_task(pool):
    p = pool(1, max_tasks=1)
    old = p.run(os.getpid)                   # recycled after this one task: the replacement starts
    assert p.run(time.sleep, (SETUP + 2,)) is None      # busy while the replacement became ready
    assert _wait_for(lambda: old not in p.pids())
    assert len(p.pids()) == 1 and p.run(os.getpid) != old


def test_a_worker_that_dies_while_its_replacement_starts_is_not_replaced_twice(pool):
    p = pool(1, max_tasks=2)
    old = p.run(os.getpid)
    assert p.run(os.getpid) == old           # recycled: a replacement starts
    assert len(p.pids()) == 2
    with pytest.raises(WorkerLost):          # the old worker dies in its next task
        p.run(os._exit, (1,))
    assert p.pids() != [old] and len(p.pids()) == 1     # only the replacement, no second one
    new = p.run(os.getpid)                   # waits for the replacement
    assert new != old
    time.sleep(SETUP + 1)
    assert p.pids() == [new] and p._idle.qsize() == 1
