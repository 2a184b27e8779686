"""The engine behind the web app: in-process, or a pool of worker processes."""
from __future__ import annotations

import os
import signal

import pytest

from letterlab.core import analyse
from letterlab.nlp.pipeline import ModelError
from letterlab_web.engine import Engine, EngineBusy

LETTER = ("Kære Anna\n\nDin ansøgning er blevet behandlet. Vi fremsender hermed afgørelsen.\n\n"
          "Du skal sende os dine lønsedler senest den 1. maj.\n\nMed venlig hilsen\nBo")

pytestmark = pytest.mark.model


def test_pool_gives_the_same_report_as_in_process(ruleset, nlp):
    eng = Engine(ruleset=ruleset, workers=2)
    try:
        assert eng.nlp is None  # the server process holds only the rules
        eng.warm_up()
        got = eng.analyse(LETTER, genre="afgoerelse")
        want = analyse(LETTER, ruleset, genre="afgoerelse", nlp=nlp)
        assert got.to_dict(include_text=True) == want.to_dict(include_text=True)
        assert got.scores["passive_count"] >= 1
    finally:
        eng.close()


def test_idle_workers_that_die_are_replaced_without_an_error(ruleset):
    eng = Engine(ruleset=ruleset, workers=2)
    try:
        eng.warm_up()
        old = set(eng._pool._processes)
        for pid in old:
            os.kill(pid, signal.SIGKILL)
        for proc in list(eng._pool._processes.values()):
            proc.join(10)                               # gone (not just signalled) before the next request
        assert eng.analyse(LETTER).findings     # no request was running: nobody gets an error
        assert not old & set(eng._pool._processes)
    finally:
        eng.close()


def test_a_worker_killed_mid_request_fails_only_that_request_and_a_slow_one_hits_the_time_limit(ruleset):
    """Before the worker pool, one dead worker broke the whole ProcessPoolExecutor (every request: 503)
    and nothing stopped a letter that took minutes."""
    import threading
    import time

    from letterlab_web.engine import EngineTimeout

    long_letter = (LETTER + "\n\n") * 400              # ~100,000 characters: far over a 1-second limit
    eng = Engine(ruleset=ruleset, workers=2, time_limit=1.0)
    try:
        eng.warm_up()
        outcome = {}

        def slow():
            try:
                eng.analyse(long_letter)
                outcome["slow"] = "ok"
            except Exception as exc:  # noqa: BLE001
                outcome["slow"] = type(exc).__name__

        t = threading.Thread(target=slow)
        t.start()
        while not eng._pool.busy_pids():
            time.sleep(0.01)
        assert eng.analyse(LETTER).findings                 # the other worker answers meanwhile
        t.join(60)
        assert outcome["slow"] == "EngineTimeout"
        with pytest.raises(EngineTimeout):
            eng.analyse(long_letter)

        # a worker killed while it works: only its own request fails
        t = threading.Thread(target=slow)
        t.start()
        while not eng._pool.busy_pids():
            time.sleep(0.01)
        os.kill(eng._pool.busy_pids()[0], signal.SIGKILL)
        t.join(60)
        assert outcome["slow"] == "EngineBusy"
        assert eng.analyse(LETTER).findings
    finally:
        eng.close()


def _eventually(cond, seconds: float = 120.0) -> bool:
    import time

    end = time.monotonic() + seconds
    while not cond():
        if time.monotonic() > end:
            return False
        time.sleep(0.1)
    return True


def test_workers_are_recycled_after_max_tasks(ruleset):
    eng = Engine(ruleset=ruleset, workers=1, time_limit=30, max_tasks=2)
    try:
        eng.warm_up()
        first = set(eng._pool._processes)
        for _ in range(3):
            assert eng.analyse(LETTER).findings
        assert eng._pool.recycled >= 1
        # the old worker serves on until its replacement is ready, then it ends
        assert _eventually(lambda: not first & set(eng._pool.pids()) and len(eng._pool.pids()) == 1)
    finally:
        eng.close()


def test_a_worker_over_the_memory_cap_is_replaced_after_its_analysis(ruleset):
    """#15 item 7: workers kept 0.6-1 GB after huge letters; above ``max_rss_mb`` a worker is replaced."""
    eng = Engine(ruleset=ruleset, workers=1, time_limit=30, max_tasks=None, max_rss_mb=1)   # every worker is over
    try:
        eng.warm_up()
        first = set(eng._pool._processes)
        assert eng.analyse(LETTER).findings           # the analysis itself is answered
        assert eng._pool.recycled == 1
        assert eng.analyse(LETTER).findings           # ... and so is the next one, while the fresh worker starts
        assert eng._pool.recycled == 1                # one replacement is on its way: no second one
        assert _eventually(lambda: not first & set(eng._pool.pids()) and len(eng._pool.pids()) == 1)
    finally:
        eng.close()


def test_a_missing_model_reaches_the_server_as_a_model_error(ruleset, tmp_path):
    eng = Engine(ruleset=ruleset, workers=2, model=str(tmp_path / "ingen-model"))
    try:
        with pytest.raises(ModelError) as err:
            eng.warm_up()
        assert "finde modellen" in str(err.value)
    finally:
        eng.close()


def test_workers_end_when_the_server_process_is_killed(tmp_path):
    """A server killed without warning (SIGKILL) leaves no worker processes behind."""
    import subprocess
    import sys
    import time

    script = tmp_path / "server.py"
    script.write_text(
        "from letterlab.ruleset import default_ruleset\n"
        "from letterlab_web.engine import Engine\n"
        "if __name__ == '__main__':\n"
        "    eng = Engine(ruleset=default_ruleset(), workers=2)\n"
        "    eng.warm_up()\n"
        "    print(' '.join(str(p) for p in eng._pool._processes), flush=True)\n"
        "    import time; time.sleep(600)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2
    finally:
        proc.kill()
        proc.wait()

    def alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        with open(f"/proc/{pid}/stat") as fh:   # a zombie has ended
            return fh.read().split()[2] != "Z"

    deadline = time.time() + 30
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in pids)
