"""Matrix products through numpy's BLAS instead of thinc's bundled blis.

thinc's ``NumpyOps.gemm`` calls the ``blis`` package. On the machines we
measured (AMD EPYC with AVX-512), numpy's own OpenBLAS is about three times
faster for the shapes the tok2vec and parser layers use (6,400 × 384 × 384:
94 vs 31 GFLOP/s); the whole pipeline, where the products are only part of
the work, runs 1.1–1.2× faster (``benchmarks/bench_pipeline.py``,
``openblas_speedup_over_blis``; docs/model.md).

Only ``gemm`` changes; everything else is thinc's ``NumpyOps``. Results equal
blis's up to float32 rounding (``tests/nlp/test_fastops.py``).

``use_blas_ops(nlp)`` switches an already loaded pipeline. ``BlasOps`` can
also be made the current ops (``thinc.api.set_current_ops``) before training,
so that every layer built afterwards uses it.
"""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class BlasOps(NumpyOps):
    """thinc NumpyOps whose ``gemm`` is ``numpy.matmul``."""

    name = "letterlab_blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


_OPS = BlasOps()


def blas_ops() -> BlasOps:
    return _OPS


def use_blas_ops(nlp) -> int:
    """Make every thinc layer of ``nlp`` that runs on plain NumpyOps use
    :class:`BlasOps`. Returns how many layers were switched."""
    switched = 0
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = _OPS
                switched += 1
    return switched
