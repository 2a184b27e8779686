"""letterlab: a Danish plain-language (klarsprog) letter analyser and rewriting assistant."""
__version__ = "0.1.0"


def analyse(source, rules=None, **kwargs):
    """Analyse one letter; see :func:`letterlab.core.analyse`."""
    from .core import analyse as _analyse

    return _analyse(source, rules, **kwargs)


__all__ = ["analyse", "__version__"]
