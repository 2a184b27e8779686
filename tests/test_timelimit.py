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


def test_an_alarm_that_fires_as_the_timer_is_armed_leaves_no_timer_behind(monkeypatch):
    """The earliest alarm possible: raised the moment the timer is set (a limit of a millisecond on a
    busy machine). The block is stopped and the repeating timer stops with it; a timer left running
    would raise TooSlow in whatever code runs next (it once did, in pytest's own hooks)."""
    real = signal.setitimer

    def set_and_fire(which, seconds, interval=0.0):
        result = real(which, seconds, interval)
        if seconds > 0:
            raise timelimit.TooSlow()
        return result

    monkeypatch.setattr(timelimit.signal, "setitimer", set_and_fire)
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(timelimit.TooSlow):
        with timelimit.limit(0.05):
            _spin(30)
    monkeypatch.undo()
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before
    assert _spin(0.6) == "finished"


def test_many_tiny_limits_around_quick_work_leave_no_timer_behind():
    """The shape of the core's retries under a tiny limit: the alarm races the block's start and end."""
    before = signal.getsignal(signal.SIGALRM)
    stopped = 0
    for i in range(300):
        try:
            with timelimit.limit(0.0001 * (1 + i % 7)):
                _spin(0.0001 * (i % 9))
        except timelimit.TooSlow:
            stopped += 1
    assert stopped > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before
    assert _spin(0.6) == "finished"
