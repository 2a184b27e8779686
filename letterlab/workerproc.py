"""Set-up shared by letterlab's worker processes (the audit pool and the web server's pool)."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time


def init_worker_process(poll_seconds: float = 1.0) -> None:
    """Call first in a worker process.

    * One BLAS thread: the workers already share out the cores between them.
    * The worker ends when its parent does. A parent stopped by a signal never
      shuts its pool down; its workers would otherwise live on, idle, holding
      memory and the parent's output pipes.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
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
