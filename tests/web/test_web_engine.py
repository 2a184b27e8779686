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


def test_a_dead_worker_gives_busy_once_and_the_pool_comes_back(ruleset):
    eng = Engine(ruleset=ruleset, workers=2)
    try:
        eng.warm_up()
        for pid in list(eng._pool._processes):
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(EngineBusy):
            for _ in range(50):  # the pool notices the dead workers within a moment
                eng.analyse(LETTER)
        assert eng.analyse(LETTER).findings
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
