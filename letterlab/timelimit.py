"""A time limit on work done in this process, for the doors that analyse in-process.

``letterlab check``, ``rewrite``, ``compare`` and ``audit --jobs 1`` analyse in
the command's own process, where no pool can stop a letter that takes too long
(the web server and the audit's worker processes can kill a worker; see
``letterlab.workpool``). ``limit(seconds)`` arms a ``SIGALRM`` timer: when it
fires, ``TooSlow`` is raised in the main thread at the next Python instruction,
also inside spaCy's and thinc's Python layers and inside a running regular
expression (``re`` checks for signals while it matches).

``TooSlow`` derives from ``BaseException`` so that the ``except Exception``
guards in the analysis ("one broken check must not lose the other findings")
let it through. The timer repeats every ``REPEAT`` seconds after it first
fires, in case a C extension swallowed the first exception.

The timer only works in the main thread, on systems with ``setitimer``, and
when no other timer is running (pytest-timeout, a caller's own alarm); there
``limit`` does nothing and ``available()`` says so.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

REPEAT = 0.25


class TooSlow(BaseException):
    """The work took longer than its time limit."""


def available() -> bool:
    """True when ``limit`` can stop work in this thread."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0


@contextmanager
def limit(seconds: float | None) -> Iterator[bool]:
    """Raise ``TooSlow`` in the ``with`` block after ``seconds``. Yields whether the limit is in force."""
    if seconds is None or seconds <= 0 or not available():
        yield False
        return
    armed = [True]

    def fire(signum, frame):
        if armed[0]:
            raise TooSlow()

    previous = signal.signal(signal.SIGALRM, fire)
    try:
        # armed inside the ``try``: an alarm that fires at once (a tiny limit) still reaches the
        # ``finally`` that stops the timer; armed before it, a repeating timer would outlive the block
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        yield True
    finally:
        armed[0] = False      # an alarm that fires from here on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
