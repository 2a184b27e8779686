"""Set-up shared by letterlab's worker processes (the audit pool and the web server's pool),
and the BLAS thread limit of the process that runs the command.

numpy's OpenBLAS starts one thread per core when it loads. letterlab's matrix
products are small (a letter's tokens × 384), so a second thread buys little,
and when every core already runs an analysis (a pool of one process per core,
or other programs) the BLAS threads fight over the cores: an audit worker with
3 threads used 1.6× the CPU of one with 1. The limit has to be in force in the
process that does the maths, and before or after numpy loads:

* ``OPENBLAS_NUM_THREADS`` and its siblings are read once, when the library
  loads, so setting them only helps if numpy has not been imported yet;
* ``threadpoolctl.threadpool_limits`` changes a library that is already
  loaded, so it only helps after numpy has been imported.

``limit_blas_threads`` does both.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time

# The variables the BLAS and OpenMP builds numpy, thinc and blis may use read at load time.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                         "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def limit_blas_threads(*, force: bool = False) -> None:
    """One BLAS thread in this process, and in the processes it starts later.

    ``force=False`` (the command's own process): a thread variable the user has
    set is kept, and numpy is not imported here; if it already is, its BLAS is
    limited now. ``force=True`` (a pool worker, where the pool already shares
    out the cores): every variable is set to 1, numpy is imported and its BLAS
    limited, whatever the environment said.
    """
    for name in BLAS_THREAD_VARIABLES:
        if force:
            os.environ[name] = "1"
        else:
            os.environ.setdefault(name, "1")
    if not force and "numpy" not in sys.modules:
        return   # numpy will read the variables when it loads
    if not force and any(os.environ.get(n, "1") != "1" for n in BLAS_THREAD_VARIABLES):
        return   # the user asked for more threads
    import numpy  # noqa: F401  (loads the BLAS library, so that there is something to limit)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def init_worker_process(poll_seconds: float = 1.0) -> None:
    """Call first in a worker process.

    * One BLAS thread: the workers already share out the cores between them.
    * The worker ends when its parent does. A parent stopped by a signal never
      shuts its pool down; its workers would otherwise live on, idle, holding
      memory and the parent's output pipes.
    """
    limit_blas_threads(force=True)
    # The pid the pool started us from, not os.getppid(): if the parent has already
    # died while this worker was starting, getppid() would name the new parent.
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None else os.getppid()
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(poll_seconds)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="letterlab-parent-watch", daemon=True).start()


def blas_threads() -> dict[str, int]:
    """Threads of each BLAS or OpenMP library loaded in this process (``threadpoolctl``'s view), by library."""
    from threadpoolctl import threadpool_info

    return {f"{i['internal_api']}:{os.path.basename(i['filepath'])}": i["num_threads"] for i in threadpool_info()}


def numpy_blas_threads() -> dict[str, int]:
    """``blas_threads()`` after numpy (and with it its BLAS) has been imported. For tests and diagnostics."""
    import numpy  # noqa: F401

    return blas_threads()


# ---------------------------------------------------------------- the cyclic garbage collector

_gc_paused = False


def pause_gc_until_loaded() -> None:
    """No cyclic garbage collection until the pipeline has loaded (``settle_gc``).

    Importing spaCy and loading a pipeline make about 100,000 objects that live as long as the
    process, and none of them is garbage; the collector scanned them again and again while they
    were made (about a tenth of a second of CPU in a cold ``letterlab check``). For the commands
    that load the pipeline at once (``cli.run``); ``settle_gc`` switches the collector on again.
    """
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def settle_gc() -> None:
    """Keep every object made so far out of later collections (``gc.freeze``), and collect again if paused.

    Called when the pipeline has loaded and after the first analysis (the rules' word lists and
    compiled patterns): a full collection then scans only what the analyses make, not the modules,
    the pipeline and the rules, which live as long as the process. Garbage among them is frozen too,
    and never freed: with the collector off from the start, the import, the load and the first
    analysis left 228 unreachable objects and no measurable memory, so no collection goes first
    (a full one cost 0.08 s of CPU).
    """
    global _gc_paused
    gc.freeze()
    if _gc_paused:
        gc.enable()
        _gc_paused = False
