"""BlasOps multiplies like thinc's NumpyOps, and the loaded pipeline uses it."""
import numpy
import pytest
from thinc.api import NumpyOps

from letterlab.nlp.fastops import BlasOps, use_blas_ops


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_matches_numpy_ops(trans1, trans2):
    rng = numpy.random.default_rng(0)
    a = rng.standard_normal((7, 5)).astype("f")
    b = rng.standard_normal((5, 3)).astype("f")
    x = numpy.ascontiguousarray(a.T) if trans1 else a
    y = numpy.ascontiguousarray(b.T) if trans2 else b
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (7, 3)
    numpy.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_gemm_writes_into_out():
    a = numpy.arange(6, dtype="f").reshape(2, 3)
    b = numpy.ones((3, 2), dtype="f")
    out = numpy.zeros((2, 2), dtype="f")
    res = BlasOps().gemm(a, b, out=out)
    assert res is out
    numpy.testing.assert_array_equal(out, [[3, 3], [12, 12]])


def test_use_blas_ops_switches_every_numpy_layer():
    import spacy

    nlp = spacy.blank("da")
    nlp.add_pipe("tagger")
    model = nlp.get_pipe("tagger").model
    assert any(type(n.ops) is NumpyOps for n in model.walk())
    assert use_blas_ops(nlp) > 0
    assert all(isinstance(n.ops, BlasOps) for n in model.walk())
    assert use_blas_ops(nlp) == 0
