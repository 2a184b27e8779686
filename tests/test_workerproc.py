"""The one-BLAS-thread limit holds in real worker processes and in the command's own process.

Each test asks threadpoolctl, inside the process that does the maths, how many
threads numpy's BLAS will use. The parent's environment asks for as many
threads as there are cores (OpenBLAS never starts more), so a limit that does
not hold shows as that number (the control test shows that it does). With one
core there is nothing to tell apart, and the tests are skipped. No timings.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from letterlab.workerproc import BLAS_THREAD_VARIABLES, init_worker_process, numpy_blas_threads

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
ASKED = str(min(CORES, 4))

pytestmark = pytest.mark.skipif(CORES < 2, reason="one core: one BLAS thread with or without the limit")


@pytest.fixture
def three_threads_asked(monkeypatch):
    """The environment a spawned worker inherits asks every BLAS for one thread per core."""
    for name in BLAS_THREAD_VARIABLES:
        monkeypatch.setenv(name, ASKED)


def _threads_in_worker(initializer=None, initargs=()) -> dict[str, int]:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=initializer, initargs=initargs) as pool:
        return pool.submit(numpy_blas_threads).result(timeout=120)


def _blas(threads: dict[str, int]) -> dict[str, int]:
    found = {k: v for k, v in threads.items() if k.split(":")[0] in ("openblas", "mkl", "blis")}
    assert found, f"no BLAS library seen by threadpoolctl: {threads}"
    return found


def test_control_a_worker_without_the_limit_runs_the_threads_the_environment_asks_for(three_threads_asked):
    assert set(_blas(_threads_in_worker()).values()) == {int(ASKED)}


def test_init_worker_process_gives_one_blas_thread(three_threads_asked):
    assert set(_blas(_threads_in_worker(init_worker_process)).values()) == {1}


def test_the_web_pool_worker_has_one_blas_thread(three_threads_asked, ruleset):
    from letterlab_web.engine import _worker_init

    threads = _threads_in_worker(_worker_init, (pickle.dumps(ruleset), None))
    assert set(_blas(threads).values()) == {1}


def test_the_audit_pool_worker_has_one_blas_thread(three_threads_asked, ruleset):
    from letterlab.audit.runner import _Config, _init_worker

    cfg = _Config(rules_blob=pickle.dumps(ruleset), ruleset_version="t", model=None, model_key="m", profile=None,
                  genre=None, cache_path=None, annotate_dir=None, explanations={}, titles={})
    assert set(_blas(_threads_in_worker(_init_worker, (cfg,))).values()) == {1}


def _command_process_threads(code: str, env_extra: dict[str, str]) -> set[int]:
    env = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}
    env.update(env_extra)
    probe = ("import sys; from letterlab.workerproc import numpy_blas_threads;"
             "print(sorted(set(v for k, v in numpy_blas_threads().items() if k.split(':')[0] == 'openblas')), file=sys.__stdout__)")
    out = subprocess.run([sys.executable, "-c", code + ";" + probe], env=env, capture_output=True, text=True,
                         check=True, timeout=120)
    return set(eval(out.stdout.strip().splitlines()[-1]))


def test_the_command_process_runs_one_blas_thread_unless_the_user_asks_for_more():
    # ``letterlab rules list`` runs main() without loading numpy; the limit must hold when numpy loads later.
    code = "import io, contextlib; from letterlab.cli import main; contextlib.redirect_stdout(io.StringIO()).__enter__(); main(['rules', 'list'])"
    assert _command_process_threads(code, {}) == {1}
    assert _command_process_threads(code, {"OPENBLAS_NUM_THREADS": ASKED}) == {int(ASKED)}


def test_the_limit_holds_when_numpy_was_loaded_first():
    # numpy loads with several threads; the variables are gone by the time the limit is asked for.
    code = (f"import os; os.environ['OPENBLAS_NUM_THREADS'] = '{ASKED}'; import numpy;"
            "from letterlab.workerproc import BLAS_THREAD_VARIABLES, limit_blas_threads;"
            "[os.environ.pop(n, None) for n in BLAS_THREAD_VARIABLES]; limit_blas_threads()")
    assert _command_process_threads(code, {}) == {1}


def test_settle_gc_freezes_what_exists_and_resumes_a_paused_collector():
    code = ("import gc; from letterlab import workerproc as w\n"
            "gc.disable(); w.pause_gc_until_loaded(); still_off = not gc.isenabled()\n"   # not ours to resume
            "w.settle_gc(); print(still_off, gc.isenabled())\n"
            "gc.enable(); gc.unfreeze(); w.pause_gc_until_loaded(); off = not gc.isenabled()\n"
            "w.settle_gc(); print(off, gc.isenabled(), gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["True", "False", "True", "True", "True"]
