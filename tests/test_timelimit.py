"""letterlab.timelimit: the in-process time limit the core puts on each letter."""
from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from letterlab import timelimit


def _spin(seconds: float) -> str:
    """Busy Python work that ends by itself after ``seconds`` (so a broken limit fails, never hangs)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


def test_the_limit_stops_python_work_and_leaves_no_timer_behind():
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(timelimit.TooSlow):
        with timelimit.limit(0.2) as active:
            assert active
            _spin(30)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == before
    assert _spin(0.3) == "finished"            # no late alarm after the block


def test_the_limit_stops_a_regular_expression_that_backtracks():
    with pytest.raises(timelimit.TooSlow):
        with timelimit.limit(0.2):
            re.match(r"(a+)+$", "a" * 40 + "b")   # about 2**40 steps without the limit


def test_too_slow_passes_through_except_exception():
    """The core's guards ("one broken check must not lose the others") catch Exception, not this."""
    caught = []
    with pytest.raises(timelimit.TooSlow):
        with timelimit.limit(0.2):
            try:
                _spin(30)
            except Exception as exc:  # noqa: BLE001
                caught.append(exc)
    assert caught == []


def test_no_limit_outside_the_main_thread_and_none_means_none():
    seen = {}

    def other():
        seen["available"] = timelimit.available()
        with timelimit.limit(0.1) as active:
            seen["active"] = active

    t = threading.Thread(target=other)
    t.start()
    t.join()
    assert seen == {"available": False, "active": False}
    with timelimit.limit(None) as active:
        assert not active


def test_a_running_timer_of_someone_else_is_left_alone():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        with timelimit.limit(0.1) as active:
            assert not active
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
